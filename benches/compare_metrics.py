#!/usr/bin/env python3
"""Time python-igraph (and, with --networkx, networkx) on an edge list
written by `cargo bench --bench metrics -- --write-edges FILE`.

Path lengths are 1/weight for the weighted runs, as verkosto's. Prints one
line per metric: name, seconds, and a check value (the maximum).

  python3 benches/compare_metrics.py FILE [--only betweenness_unweighted,...] [--networkx]
"""
import sys
import time


def main():
    path = sys.argv[1]
    only = None
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1].split(",")
    edges, weights, n = [], [], 0
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            u, v = int(parts[0]), int(parts[1])
            w = float(parts[2]) if len(parts) > 2 else 1.0
            edges.append((u, v))
            weights.append(w)
            n = max(n, u + 1, v + 1)
    membership_path = path + ".membership"
    try:
        with open(membership_path) as f:
            planted = [int(x) for x in f.read().split()]
        n = max(n, len(planted))
    except FileNotFoundError:
        planted = None
    import igraph as ig
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    g.es["length"] = [1.0 / w for w in weights]
    print(f"igraph {ig.__version__}: {g.vcount()} nodes, {g.ecount()} ties")

    def run(name, f):
        if only and name not in only:
            return
        start = time.perf_counter()
        note = f()
        print(f"{name:<26} {time.perf_counter() - start:9.2f} s  {note}", flush=True)

    def top(values):
        return f"max {max(values):.6f}"

    scale = 2.0 / ((n - 1) * (n - 2))
    run("betweenness_unweighted", lambda: top([b * scale for b in g.betweenness()]))
    run("betweenness_weighted", lambda: top([b * scale for b in g.betweenness(weights="length")]))
    # igraph's closeness ignores unreachable nodes: r/Σd; verkosto's (and
    # networkx's wf_improved) multiplies by r/(n−1). Timing is what counts.
    run("closeness_unweighted", lambda: top([c for c in g.closeness() if c == c]))
    run("closeness_weighted", lambda: top([c for c in g.closeness(weights="length") if c == c]))
    run("harmonic_unweighted", lambda: top(g.harmonic_centrality()))
    run("harmonic_weighted", lambda: top(g.harmonic_centrality(weights="length")))

    import random

    def mean_of_seeds(detect):
        # Mean over 5 seeds, as benches/metrics.rs; the time printed is per run.
        qs, counts, nmis = [], [], []
        for seed in range(1, 6):
            random.seed(seed)
            c = detect()
            qs.append(g.modularity(c.membership, weights="weight"))
            counts.append(len(c))
            if planted:
                nmis.append(ig.compare_communities(c.membership, planted, method="nmi"))
        note = f"per run (mean of 5 seeds): modularity {sum(qs) / 5:.6f}, {sum(counts) / 5:.1f} communities"
        if planted:
            note += f", NMI vs planted {sum(nmis) / 5:.4f}"
        return note

    def run_per(name, f):
        if only and name not in only:
            return
        start = time.perf_counter()
        note = f()
        print(f"{name:<26} {(time.perf_counter() - start) / 5:9.2f} s  {note}", flush=True)

    run_per("leiden", lambda: mean_of_seeds(lambda: g.community_leiden(objective_function="modularity", weights="weight")))
    run_per("louvain", lambda: mean_of_seeds(lambda: g.community_multilevel(weights="weight")))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""NetworKit on the network verkosto exported (`export --to csv`: ties.csv):
reading the ties, and Riondato–Kornaropoulos sampled betweenness
(`ApproxBetweenness`) at the same ε and δ. With EXACT (a verkosto
`actors --metrics betweenness --unweighted -f csv` file) and SAMPLED (the
same with --sample), prints each estimate's largest error against it.

  python3 benches/scale_networkit.py TIES_CSV EPSILON DELTA [EXACT SAMPLED]
"""
import csv
import sys
import time


def main():
    ties, epsilon, delta = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    import networkit as nk

    nk.setNumberOfThreads(2)
    start = time.perf_counter()
    index = {}
    edges = []
    with open(ties, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u = index.setdefault(row["source"], len(index))
            v = index.setdefault(row["target"], len(index))
            edges.append((u, v))
    exact_ids = None
    if len(sys.argv) > 5:
        with open(sys.argv[4], newline="", encoding="utf-8") as f:
            exact = {r["id"]: float(r["betweenness"]) for r in csv.DictReader(f)}
        for actor in exact:
            index.setdefault(actor, len(index))
        exact_ids = exact
    g = nk.Graph(len(index))
    for u, v in edges:
        g.addEdge(u, v)
    print(f"networkit {nk.__version__}: read {g.numberOfNodes()} nodes, {g.numberOfEdges()} ties in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    approx = nk.centrality.ApproxBetweenness(g, epsilon=epsilon, delta=delta)
    approx.run()
    took = time.perf_counter() - start
    print(f"networkit ApproxBetweenness(epsilon={epsilon}, delta={delta}): {took:.2f} s, {approx.numberOfSamples()} samples")
    if exact_ids is not None:
        scores = approx.scores()
        n = g.numberOfNodes()
        # NetworKit normalises by n(n-1) over ordered pairs; verkosto by
        # (n-1)(n-2)/2 over unordered pairs.
        scale = n / (n - 2)
        worst = max(abs(scores[index[a]] * scale - b) for a, b in exact_ids.items())
        print(f"networkit largest error against exact: {worst:.6f}")
        with open(sys.argv[5], newline="", encoding="utf-8") as f:
            sampled = {r["id"]: float(r["betweenness"]) for r in csv.DictReader(f)}
        worst = max(abs(sampled[a] - b) for a, b in exact_ids.items())
        print(f"verkosto largest error against exact: {worst:.6f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate LFR benchmark graphs (Lancichinetti, Fortunato & Radicchi 2008)
with networkx, as `u v` edge lists plus `FILE.membership` (the planted
community of each node), for `cargo bench --bench metrics -- --graph FILE`
and `benches/compare_metrics.py FILE`.

  python3 benches/lfr.py OUT N MU [AVERAGE_DEGREE] [MAX_DEGREE] [MIN_COMMUNITY] [MAX_COMMUNITY]
"""
import sys

import networkx as nx


def main():
    out, n, mu = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    average = float(sys.argv[4]) if len(sys.argv) > 4 else 20
    largest = int(sys.argv[5]) if len(sys.argv) > 5 else 50
    smallest_c = int(sys.argv[6]) if len(sys.argv) > 6 else 20
    largest_c = int(sys.argv[7]) if len(sys.argv) > 7 else 100
    for seed in range(1, 50):
        try:
            G = nx.LFR_benchmark_graph(
                n, 2.5, 1.5, mu, average_degree=average, max_degree=largest,
                min_community=smallest_c, max_community=largest_c, seed=seed, max_iters=2000,
            )
            break
        except nx.ExceededMaxIterations:
            continue
    else:
        sys.exit("LFR generation did not converge")
    G.remove_edges_from(nx.selfloop_edges(G))
    community = {}
    for v in G:
        c = frozenset(G.nodes[v]["community"])
        community.setdefault(c, len(community))
    with open(out, "w") as f:
        for u, v in G.edges():
            f.write(f"{u} {v}\n")
    with open(out + ".membership", "w") as f:
        f.write(" ".join(str(community[frozenset(G.nodes[v]["community"])]) for v in sorted(G)) + "\n")
    print(f"{out}: {G.number_of_nodes()} nodes, {G.number_of_edges()} ties, {len(community)} communities, mu {mu}, seed {seed}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Leiden in igraph or NetworKit on the same network verkosto analyses, as
a whole process: read the ties (a verkosto `export --to csv` ties.csv, or
a `u v` edge list from benches/lfr.py), run Leiden for modularity with 2
iterations, print the time of each step and the modularity reached.

  python3 benches/leiden_others.py igraph|networkit TIES [SEED]

Run it under /usr/bin/time for the whole process (benches/compare-leiden.sh).
"""
import csv
import sys
import time


def read(path):
    """Node count, edges and weights (1 for an unweighted edge list)."""
    index, edges, weights = {}, [], []
    with open(path, newline="", encoding="utf-8") as f:
        if path.endswith(".csv"):
            for row in csv.DictReader(f):
                edges.append((index.setdefault(row["source"], len(index)),
                              index.setdefault(row["target"], len(index))))
                weights.append(float(row["weight"]))
        else:
            for line in f:
                u, v = line.split()
                edges.append((index.setdefault(u, len(index)), index.setdefault(v, len(index))))
                weights.append(1.0)
    return len(index), edges, weights


def main():
    tool, path = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    start = time.perf_counter()
    n, edges, weights = read(path)
    read_s = time.perf_counter() - start
    if tool == "igraph":
        import igraph as ig
        import random
        random.seed(seed)
        ig.set_random_number_generator(random)
        start = time.perf_counter()
        g = ig.Graph(n=n, edges=edges, edge_attrs={"weight": weights})
        built = time.perf_counter() - start
        start = time.perf_counter()
        part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
        took = time.perf_counter() - start
        q = g.modularity(part.membership, weights="weight")
        count = len(part)
        version = ig.__version__
    elif tool == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(2)
        nk.engineering.setSeed(seed, True)
        start = time.perf_counter()
        g = nk.Graph(n, weighted=True)
        for (u, v), w in zip(edges, weights):
            g.addEdge(u, v, w)
        built = time.perf_counter() - start
        start = time.perf_counter()
        algo = nk.community.ParallelLeiden(g, iterations=2)
        algo.run()
        took = time.perf_counter() - start
        part = algo.getPartition()
        q = nk.community.Modularity().getQuality(part, g)
        count = part.numberOfSubsets()
        version = nk.__version__
    else:
        sys.exit(f"unknown tool {tool!r}: igraph or networkit")
    print(f"{tool} {version}: read {read_s:.2f} s, graph {built:.2f} s, Leiden {took:.2f} s; "
          f"{n} nodes, {len(edges)} ties, {count} communities, modularity {q:.4f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""NetworKit's exact betweenness and closeness, unweighted and weighted
(distance 1/weight, as verkosto), on the ties verkosto exported
(`export --to csv`: ties.csv), timed inside the process after reading.

  python3 benches/paths_networkit.py TIES_CSV [METRIC[=VERKOSTO_SECONDS] ...]

METRIC is betweenness, closeness, betweenness-weighted or
closeness-weighted (all four by default); with verkosto's time for the
same metric, the ratio is printed too.
"""
import csv
import sys
import time


def main():
    import networkit as nk

    nk.setNumberOfThreads(2)
    path = sys.argv[1]
    asked = sys.argv[2:] or ["betweenness", "betweenness-weighted", "closeness", "closeness-weighted"]
    metrics = [a.split("=")[0] for a in asked]
    theirs = {a.split("=")[0]: float(a.split("=")[1]) for a in asked if "=" in a}
    index, edges = {}, []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            edges.append((index.setdefault(row["source"], len(index)),
                          index.setdefault(row["target"], len(index)),
                          float(row["weight"])))
    plain = nk.Graph(len(index))
    lengths = nk.Graph(len(index), weighted=True)
    for u, v, w in edges:
        plain.addEdge(u, v)
        lengths.addEdge(u, v, 1.0 / w)
    for metric in metrics:
        graph = lengths if metric.endswith("-weighted") else plain
        start = time.perf_counter()
        if metric.startswith("betweenness"):
            algo = nk.centrality.Betweenness(graph, normalized=True)
        else:
            algo = nk.centrality.Closeness(graph, True, nk.centrality.ClosenessVariant.GENERALIZED)
        algo.run()
        took = time.perf_counter() - start
        versus = f"; networkit / verkosto: {took / theirs[metric]:.2f}×" if metric in theirs else ""
        print(f"networkit {nk.__version__} {metric}: {took:.1f} s "
              f"({graph.numberOfNodes()} nodes, {graph.numberOfEdges()} ties){versus}", flush=True)


if __name__ == "__main__":
    main()

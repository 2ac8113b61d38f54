#!/usr/bin/env python3
"""NetworKit's KADABRA sampled betweenness (Borassi & Natale 2016) on the
ties verkosto exported (`export --to csv`: ties.csv), at the same ε and δ
as `verkosto actors --metrics betweenness --unweighted --sample ε,δ`:
prints the time to read the ties and the time of KADABRA alone.

  python3 benches/kadabra_networkit.py TIES_CSV EPSILON DELTA
"""
import csv
import sys
import time

import networkit as nk

ties, epsilon, delta = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
nk.setNumberOfThreads(2)
start = time.perf_counter()
index = {}
g = nk.Graph(0)
edges = []
with open(ties, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        edges.append((index.setdefault(row["source"], len(index)),
                      index.setdefault(row["target"], len(index))))
g = nk.Graph(len(index))
for u, v in edges:
    g.addEdge(u, v)
read = time.perf_counter() - start
start = time.perf_counter()
kadabra = nk.centrality.KadabraBetweenness(g, err=epsilon, delta=delta)
kadabra.run()
print(f"networkit {nk.__version__} KADABRA (ε {epsilon}, δ {delta}): read {read:.2f} s, "
      f"run {time.perf_counter() - start:.2f} s on {g.numberOfNodes()} nodes, {g.numberOfEdges()} ties")

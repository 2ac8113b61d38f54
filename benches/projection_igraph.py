"""The actor-actor projection by python-igraph, as a whole process: read
a two-mode edge list (benches/two_mode_edges.py), build the bipartite
graph, project it with multiplicities (the number of shared engagements,
verkosto's `count` weight) and write the ties as CSV, as verkosto's
`actors`/`ties` commands read, project and write.

    python3 benches/projection_igraph.py EDGES.tsv OUT.csv
"""
import sys
import time

import igraph

start = time.perf_counter()
actors, engagements, edges = {}, {}, []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        a, e = line.rstrip("\n").split("\t")
        i = actors.setdefault(a, len(actors))
        j = engagements.setdefault(e, len(engagements))
        edges.append((i, j))
n = len(actors)
graph = igraph.Graph.Bipartite(
    [False] * n + [True] * len(engagements), [(i, n + j) for i, j in edges]
)
read = time.perf_counter()
projection = graph.bipartite_projection(multiplicity=True, which=0)
projected = time.perf_counter()
names = list(actors)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("source,target,weight\n")
    for (s, t), w in zip(projection.get_edgelist(), projection.es["weight"]):
        out.write(f"{names[s]},{names[t]},{w}\n")
end = time.perf_counter()
print(
    f"igraph: {projection.ecount()} ties; read {read - start:.2f} s, "
    f"project {projected - read:.2f} s, write {end - projected:.2f} s",
    file=sys.stderr,
)

#!/usr/bin/env python3
"""The sdsm p-values of a verkosto dataset with the `bicm` package, as a
whole process for benches/compare-backbone.sh: read the JSON, build the
actor x engagement matrix (every participation), solve the bipartite
configuration model, compute the p-value of every co-occurring pair
(method 'poibin') and write them as CSV (source, target, p_value).

  python3 benches/backbone_bicm.py DATASET.json OUT.csv
"""
import json
import sys
import warnings

import numpy as np
import scipy.sparse as sp
from bicm import BipartiteGraph

warnings.filterwarnings("ignore")


def main():
    dataset = json.load(open(sys.argv[1], encoding="utf-8"))
    sets = {}
    for e in dataset["engagements"]:
        members = {p["actor"] for p in e["participants"]}
        if members:
            sets[e["id"]] = members
    rows = sorted({a for m in sets.values() for a in m})
    index = {a: i for i, a in enumerate(rows)}
    r, c = [], []
    for j, e in enumerate(sorted(sets)):
        for a in sets[e]:
            r.append(index[a])
            c.append(j)
    matrix = sp.csr_matrix((np.ones(len(r), dtype=np.int64), (r, c)), shape=(len(rows), len(sets)))
    graph = BipartiteGraph(biadjacency=matrix)
    graph.solve_tool(method="newton", verbose=False, print_error=False)
    graph.compute_projection(rows=True, alpha=0.05, approx_method="poibin", threads_num=2, progress_bar=False)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("source,target,p_value\n")
        for i, neighbours in graph.rows_pvals.items():
            for j, p in neighbours.items():
                a, b = sorted((rows[i], rows[int(j)]))
                out.write(f"{a},{b},{float(p)!r}\n")


if __name__ == "__main__":
    main()

"""The actor-actor projection as a sparse matrix product B·Bᵀ (scipy), as a
whole process: read a two-mode edge list (benches/two_mode_edges.py), build
the actor × engagement matrix, multiply, and write the upper triangle's
ties with their counts as CSV.

    python3 benches/projection_scipy.py EDGES.tsv OUT.csv
"""
import sys
import time

import numpy as np
import scipy.sparse as sp

start = time.perf_counter()
actors, engagements, rows, cols = {}, {}, [], []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        a, e = line.rstrip("\n").split("\t")
        rows.append(actors.setdefault(a, len(actors)))
        cols.append(engagements.setdefault(e, len(engagements)))
b = sp.csr_matrix(
    (np.ones(len(rows), dtype=np.int32), (rows, cols)),
    shape=(len(actors), len(engagements)),
)
b.data[:] = 1  # a repeated participation counts once
read = time.perf_counter()
product = sp.triu(b @ b.T, k=1).tocoo()
projected = time.perf_counter()
names = list(actors)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("source,target,weight\n")
    for s, t, w in zip(product.row, product.col, product.data):
        out.write(f"{names[s]},{names[t]},{w}\n")
end = time.perf_counter()
print(
    f"scipy: {product.nnz} ties; read {read - start:.2f} s, "
    f"project {projected - read:.2f} s, write {end - projected:.2f} s",
    file=sys.stderr,
)

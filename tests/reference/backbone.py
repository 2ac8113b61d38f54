#!/usr/bin/env python3
"""Reference p-values and kept ties for `verkosto backbone`, from
independent implementations:

- sdsm: the bipartite configuration model solved by the `bicm` package
  (Vallarano et al.); each pair's P(V >= observed) from the Poisson-binomial
  of the pair's column probabilities, by the plain convolution of its
  Bernoullis (every column on its own; the upper tail summed from the
  probabilities, so tiny p-values keep their digits). The check also
  compares these with bicm's own `rows_pvals` (method 'poibin'), within
  1e-6 relative where bicm's 1 - CDF still has the digits (p >= 1e-8),
  and bicm's FDR- and Bonferroni-validated projections with the kept ties.
- hypergeometric: scipy.stats.hypergeom.sf.
- disparity: the formula of Serrano, Boguna and Vespignani (2009) on the
  count projection, written out.
- corrections: Benjamini-Hochberg, Holm, Bonferroni and none over the
  stated number of tests (every pair of actors for sdsm and
  hypergeometric, as bicm counts them; every tie for disparity).

Datasets: a generated 1,000 x 400 network with a few planted teams, a
small one, and the seed network with every role tied (`--role-ties
all=clique`).

Usage:
  python3 tests/reference/backbone.py           # (re)write the fixtures
  python3 tests/reference/backbone.py --check   # recompute, compare, exit 1 on a difference
"""
import contextlib
import io
import json
import math
import random
from fractions import Fraction
import sys
from pathlib import Path

import numpy as np
from scipy.stats import hypergeom
import warnings

from bicm import BipartiteGraph

warnings.filterwarnings("ignore")

from fixtures_io import keep

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parent.parent
ALPHA = Fraction(1, 20)
CORRECTIONS = ["fdr", "holm", "bonferroni", "none"]


def generate(name, seed, actors, engagements, teams):
    """Actors of heavy-tailed activity in engagements of heavy-tailed size,
    and `teams` trios that share several engagements."""
    rng = random.Random(seed)
    ids = [f"a{i:04d}" for i in range(actors)]
    activity = [rng.paretovariate(1.5) for _ in ids]
    sizes = list(range(2, 61))
    size_weights = [s ** -2.0 for s in sizes]
    members = []
    for _ in range(engagements):
        size = rng.choices(sizes, size_weights)[0]
        chosen = set()
        while len(chosen) < min(size, actors):
            chosen.add(rng.choices(ids, activity)[0])
        members.append(chosen)
    for _ in range(teams):
        trio = rng.sample(ids, 3)
        for e in rng.sample(range(engagements), rng.randint(4, 6)):
            members[e].update(trio)
    used = set().union(*members)
    for a in ids:
        if a not in used:
            rng.choice(members).add(a)
    return {
        "name": f"backbone reference {name}",
        "actors": [{"id": a, "name": f"Actor {a}"} for a in ids],
        "engagements": [
            {"id": f"e{j:04d}", "name": f"Engagement {j}",
             "participants": [{"actor": a, "role": "partner"} for a in sorted(m)]}
            for j, m in enumerate(members)
        ],
    }


def matrix(dataset):
    """Rows: actors in at least one engagement (id order); columns:
    engagements with at least one participant; every participation."""
    sets = {}
    for e in dataset["engagements"]:
        ms = {p["actor"] for p in e["participants"]}
        if ms:
            sets[e["id"]] = ms
    rows = sorted({a for ms in sets.values() for a in ms})
    index = {a: i for i, a in enumerate(rows)}
    cols = sorted(sets)
    m = np.zeros((len(rows), len(cols)), dtype=np.int64)
    for j, e in enumerate(cols):
        for a in sets[e]:
            m[index[a], j] = 1
    return rows, m


def upper_tail(probabilities, k):
    """P(V >= k), V a sum of Bernoullis: the full convolution, then the sum
    of the probabilities from k up."""
    pmf = np.zeros(len(probabilities) + 1)
    pmf[0] = 1.0
    for n, p in enumerate(probabilities, start=1):
        pmf[1:n + 1] = pmf[1:n + 1] * (1 - p) + pmf[0:n] * p
        pmf[0] *= 1 - p
    return float(pmf[k:].sum())


def threshold(pvals, tests, correction):
    s = sorted(pvals)
    m = max(tests, len(s), 1)
    if correction == "none":
        t = ALPHA
    elif correction == "bonferroni":
        t = ALPHA / m
    elif correction == "fdr":
        passing = [i for i, p in enumerate(s) if p <= (i + 1) * ALPHA / m]
        if not passing:
            return None
        t = (passing[-1] + 1) * ALPHA / m
    else:  # holm
        t = None
        for i, p in enumerate(s):
            if p <= ALPHA / (m - i):
                t = p
            else:
                break
        if t is None:
            return None
    return t if s and s[0] <= t else None


def reference(dataset):
    rows, m = matrix(dataset)
    n = len(rows)
    co = m @ m.T
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if co[i, j] > 0]
    d = m.sum(axis=1)
    cols = m.shape[1]

    graph = BipartiteGraph(biadjacency=m)
    graph.solve_tool(method="newton", tol=1e-14, eps=1e-14, max_steps=1000, verbose=False, print_error=False)
    x, y = graph.x, graph.y
    prob = np.outer(x, y) / (1 + np.outer(x, y))
    residual = max(np.max(np.abs(prob.sum(axis=1) - d) / d), np.max(np.abs(prob.sum(axis=0) - m.sum(axis=0)) / m.sum(axis=0)))

    cache = {}
    sdsm = []
    for i, j in pairs:
        key = (d[i], d[j], co[i, j])
        if key not in cache:
            cache[key] = upper_tail(prob[i] * prob[j], int(co[i, j]))
        sdsm.append(cache[key])

    # Exact rationals, so that a p-value equal to a threshold (20/400 =
    # 0.05) is decided as it is; scipy checks them.
    def hyper_exact(k, d1, d2):
        top = sum(math.comb(d1, v) * math.comb(cols - d1, d2 - v) for v in range(k, min(d1, d2) + 1))
        return Fraction(top, math.comb(cols, d2))

    hyper = [hyper_exact(int(co[i, j]), int(d[i]), int(d[j])) for i, j in pairs]
    for (i, j), p in zip(pairs, hyper):
        q = hypergeom.sf(int(co[i, j]) - 1, cols, int(d[i]), int(d[j]))
        assert abs(q - float(p)) <= 1e-9 * float(p), (q, p)

    strength = co.sum(axis=1) - np.diag(co)
    ties = (co > 0).sum(axis=1) - (np.diag(co) > 0)

    def end(a, w):
        if ties[a] <= 1:
            return Fraction(1)
        return (1 - Fraction(int(w), int(strength[a]))) ** int(ties[a] - 1)

    disparity = [min(end(i, co[i, j]), end(j, co[i, j])) for i, j in pairs]

    tests = {"sdsm": n * (n - 1) // 2, "hypergeometric": n * (n - 1) // 2, "disparity": len(pairs)}
    values = {"sdsm": [Fraction(p) for p in sdsm], "hypergeometric": hyper, "disparity": disparity}
    kept = {}
    for model, ps in values.items():
        kept[model] = {}
        for c in CORRECTIONS:
            t = threshold(ps, tests[model], c)
            kept[model][c] = [[rows[i], rows[j]] for (i, j), p in zip(pairs, ps) if t is not None and p <= t]
    result = {
        "matrix": [n, cols],
        "tests": tests,
        "pairs": [[rows[i], rows[j], int(co[i, j]), sdsm[k], float(hyper[k]), float(disparity[k])]
                  for k, (i, j) in enumerate(pairs)],
        "kept": kept,
    }
    return result, graph, residual, rows


def check_against_bicm(name, result, graph, rows_all):
    """bicm's own p-values and validated projections agree with ours."""
    ok = True
    with contextlib.redirect_stdout(io.StringIO()):  # bicm prints "No V-motifs…"
        graph.compute_projection(rows=True, alpha=float(ALPHA), approx_method="poibin", threads_num=2,
                                 progress_bar=False)
    ours = {(a, b): p for a, b, _, p, _, _ in result["pairs"]}
    worst = 0.0
    for i, neighbours in graph.rows_pvals.items():
        for j, p in neighbours.items():
            a, b = sorted((rows_all[i], rows_all[j]))
            q = ours[(a, b)]
            if q >= 1e-8:
                worst = max(worst, abs(p - q) / q)
            elif abs(p - q) > 1e-12:
                print(f"{name}: bicm p {p} vs {q} for {a}-{b}")
                ok = False
    if worst > 1e-6:
        print(f"{name}: bicm p-values differ by {worst:.2e} (relative)")
        ok = False
    for method in ["fdr", "bonferroni"]:
        with contextlib.redirect_stdout(io.StringIO()):
            graph.compute_projection(rows=True, alpha=float(ALPHA), approx_method="poibin", threads_num=2,
                                     progress_bar=False, validation_method=method)
        validated = set()
        for i, neighbours in (graph.projected_rows_adj_list or {}).items():
            for j in neighbours:
                validated.add(tuple(sorted((rows_all[i], rows_all[j]))))
        want = {tuple(p) for p in result["kept"]["sdsm"][method]}
        if validated != want:
            print(f"{name}: bicm {method} keeps {len(validated)} ties, the reference {len(want)}")
            ok = False
    print(f"{name}: bicm p-values within {worst:.1e} (relative, p >= 1e-8); fdr and bonferroni kept ties equal")
    return ok


def cases():
    seed_network = json.loads((REPO / "graphs" / "finland-regional.json").read_text())
    return [
        ("generated", generate("generated", 7, 1000, 400, 25)),
        ("small", generate("small", 11, 60, 25, 3)),
        ("seed", seed_network),
    ]


def main():
    check = "--check" in sys.argv[1:]
    failed = False
    for name, dataset in cases():
        result, graph, residual, rows = reference(dataset)
        files = {FIXTURES / f"backbone-{name}.expected.json": result}
        if name != "seed":
            files[FIXTURES / f"backbone-{name}.dataset.json"] = dataset
        for path, value in files.items():
            if not keep(path, value, check, tol=1e-9):
                print(f"{path.name}: differs from what the reference gives now")
                failed = True
        if not check_against_bicm(name, result, graph, rows):
            failed = True
        kept = {m: len(result["kept"][m]["fdr"]) for m in result["kept"]}
        print(f"{name}: {result['matrix'][0]} x {result['matrix'][1]}, {len(result['pairs'])} pairs, "
              f"solver residual {residual:.1e}, kept with fdr {kept}")
    if check:
        print("fixtures differ" if failed else "fixtures match the references")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

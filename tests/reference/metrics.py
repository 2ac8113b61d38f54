#!/usr/bin/env python3
"""Reference values for verkosto's metrics, computed independently.

For each reference graph this writes a verkosto dataset and the values that
networkx 3.x (and, where networkx is wrong or silent, exact or brute-force
Python written here) gives:

- weighted betweenness: Brandes with exact rational arithmetic
  (fractions.Fraction), because networkx's float Dijkstra drops shortest
  paths whose float lengths differ in the last bits (DESIGN §3). The script
  prints how far networkx's own values are off on each graph;
- unweighted betweenness, closeness, harmonic (divided by n−1),
  eigenvector, PageRank, Katz, clustering, constraint, effective size, core
  number, transitivity, diameter, average path length, articulation points,
  bridges, assortativity: networkx;
- Gould–Fernandez brokerage, separated pairs, the mixing matrix and E–I
  index: brute force, straight from the definitions;
- modularity: the best of networkx's Louvain over 10 seeds, which
  verkosto's Leiden must reach;
- weighted effective size: networkx's pure-Python path (the documented
  definition); its sparse-matrix path disagrees with it (printed below).

Path lengths are 1/weight ("more shared engagements = closer").

Usage:
  python3 tests/reference/metrics.py           # (re)write the fixtures
  python3 tests/reference/metrics.py --check   # recompute and compare
"""
import heapq
import itertools
import json
import random
import sys
from fractions import Fraction
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

from fixtures_io import keep

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parent.parent


# ----------------------------------------------------------------- graphs

def one_mode_dataset(name, G, kinds):
    """A verkosto dataset of direct ties; weights must be exact rationals."""
    nodes = sorted(G.nodes())
    return {
        "name": name,
        "actors": [{"id": v, "name": f"Actor {v}", "kind": kinds[v]} for v in nodes],
        "ties": [
            {"source": u, "target": v, "weight": float(d["weight"])}
            for u, v, d in sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True))
        ],
    }


def karate():
    K = nx.karate_club_graph()
    G = nx.Graph()
    label = {v: f"m{v:02d}" for v in K}
    for u, v, d in K.edges(data=True):
        G.add_edge(label[u], label[v], weight=Fraction(d["weight"]))
    kinds = {label[v]: ("mr_hi" if K.nodes[v]["club"] == "Mr. Hi" else "officer") for v in K}
    return "karate", G, kinds, one_mode_dataset("Zachary karate club (weighted)", G, kinds)


def disconnected():
    """Three random components of different sizes, plus isolates."""
    rng = random.Random(7)
    G = nx.Graph()
    kinds = {}
    offset = 0
    for size, p in [(25, 0.18), (12, 0.3), (6, 0.5)]:
        while True:
            H = nx.gnp_random_graph(size, p, seed=rng.randrange(10**6))
            if nx.is_connected(H):
                break
        for u, v in H.edges():
            G.add_edge(f"d{u + offset:03d}", f"d{v + offset:03d}", weight=Fraction(rng.randint(1, 4)))
        offset += size
    for i in range(offset, offset + 4):
        G.add_node(f"d{i:03d}")
    for v in G:
        kinds[v] = rng.choice(["firm", "municipality", "university", "authority"])
    dataset = one_mode_dataset("disconnected with isolates", G, kinds)
    # Isolates take part in an engagement of their own so that they are
    # active actors of the network.
    dataset["engagements"] = [
        {"id": f"solo-{v}", "name": f"Solo {v}", "participants": [{"actor": v, "role": "partner"}]}
        for v in sorted(G) if G.degree(v) == 0
    ]
    return "disconnected", G, kinds, dataset


def equal_paths():
    """A 7×7 grid with weights 2, 3 and 6 (lengths 1/2, 1/3, 1/6): many
    routes of equal rational length whose float sums differ."""
    rng = random.Random(11)
    G = nx.Graph()
    for (r, c) in itertools.product(range(7), range(7)):
        for (dr, dc) in [(0, 1), (1, 0)]:
            if r + dr < 7 and c + dc < 7:
                G.add_edge(f"g{r}{c}", f"g{r + dr}{c + dc}", weight=Fraction(rng.choice([2, 3, 6])))
    kinds = {v: ["firm", "municipality"][(int(v[1]) + int(v[2])) % 2] for v in G}
    return "equal-paths", G, kinds, one_mode_dataset("grid with equal-length weighted paths", G, kinds)


def two_mode(name, path, projection, roles_all=False):
    """The one-mode projection of a verkosto two-mode dataset, with networkx."""
    dataset = json.loads(path.read_text())
    B = nx.Graph()
    actors = [a["id"] for a in dataset["actors"]]
    kinds = {a["id"]: a.get("kind", "other") for a in dataset["actors"]}
    for e in dataset["engagements"]:
        node = ("E", e["id"])
        B.add_node(node)
        for p in e["participants"]:
            if roles_all or p.get("role", "participant") != "target":
                B.add_edge(p["actor"], node)
    active = [a for a in actors if a in B and B.degree(a) > 0]
    if projection == "count":
        P = bipartite.weighted_projected_graph(B, active)
        for u, v, d in P.edges(data=True):
            d["weight"] = Fraction(d["weight"])
    elif projection == "jaccard":
        # shared / union of the two actors' engagements, as exact fractions;
        # nodes and ties added in sorted order, so that Louvain's seeded
        # runs see the same graph whatever Python's hash seed
        P = nx.Graph()
        P.add_nodes_from(sorted(active))
        pairs = sorted({tuple(sorted(p)) for e in B if isinstance(e, tuple)
                        for p in itertools.combinations(B[e], 2)})
        for u, v in pairs:
            shared = len(set(B[u]) & set(B[v]))
            P.add_edge(u, v, weight=Fraction(shared, len(set(B[u]) | set(B[v]))))
        check = bipartite.overlap_weighted_projected_graph(B, active, jaccard=True)
        for u, v, d in check.edges(data=True):
            assert abs(float(P[u][v]["weight"]) - d["weight"]) < 1e-12
    else:
        # collaboration weights as exact fractions: Σ 1/(n−1)
        P = nx.Graph()
        P.add_nodes_from(active)
        for e in B:
            if isinstance(e, tuple):
                members = sorted(B[e])
                for u, v in itertools.combinations(members, 2):
                    w = Fraction(1, len(members) - 1)
                    if P.has_edge(u, v):
                        P[u][v]["weight"] += w
                    else:
                        P.add_edge(u, v, weight=w)
        check = bipartite.collaboration_weighted_projected_graph(B, active)
        for u, v, d in check.edges(data=True):
            assert abs(float(P[u][v]["weight"]) - d["weight"]) < 1e-12
    return name, P, {v: kinds[v] for v in P}, None


# ---------------------------------------------------------------- metrics

def exact_betweenness(G):
    """Brandes on exact rational lengths 1/w; normalised like networkx."""
    bc = dict.fromkeys(G, Fraction(0))
    for s in G:
        dist = {s: Fraction(0)}
        sigma = dict.fromkeys(G, 0)
        sigma[s] = 1
        preds = {v: [] for v in G}
        order = []
        heap = [(Fraction(0), 0, s)]
        counter = itertools.count(1)
        done = set()
        while heap:
            d, _, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            order.append(v)
            for u in G[v]:
                alt = d + 1 / G[v][u]["weight"]
                if u not in dist or alt < dist[u]:
                    dist[u] = alt
                    sigma[u] = sigma[v]
                    preds[u] = [v]
                    heapq.heappush(heap, (alt, next(counter), u))
                elif alt == dist[u]:
                    sigma[u] += sigma[v]
                    preds[u].append(v)
        delta = dict.fromkeys(G, Fraction(0))
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    n = len(G)
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else 0
    return {v: float(b * scale) for v, b in bc.items()}


def gould_fernandez(G, group):
    out = {}
    for b in G:
        counts = dict(coordinator=0, itinerant=0, gatekeeper_representative=0, liaison=0)
        for a, c in itertools.combinations(sorted(G[b]), 2):
            if G.has_edge(a, c):
                continue
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif gb in (ga, gc):
                counts["gatekeeper_representative"] += 1
            else:
                counts["liaison"] += 1
        counts["brokerage_total"] = sum(counts.values())
        out[b] = counts
    return out


def separated_pairs(G):
    def connected_pairs(H):
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(H))
    out = {}
    for v in G:
        H = G.copy()
        neighbours_component = nx.node_connected_component(G, v)
        before = len(neighbours_component) - 1
        H.remove_node(v)
        after_pairs = sum(
            len(c) * (len(c) - 1) // 2
            for c in nx.connected_components(H.subgraph(neighbours_component - {v}))
        )
        out[v] = before * (before - 1) // 2 - after_pairs
    return out


def katz_alpha(G):
    import numpy as np
    nodes = sorted(G)
    A = nx.to_numpy_array(G, nodelist=nodes, weight="weight", dtype=float)
    radius = max(abs(np.linalg.eigvalsh(A))) if len(nodes) else 0.0
    return 0.9 / radius if radius > 0 else 0.1


def reference(G, kinds):
    F = nx.Graph()  # float weights and distances for networkx
    F.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        F.add_edge(u, v, weight=float(d["weight"]), distance=float(1 / d["weight"]))
    n = len(F)
    nodes = sorted(F)
    exact_b = exact_betweenness(G)
    nx_b = nx.betweenness_centrality(F, weight="distance")
    defect = max(abs(exact_b[v] - nx_b[v]) for v in nodes) if nodes else 0.0
    alpha = katz_alpha(F)
    actors = {}
    cl = nx.clustering(F)
    constraint = nx.constraint(F, weight="weight")
    # Passing `nodes` selects networkx's pure-Python path, which follows the
    # documented definition. Its sparse-matrix path (taken when scipy is
    # installed and `nodes` is None) disagrees with it for weighted graphs:
    # by 0.28 on the weighted karate club with networkx 3.6.1.
    effective = nx.effective_size(F, nodes=nodes, weight="weight")
    sparse = nx.effective_size(F, weight="weight")
    effective_defect = max((abs(effective[v] - sparse[v]) for v in nodes if effective[v] == effective[v]), default=0.0)
    core = nx.core_number(F)
    harmonic_w = nx.harmonic_centrality(F, distance="distance")
    harmonic_u = nx.harmonic_centrality(F)
    closeness_w = nx.closeness_centrality(F, distance="distance")
    closeness_u = nx.closeness_centrality(F)
    eig = nx.eigenvector_centrality(F, weight="weight", max_iter=100000, tol=1e-14)
    pr = nx.pagerank(F, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
    katz = nx.katz_centrality(F, alpha=alpha, beta=1.0, weight="weight", tol=1e-14, max_iter=100000)
    bu = nx.betweenness_centrality(F)
    gf = gould_fernandez(F, kinds)
    sep = separated_pairs(F)

    def clean(x):
        return None if x != x else x  # NaN → null

    for v in nodes:
        actors[v] = {
            "degree": F.degree(v),
            "strength": F.degree(v, weight="weight"),
            "betweenness": exact_b[v],
            "betweenness_unweighted": bu[v],
            "closeness": closeness_w[v],
            "closeness_unweighted": closeness_u[v],
            "harmonic": harmonic_w[v] / (n - 1) if n > 1 else 0.0,
            "harmonic_unweighted": harmonic_u[v] / (n - 1) if n > 1 else 0.0,
            "eigenvector": eig[v],
            "pagerank": pr[v],
            "katz": katz[v],
            "clustering": cl[v],
            "constraint": clean(constraint[v]),
            "effective_size": clean(effective[v]),
            "core": core[v],
            "separated_pairs": sep[v],
            **gf[v],
        }
    largest = max(nx.connected_components(F), key=len) if n else set()
    L = F.subgraph(largest)
    best_louvain = max(
        nx.community.modularity(F, nx.community.louvain_communities(F, weight="weight", seed=s), weight="weight")
        for s in range(10)
    ) if F.number_of_edges() else 0.0
    groups = sorted(set(kinds[v] for v in nodes))
    ties = [[0] * len(groups) for _ in groups]
    for u, v in F.edges():
        g, h = groups.index(kinds[u]), groups.index(kinds[v])
        ties[g][h] += 1
        if g != h:
            ties[h][g] += 1
    internal = sum(ties[g][g] for g in range(len(groups)))
    external = F.number_of_edges() - internal
    nx.set_node_attributes(F, kinds, "kind")
    summary = {
        "actors": n,
        "ties": F.number_of_edges(),
        "density": nx.density(F),
        "components": nx.number_connected_components(F),
        "largest_component": len(largest),
        "average_clustering": nx.average_clustering(F),
        "transitivity": nx.transitivity(F),
        "diameter": nx.diameter(L) if len(L) > 1 else 0,
        "average_path_length": nx.average_shortest_path_length(L) if len(L) > 1 else 0.0,
        "articulation_points": sorted(nx.articulation_points(F)),
        "bridges": sorted(sorted(b) for b in nx.bridges(F)),
        "max_core": max(core.values()) if core else 0,
        "best_louvain_modularity": best_louvain,
        "ei_index": (external - internal) / (external + internal) if F.number_of_edges() else None,
        "assortativity": nx.attribute_assortativity_coefficient(F, "kind"),
        "mixing_groups": groups,
        "mixing_ties": ties,
    }
    return {"actors": actors, "summary": summary, "katz_alpha": alpha,
            "networkx_weighted_betweenness_error": defect,
            "networkx_sparse_effective_size_error": effective_defect}


# ------------------------------------------------------------------- main

def cases():
    yield karate()
    yield disconnected()
    yield equal_paths()
    name, G, kinds, _ = two_mode("seed-all-roles", REPO / "graphs/finland-regional.json", "count", roles_all=True)
    yield name, G, kinds, None
    name, G, kinds, _ = two_mode("small-newman", FIXTURES / "projection-small.dataset.json", "newman")
    yield name, G, kinds, None
    name, G, kinds, _ = two_mode("heavy-tailed-jaccard", FIXTURES / "projection-heavy-tailed.dataset.json", "jaccard")
    yield name, G, kinds, None


def main():
    check = "--check" in sys.argv[1:]
    FIXTURES.mkdir(exist_ok=True)
    failed = False
    for name, G, kinds, dataset in cases():
        expected = reference(G, kinds)
        files = {FIXTURES / f"metrics-{name}.expected.json": expected}
        if dataset is not None:
            files[FIXTURES / f"metrics-{name}.dataset.json"] = dataset
        for path, value in files.items():
            if not keep(path, value, check, tol=1e-9, sort_keys=True):
                print(f"{path.name}: differs from what networkx {nx.__version__} gives now")
                failed = True
        print(f"{name}: {G.number_of_nodes()} actors, {G.number_of_edges()} ties; "
              f"networkx weighted betweenness off by up to {expected['networkx_weighted_betweenness_error']:.3g}, "
              f"its sparse effective size by {expected['networkx_sparse_effective_size_error']:.3g}")
    if check:
        print("fixtures differ" if failed else "fixtures match networkx")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

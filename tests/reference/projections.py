#!/usr/bin/env python3
"""Reference values for verkosto's projections, computed with networkx.

Generates random two-mode datasets (seeded, so the same files every run),
writes each as a verkosto dataset and, next to it, what networkx 3.x gives:

- count:   networkx.algorithms.bipartite.weighted_projected_graph
- newman:  networkx.algorithms.bipartite.collaboration_weighted_projected_graph
- jaccard: networkx.algorithms.bipartite.overlap_weighted_projected_graph
plus degree, strength, density, components and the largest component of the
count projection.

Usage:
  python3 tests/reference/projections.py           # (re)write the fixtures
  python3 tests/reference/projections.py --check   # recompute, compare, exit 1 on a difference
"""
import random
import sys
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

from fixtures_io import keep

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"


def heavy_tailed_size(rng, largest):
    """A size in 1..largest with P(size = s) proportional to s^-2.2."""
    sizes = list(range(1, largest + 1))
    weights = [s ** -2.2 for s in sizes]
    return rng.choices(sizes, weights)[0]


def generate(name, seed, actors, engagements, largest, singletons):
    """A two-mode dataset; every actor takes part in at least one engagement.

    `singletons` extra one-member engagements make isolated actors."""
    rng = random.Random(seed)
    actor_ids = [f"a{i:04d}" for i in range(actors)]
    members = []
    for _ in range(engagements):
        size = max(2, heavy_tailed_size(rng, largest))
        members.append(sorted(rng.sample(actor_ids, min(size, actors))))
    used = {a for m in members for a in m}
    unused = [a for a in actor_ids if a not in used]
    # Unused actors become members of one-member engagements (isolates), or
    # join a random engagement.
    for i, a in enumerate(unused):
        if i < singletons:
            members.append([a])
        else:
            rng.choice(members).append(a)
    dataset = {
        "name": f"reference {name}",
        "actors": [{"id": a, "name": f"Actor {a}", "kind": rng.choice(["firm", "municipality", "university"])} for a in actor_ids],
        "engagements": [
            {
                "id": f"e{j:04d}",
                "name": f"Engagement {j}",
                "participants": [{"actor": a, "role": "partner"} for a in sorted(set(m))],
            }
            for j, m in enumerate(members)
        ],
    }
    return dataset


def reference(dataset):
    B = nx.Graph()
    actors = [a["id"] for a in dataset["actors"]]
    B.add_nodes_from(actors, bipartite=0)
    for e in dataset["engagements"]:
        node = "E:" + e["id"]
        B.add_node(node, bipartite=1)
        for p in e["participants"]:
            B.add_edge(p["actor"], node)

    def edges(G):
        out = []
        for u, v, w in G.edges(data="weight"):
            u, v = sorted((u, v))
            out.append([u, v, w])
        return sorted(out)

    count = bipartite.weighted_projected_graph(B, actors)
    result = {
        "nodes": sorted(count.nodes()),
        "count": edges(count),
        "newman": edges(bipartite.collaboration_weighted_projected_graph(B, actors)),
        "jaccard": edges(bipartite.overlap_weighted_projected_graph(B, actors)),
    }
    n = count.number_of_nodes()
    components = list(nx.connected_components(count))
    result["summary"] = {
        "actors": n,
        "ties": count.number_of_edges(),
        "density": nx.density(count),
        "weighted_density": 2 * count.size(weight="weight") / (n * (n - 1)),
        "components": len(components),
        "largest_component": max(len(c) for c in components),
    }
    result["degree"] = {a: d for a, d in sorted(count.degree())}
    result["strength"] = {a: d for a, d in sorted(count.degree(weight="weight"))}
    return result


CASES = [
    # name, seed, actors, engagements, largest engagement, one-member engagements
    ("small", 1, 30, 12, 8, 3),
    ("heavy-tailed", 2, 400, 160, 40, 10),
    ("sparse", 3, 120, 30, 5, 20),
]


def main():
    check = "--check" in sys.argv[1:]
    FIXTURES.mkdir(exist_ok=True)
    failed = False
    for name, seed, actors, engagements, largest, singletons in CASES:
        dataset = generate(name, seed, actors, engagements, largest, singletons)
        expected = reference(dataset)
        files = {
            FIXTURES / f"projection-{name}.dataset.json": dataset,
            FIXTURES / f"projection-{name}.expected.json": expected,
        }
        for path, value in files.items():
            if not keep(path, value, check):
                print(f"{path.name}: differs from what networkx {nx.__version__} gives now")
                failed = True
        print(f"{name}: {len(dataset['actors'])} actors, {len(dataset['engagements'])} engagements, "
              f"{expected['summary']['ties']} ties (networkx {nx.__version__})")
    if check:
        print("fixtures differ" if failed else "fixtures match networkx")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for verkosto's role rules (clique, star, none, reach),
computed independently of verkosto from the rules as documented, with
networkx for the graph figures.

The rules, per engagement:
- a participant's rule is that of its role (`unroled` when every participant
  of the engagement has the default role `participant`); `auto` is clique
  when the engagement has at most CLIQUE_LIMIT participants in that role,
  star above;
- participants with rule `none` make no ties and are not actors of the
  network unless another participation makes them so;
- the clique-rule participants are tied pairwise;
- a star (or reach) participant is tied to each lead: the coordinators,
  else the implementers, else the clique-rule participants;
- weights: count = engagements in which the pair is tied; newman = sum of
  1/(n_e - 1) with n_e the tie-making participants of the engagement;
  jaccard = shared / (|E(a)| + |E(b)| - shared), E(a) the engagements in
  which a makes ties.

Usage:
  python3 tests/reference/role_ties.py           # (re)write the fixtures
  python3 tests/reference/role_ties.py --check   # recompute, compare, exit 1 on a difference
"""
import random
import sys
from itertools import combinations
from pathlib import Path

import networkx as nx

from fixtures_io import keep

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

DEFAULT_RULES = {
    "coordinator": "clique", "implementer": "clique", "partner": "clique", "trainer": "clique",
    "funder": "star", "authority": "star", "member": "auto",
    "target": "none", "participant": "none", "unroled": "clique",
}
KIND_ORDER = {"clique": 0, "star": 1, "reach": 2}


def generate(seed, actors, engagements):
    rng = random.Random(seed)
    ids = [f"r{i:03d}" for i in range(actors)]
    out = []
    for j in range(engagements):
        pool = rng.sample(ids, min(actors, 30))
        take = lambda k: [pool.pop() for _ in range(min(k, len(pool)))]
        parts = []
        if rng.random() < 0.15:
            parts += [(a, "participant") for a in take(rng.randint(2, 6))]  # unroled
        else:
            if rng.random() < 0.7:
                parts += [(a, "coordinator") for a in take(1)]
            parts += [(a, "implementer") for a in take(rng.choice([0, 0, 1, 2]))]
            parts += [(a, "partner") for a in take(rng.choice([0, 1, 2, 3]))]
            if rng.random() < 0.4:
                parts += [(a, "funder") for a in take(1)]
            if rng.random() < 0.4:
                parts += [(a, "authority") for a in take(1)]
            if rng.random() < 0.4:
                parts += [(a, "member") for a in take(rng.choice([2, 3, 5, 9, 12]))]
            if rng.random() < 0.5:
                parts += [(a, "target") for a in take(rng.randint(1, 8))]
            if rng.random() < 0.3:
                parts += [(a, "participant") for a in take(rng.randint(1, 3))]
        rng.shuffle(parts)
        out.append({
            "id": f"g{j:03d}", "name": f"Engagement {j}",
            "participants": [{"actor": a, "role": r} for a, r in parts],
        })
    return {
        "name": "role-ties reference",
        "actors": [{"id": a, "name": f"Actor {a}", "kind": rng.choice(["firm", "municipality"])} for a in ids],
        "engagements": out,
    }


def engagement_ties(engagement, rules, limit):
    """(tie-making participants, {pair: rule}) of one engagement."""
    parts = [(p["actor"], p.get("role", "participant")) for p in engagement["participants"]]
    unroled = all(role == "participant" for _, role in parts)
    per_role = {}
    for _, role in parts:
        per_role[role] = per_role.get(role, 0) + 1
    resolved = []
    for actor, role in parts:
        rule = rules.get("unroled" if unroled else role, rules["*"])
        if rule == "auto":
            rule = "clique" if per_role[role] <= limit else "star"
        if rule != "none":
            resolved.append((actor, role, rule))
    clique = [a for a, _, r in resolved if r == "clique"]
    leads = ([a for a, role, _ in resolved if role == "coordinator"]
             or [a for a, role, _ in resolved if role == "implementer"]
             or clique)
    pairs = {}
    for a, b in combinations(sorted(clique), 2):
        pairs[(a, b)] = "clique"
    for s, _, rule in resolved:
        if rule in ("star", "reach"):
            for lead in leads:
                if lead != s:
                    pair = tuple(sorted((s, lead)))
                    if pair not in pairs or KIND_ORDER[rule] < KIND_ORDER[pairs[pair]]:
                        pairs[pair] = rule
    return [a for a, _, _ in resolved], pairs


def reference(dataset, rules, limit, weight):
    members_of = {}
    tied = {}
    for e in sorted(dataset["engagements"], key=lambda e: e["id"]):
        members, pairs = engagement_ties(e, rules, limit)
        members_of[e["id"]] = members
        for pair, rule in pairs.items():
            tied.setdefault(pair, []).append((e["id"], rule))
    engagements_of = {}
    for e, members in members_of.items():
        for a in members:
            engagements_of.setdefault(a, set()).add(e)
    G = nx.Graph()
    G.add_nodes_from(engagements_of)
    for (a, b), behind in tied.items():
        shared = len(behind)
        if weight == "count":
            w = float(shared)
        elif weight == "newman":
            w = sum(1.0 / (len(members_of[e]) - 1) for e, _ in behind)
        else:
            w = shared / (len(engagements_of[a]) + len(engagements_of[b]) - shared)
        G.add_edge(a, b, weight=w, engagements=[e for e, _ in behind], rules=[r for _, r in behind])
    ties = sorted(
        [sorted((u, v)) + [d["weight"], d["engagements"], d["rules"]] for u, v, d in G.edges(data=True)]
    )
    components = list(nx.connected_components(G))
    return {
        "nodes": sorted(G.nodes()),
        "ties": ties,
        "summary": {
            "actors": G.number_of_nodes(),
            "ties": G.number_of_edges(),
            "density": nx.density(G),
            "components": len(components),
        },
    }


# name, CLI arguments, rules on top of the defaults, clique limit, weight
CASES = [
    ("default-count", [], {}, 8, "count"),
    ("default-newman", ["--weight", "newman"], {}, 8, "newman"),
    ("default-jaccard", ["--weight", "jaccard"], {}, 8, "jaccard"),
    ("reach", ["--reach"], {"target": "reach", "participant": "reach"}, 8, "count"),
    ("custom", ["--role-ties", "member=clique,funder=none,partner=star", "--clique-limit", "3"],
     {"member": "clique", "funder": "none", "partner": "star"}, 3, "count"),
    ("star-jaccard", ["--role-ties", "all=star,coordinator=clique", "--weight", "jaccard"],
     {"all": "star", "coordinator": "clique"}, 8, "jaccard"),
]


def rules_of(overrides):
    rules = dict(DEFAULT_RULES)
    rules["*"] = "clique"
    for role, rule in overrides.items():
        if role == "all":
            rules = {"*": rule}
        else:
            rules[role] = rule
    return rules


def main():
    check = "--check" in sys.argv[1:]
    failed = False
    dataset = generate(7, 60, 40)
    files = {FIXTURES / "role-ties.dataset.json": dataset}
    expected = {}
    for name, args, overrides, limit, weight in CASES:
        value = reference(dataset, rules_of(overrides), limit, weight)
        value["args"] = args
        expected[name] = value
        print(f"{name}: {value['summary']['actors']} actors, {value['summary']['ties']} ties")
    files[FIXTURES / "role-ties.expected.json"] = expected
    for path, value in files.items():
        if not keep(path, value, check):
            print(f"{path.name}: differs from what this script gives now")
            failed = True
    if check:
        print("fixtures differ" if failed else "fixtures match")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for `verkosto evolution` and `verkosto compare`, computed independently of
verkosto from the rules as documented, with networkx for the graph figures.

The generated dataset has overlapping projects, activities nested in them
(`part_of`) with missing dates, one-day workshops with only a start, and
open-ended projects. Every participant is a `partner`, so an engagement ties
its participants pairwise (weight: shared engagements).

Dates (the rule verkosto applies everywhere):
1. an engagement's own start and end;
2. a one-day kind (event, workshop, …) with only one of the two lasts that day;
3. a missing date comes from the nearest engagement it is part of that has
   one, unless an inherited end is before its own start (or an inherited
   start after its own end);
4. what is still missing is open.

Periods are calendar years from the first to the last known date. An
engagement is active in a period when it has a date and overlaps it (open
sides reach as far as needed). Per period:
- the network: window = engagements active in the period, cumulative =
  engagements with a date whose start, if they have one, is by the
  period's end; its actors, ties, total weight, density, components,
  largest component and average clustering;
- new ties: pairs whose earliest engagement start is in the period;
- ended ties: pairs whose engagements all have an end, the latest in the
  previous period;
- persisting ties: pairs active in the previous period and in this one;
- repeated ties: pairs with an engagement starting in the period and one
  starting before it;
- new actors: actors whose earliest engagement start is in the period;
- returning actors: active in the period, not in the previous one, but in
  an earlier one;
- open-ended ties: pairs with an open-ended engagement active in the period.

Compare (two windows FROM..TO of the same dataset, each network built as
the window mode above): ties formed (tied after, not before), ended (before,
not after) and kept (both); the mixing matrix by kind — for each pair of
kinds present in either network, ties between them over the ties possible
(n_g(n_g-1)/2 within a kind, n_g*n_h between two) — before and after, and
the change (after minus before, before counting 0 when it had no actors).

Usage:
  python3 tests/reference/evolution.py           # (re)write the fixtures
  python3 tests/reference/evolution.py --check   # recompute, compare, exit 1 on a difference
"""
import datetime as dt
import random
import sys
from itertools import combinations
from pathlib import Path

import networkx as nx

from fixtures_io import keep

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
KINDS = ["firm", "municipality", "university"]
ONE_DAY = {"event", "workshop", "meeting", "seminar", "conference", "webinar", "hackathon", "fair"}


def day(d):
    return d.isoformat() if d else None


def generate(seed, actors, projects):
    rng = random.Random(seed)
    ids = [f"a{i:02}" for i in range(actors)]
    engagements = []
    for p in range(projects):
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(365 * 6))
        end = start + dt.timedelta(days=rng.randrange(60, 1100))
        open_ended = rng.random() < 0.15
        members = rng.sample(ids, rng.randint(2, 6))
        engagements.append({
            "id": f"P{p:02}", "name": f"Project {p}", "kind": "project",
            "start": day(start), "end": None if open_ended else day(end),
            "participants": [{"actor": a, "role": "partner"} for a in members],
        })
        for k in range(rng.randrange(3)):
            kind = rng.choice(["workshop", "training", "event"])
            own = start + dt.timedelta(days=rng.randrange(400))
            shape = rng.randrange(3)
            sub = {
                "id": f"P{p:02}-{k}", "name": f"Activity {p}.{k}", "kind": kind, "part_of": f"P{p:02}",
                "start": day(own) if shape != 2 else None, "end": None,
                "participants": [{"actor": a, "role": "partner"}
                                 for a in rng.sample(members + rng.sample(ids, 2), rng.randint(2, 4))],
            }
            if shape == 1:
                sub["end"] = day(own + dt.timedelta(days=rng.randrange(1, 90)))
            engagements.append(sub)
    for e in engagements:
        seen, unique = set(), []
        for p in e["participants"]:
            if p["actor"] not in seen:
                seen.add(p["actor"])
                unique.append(p)
        e["participants"] = unique
        for key in ("start", "end", "part_of"):
            if e.get(key) is None:
                e.pop(key, None)
    return {
        "name": "evolution reference",
        "actors": [{"id": a, "name": f"Actor {a}", "kind": rng.choice(KINDS)} for a in ids],
        "engagements": engagements,
    }


def effective(engagements):
    by_id = {e["id"]: e for e in engagements}
    parse = lambda s: dt.date.fromisoformat(s) if s else None
    out = {}
    for e in engagements:
        start, end = parse(e.get("start")), parse(e.get("end"))
        if e["kind"] in ONE_DAY and (start is None) != (end is None):
            out[e["id"]] = (start or end, start or end)
            continue
        current = e
        while (start is None or end is None) and current.get("part_of") in by_id:
            current = by_id[current["part_of"]]
            s, en = parse(current.get("start")), parse(current.get("end"))
            if start is None and s is not None and (end is None or s <= end):
                start = s
            if end is None and en is not None and (start is None or start <= en):
                end = en
        out[e["id"]] = (start, end)
    return out


def overlaps(dates, lo, hi):
    s, e = dates
    return (s is not None or e is not None) and (s is None or s <= hi) and (e is None or e >= lo)


def network(engagements, keep):
    g = nx.Graph()
    for e in engagements:
        if not keep(e):
            continue
        actors = [p["actor"] for p in e["participants"]]
        g.add_nodes_from(actors)
        for a, b in combinations(sorted(actors), 2):
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    n, m = g.number_of_nodes(), g.number_of_edges()
    components = list(nx.connected_components(g))
    return {
        "active_actors": n, "ties": m,
        "total_weight": float(sum(w for _, _, w in g.edges(data="weight"))),
        "density": 0.0 if n < 2 else 2 * m / (n * (n - 1)),
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "average_clustering": nx.average_clustering(g) if n else 0.0,
    }


def reference(dataset, mode):
    engagements = dataset["engagements"]
    dates = effective(engagements)
    known = [d for pair in dates.values() for d in pair if d]
    first, last = min(known), max(known)
    periods = [(y, dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in range(first.year, last.year + 1)]
    pairs, of_actor = {}, {}
    for e in engagements:
        actors = sorted(p["actor"] for p in e["participants"])
        for a in actors:
            of_actor.setdefault(a, []).append(dates[e["id"]])
        for a, b in combinations(actors, 2):
            pairs.setdefault((a, b), []).append(dates[e["id"]])
    in_period = lambda d, k: d is not None and periods[k][1] <= d <= periods[k][2]
    rows = []
    for k, (year, lo, hi) in enumerate(periods):
        if mode == "window":
            keep = lambda e: overlaps(dates[e["id"]], lo, hi)
        else:
            keep = lambda e: overlaps(dates[e["id"]], dt.date.min, hi)
        row = {"period": str(year), "start": lo.isoformat(), "end": hi.isoformat()}
        row.update(network(engagements, keep))
        active = lambda ds, j: any(overlaps(d, periods[j][1], periods[j][2]) for d in ds)
        row["new_ties"] = sum(1 for ds in pairs.values()
                              if in_period(min((s for s, _ in ds if s), default=None), k))
        row["ended_ties"] = sum(1 for ds in pairs.values()
                                if k > 0 and all(e for _, e in ds) and in_period(max(e for _, e in ds), k - 1))
        row["persisting_ties"] = sum(1 for ds in pairs.values() if k > 0 and active(ds, k) and active(ds, k - 1))
        row["repeated_ties"] = sum(1 for ds in pairs.values()
                                   if any(in_period(s, k) for s, _ in ds) and any(s and s < lo for s, _ in ds))
        row["new_actors"] = sum(1 for ds in of_actor.values()
                                if in_period(min((s for s, _ in ds if s), default=None), k))
        row["returning_actors"] = sum(1 for ds in of_actor.values()
                                      if k > 1 and active(ds, k) and not active(ds, k - 1)
                                      and any(active(ds, j) for j in range(k - 1)))
        row["open_ended_ties"] = sum(1 for ds in pairs.values()
                                     if any(e is None and overlaps((s, e), lo, hi) for s, e in ds))
        rows.append(row)
    return {"mode": mode, "periods": rows}


def window_graph(dataset, dates, lo, hi):
    g = nx.Graph()
    for e in dataset["engagements"]:
        if not overlaps(dates[e["id"]], lo, hi):
            continue
        actors = [p["actor"] for p in e["participants"]]
        g.add_nodes_from(actors)
        g.add_edges_from(combinations(sorted(actors), 2))
    return g


def compare(dataset, before, after):
    dates = effective(dataset["engagements"])
    kind = {a["id"]: a["kind"] for a in dataset["actors"]}
    b = window_graph(dataset, dates, *before)
    a = window_graph(dataset, dates, *after)
    key = lambda u, v: tuple(sorted((u, v)))
    eb, ea = {key(*e) for e in b.edges}, {key(*e) for e in a.edges}

    def density(g, k, h):
        nk = sum(1 for v in g if kind[v] == k)
        nh = sum(1 for v in g if kind[v] == h)
        possible = nk * (nk - 1) // 2 if k == h else nk * nh
        ties = sum(1 for u, v in g.edges if {kind[u], kind[v]} == {k, h} and (k != h or kind[u] == k))
        return ties / possible if possible else None

    kinds = sorted({kind[v] for v in b} | {kind[v] for v in a})
    mixing = []
    for i, k in enumerate(kinds):
        for h in kinds[i:]:
            db, da = density(b, k, h), density(a, k, h)
            if db is None and da is None:
                continue
            mixing.append({"group_a": k, "group_b": h, "density_before": db, "density_after": da,
                           "density_change": None if da is None else da - (db or 0.0)})
    return {"formed": len(ea - eb), "ended": len(eb - ea), "kept": len(ea & eb), "mixing": mixing}


def main():
    check = "--check" in sys.argv[1:]
    failed = False
    dataset = generate(11, 30, 24)
    files = {
        FIXTURES / "evolution.dataset.json": dataset,
        FIXTURES / "evolution.expected.json": {m: reference(dataset, m) for m in ("window", "cumulative")},
        FIXTURES / "compare.expected.json": compare(
            dataset, (dt.date(2015, 1, 1), dt.date(2017, 12, 31)), (dt.date(2019, 1, 1), dt.date(2021, 12, 31))),
    }
    for path, value in files.items():
        if not keep(path, value, check):
            print(f"{path.name}: differs from what this script gives now")
            failed = True
    if check:
        print("fixtures differ" if failed else "fixtures match")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The networkx equivalent of `verkosto evolution FILE --by year` on a
generated dataset (every participant a partner, so each engagement ties its
participants pairwise; projects with their own dates, some open-ended):
for each calendar year, the network of the engagements active in it — its
actors, ties, total weight, density, components, largest component and
average clustering — built and measured with networkx, as a notebook
would. Prints the rows and the time taken.

  python3 benches/evolution_networkx.py FILE
"""
import datetime as dt
import json
import sys
import time
from itertools import combinations

import networkx as nx


def main():
    started = time.perf_counter()
    with open(sys.argv[1]) as f:
        data = json.load(f)
    engagements = []
    for e in data["engagements"]:
        start = dt.date.fromisoformat(e["start"]) if e.get("start") else None
        end = dt.date.fromisoformat(e["end"]) if e.get("end") else None
        engagements.append((start, end, [p["actor"] for p in e["participants"]]))
    known = [d for s, e, _ in engagements for d in (s, e) if d]
    loaded = time.perf_counter()
    for year in range(min(known).year, max(known).year + 1):
        lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        g = nx.Graph()
        for s, e, actors in engagements:
            if (s or e) and (s is None or s <= hi) and (e is None or e >= lo):
                g.add_nodes_from(actors)
                for a, b in combinations(actors, 2):
                    if g.has_edge(a, b):
                        g.edges[a, b]["weight"] += 1
                    else:
                        g.add_edge(a, b, weight=1)
        n, m = g.number_of_nodes(), g.number_of_edges()
        components = list(nx.connected_components(g))
        row = (year, n, m, g.size(weight="weight"), nx.density(g), len(components),
               max((len(c) for c in components), default=0), nx.average_clustering(g) if n else 0.0)
        print("%d  actors %d  ties %d  weight %.0f  density %.6f  components %d  largest %d  clustering %.4f" % row,
              flush=True)
    done = time.perf_counter()
    print(f"networkx: load {loaded - started:.1f} s, periods {done - loaded:.1f} s, total {done - started:.1f} s")


if __name__ == "__main__":
    main()

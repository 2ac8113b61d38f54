#!/usr/bin/env python3
"""Turn a `u v` edge list (benches/lfr.py) into a verkosto dataset whose
actors are the nodes and whose direct ties are the edges, so the command
line can be timed on it as a whole process.

  python3 benches/lfr_dataset.py EDGES OUT.json
"""
import json
import sys


def main():
    edges_path, out = sys.argv[1], sys.argv[2]
    nodes, ties = set(), []
    with open(edges_path, encoding="utf-8") as f:
        for line in f:
            u, v = line.split()
            nodes.update((u, v))
            ties.append({"source": f"n{u}", "target": f"n{v}"})
    actors = [{"id": f"n{u}", "name": f"Node {u}", "kind": "firm"}
              for u in sorted(nodes, key=int)]
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"name": f"LFR {edges_path}", "actors": actors, "engagements": [], "ties": ties}, f)
        f.write("\n")
    print(f"{out}: {len(actors)} actors, {len(ties)} ties")


if __name__ == "__main__":
    main()

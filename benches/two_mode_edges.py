"""Writes a dataset's participations as a two-mode edge list (actor id,
tab, engagement id, one line each) for the libraries that read edge lists:

    python3 benches/two_mode_edges.py DATASET.json OUT.tsv
"""
import json
import sys

data = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for e in data.get("engagements", []):
        for p in e.get("participants", []):
            out.write(f"{p['actor']}\t{e['id']}\n")

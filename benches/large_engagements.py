"""Writes a generated dataset with a few very large engagements: ACTORS
actors, ENGAGEMENTS small projects of 2–12 partners (deterministic), and
three projects of LARGE partners each.

    python3 benches/large_engagements.py ACTORS ENGAGEMENTS LARGE OUT.json
"""
import json
import random
import sys

actors, engagements, large = (int(a) for a in sys.argv[1:4])
rng = random.Random(20261206)
data = {
    "name": f"generated {actors} actors, {engagements} projects and 3 of {large} partners",
    "actors": [{"id": f"a{i:07d}", "name": f"Actor {i}", "kind": "firm"} for i in range(actors)],
    "engagements": [],
}
for p in range(engagements):
    members = rng.sample(range(actors), rng.randint(2, 12))
    data["engagements"].append({
        "id": f"p{p:06d}", "name": f"Project {p}",
        "participants": [{"actor": f"a{m:07d}", "role": "partner"} for m in members],
    })
for p in range(3):
    members = rng.sample(range(actors), large)
    data["engagements"].append({
        "id": f"big{p}", "name": f"Large project {p}",
        "participants": [{"actor": f"a{m:07d}", "role": "partner"} for m in members],
    })
json.dump(data, open(sys.argv[4], "w", encoding="utf-8"), separators=(",", ":"))

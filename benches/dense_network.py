"""A generated network with more ties for its size than the projection
benchmark's: ACTORS actors, ENGAGEMENTS dated projects of 1 to LARGEST
partners with P(s) ∝ s^-2, members drawn uniformly, written compactly.

With the defaults (241,683 actors, 175,000 engagements, 55 partners at
most) it is 52 MB and projects to about 2.66 million ties, the shape of
the network the second speed round measured its memory on.

    python benches/dense_network.py [ACTORS ENGAGEMENTS LARGEST] OUT.json
"""

import datetime
import json
import sys

import numpy as np


def main() -> None:
    args = sys.argv[1:]
    if len(args) not in (1, 4):
        sys.exit(__doc__)
    actors, engagements, largest = (241_683, 175_000, 55) if len(args) == 1 else map(int, args[:3])
    out = args[-1]
    rng = np.random.default_rng(7)
    sizes = np.arange(1, largest + 1)
    p = sizes ** -2.0
    drawn = rng.choice(sizes, size=engagements, p=p / p.sum())
    kinds = ["firm", "municipality", "university_of_applied_sciences", "authority", "association"]
    epoch = datetime.date(1970, 1, 1)
    listed = []
    for j, size in enumerate(drawn):
        members = rng.choice(actors, size=int(size), replace=False)
        start = epoch + datetime.timedelta(days=16_071 + int(rng.integers(3_650)))
        end = start + datetime.timedelta(days=30 + int(rng.integers(1_070)))
        listed.append({
            "id": f"e{j:07}",
            "name": f"Engagement {j}",
            "kind": "project",
            "start": start.isoformat(),
            "end": end.isoformat(),
            "participants": [{"actor": f"a{a:07}", "role": "partner"} for a in members],
        })
    dataset = {
        "name": f"dense {actors} actors / {engagements} engagements",
        "actors": [{"id": f"a{i:07}", "name": f"Actor {i}", "kind": kinds[i % 5]} for i in range(actors)],
        "engagements": listed,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(dataset, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()

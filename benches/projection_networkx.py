#!/usr/bin/env python3
"""Time networkx's weighted_projected_graph on a verkosto dataset file.

Prints one line: actors, engagements, ties, build seconds, projection
seconds, peak RSS in MiB. Used by benches/compare-projection.sh.
"""
import json
import resource
import sys
import time

import networkx as nx
from networkx.algorithms import bipartite


def main(path):
    with open(path) as f:
        dataset = json.load(f)
    start = time.perf_counter()
    B = nx.Graph()
    actors = [a["id"] for a in dataset["actors"]]
    B.add_nodes_from(actors, bipartite=0)
    for e in dataset["engagements"]:
        node = "E:" + e["id"]
        B.add_node(node, bipartite=1)
        B.add_edges_from((p["actor"], node) for p in e["participants"])
    # verkosto projects the actors that take part in something.
    active = [a for a in actors if B.degree(a) > 0]
    built = time.perf_counter()
    G = bipartite.weighted_projected_graph(B, active)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"networkx {nx.__version__}: {len(active)} actors, {len(dataset['engagements'])} engagements, "
          f"{G.number_of_edges()} ties; build {built - start:.2f} s, projection {done - built:.2f} s, "
          f"peak {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Read verkosto's exports back with networkx and print what it found, as
JSON: for each format, node and tie counts, total weight, and a few node
attributes. Used by tests/integration/exports.rs.

  python3 tests/roundtrip/read_exports.py DIR
"""
import csv
import json
import sys
from pathlib import Path

import networkx as nx


def describe(G, name_attr="name"):
    some = sorted(G.nodes())[:3]
    return {
        "nodes": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "total_weight": sum(float(w) for _, _, w in G.edges(data="weight", default=0)),
        "names": {v: G.nodes[v].get(name_attr) for v in some},
        "kinds": {v: G.nodes[v].get("kind") for v in some},
        "degree_of_first": G.degree(some[0]) if some else None,
    }


def main():
    d = Path(sys.argv[1])
    out = {}
    out["graphml"] = describe(nx.read_graphml(d / "network.graphml"))
    G = nx.read_gexf(d / "network.gexf")
    out["gexf"] = describe(G, name_attr="label")
    P = nx.Graph(nx.read_pajek(d / "network.net"))
    out["pajek"] = {"nodes": P.number_of_nodes(), "ties": P.number_of_edges(),
                    "total_weight": sum(float(w) for _, _, w in P.edges(data="weight"))}
    data = json.loads((d / "network.json").read_text())
    out["node-link"] = describe(nx.node_link_graph(data, edges="edges"))
    with open(d / "csv" / "ties.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(d / "csv" / "nodes.csv", newline="") as f:
        nodes = list(csv.DictReader(f))
    C = nx.Graph()
    C.add_nodes_from((n["id"], n) for n in nodes)
    C.add_weighted_edges_from((r["source"], r["target"], float(r["weight"])) for r in rows)
    out["csv"] = describe(C)
    # Dates: the GEXF is dynamic with spells (Gephi's timeline), and every
    # tie format carries first_seen/last_seen. Shown for one seed tie.
    pair = ("digipolis", "lapin-amk")
    GM = nx.read_graphml(d / "network.graphml")
    csv_row = next((r for r in rows if (r["source"], r["target"]) == pair), {})
    out["dates"] = {
        "gexf_mode": G.graph.get("mode"),
        "gexf_node_spells": G.nodes[pair[0]].get("spells") if pair[0] in G else None,
        "gexf_edge_spells": G.edges[pair].get("spells") if G.has_edge(*pair) else None,
        "gexf_first_seen": G.edges[pair].get("first_seen") if G.has_edge(*pair) else None,
        "graphml_first_seen": GM.edges[pair].get("first_seen") if GM.has_edge(*pair) else None,
        "graphml_last_seen": GM.edges[pair].get("last_seen") if GM.has_edge(*pair) else None,
        "csv_first_seen": csv_row.get("first_seen"),
        "node_link_last_seen": next((e.get("last_seen") for e in data["edges"]
                                     if (e["source"], e["target"]) == pair), None),
    }
    # Metric attributes survive too (graphml with --with-metrics).
    M = nx.read_graphml(d / "metrics.graphml")
    first = sorted(M.nodes())[0]
    out["metrics"] = {k: M.nodes[first].get(k) for k in ("betweenness", "degree", "community")}
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()

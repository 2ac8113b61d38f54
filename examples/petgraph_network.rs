//! Build a petgraph `UnGraph` by hand and compute exact weighted
//! betweenness, PageRank and Leiden communities on it.
//!
//! `cargo run --example petgraph_network`

use petgraph::graph::UnGraph;
use verkosto::algo;
use verkosto::metrics::centrality::{BetweennessOptions, PageRankOptions};
use verkosto::metrics::community::CommunityOptions;

fn main() -> Result<(), verkosto::Error> {
    // Two project teams joined by Centria; weights = shared projects.
    let mut g = UnGraph::<&str, f64>::new_undirected();
    let kokkola = g.add_node("Kokkolan kaupunki");
    let centria = g.add_node("Centria");
    let viexpo = g.add_node("Viexpo");
    let kouvola = g.add_node("Kouvolan kaupunki");
    let xamk = g.add_node("Xamk");
    let ely = g.add_node("Kaakkois-Suomen ELY-keskus");
    g.add_edge(kokkola, centria, 2.0);
    g.add_edge(centria, viexpo, 3.0);
    g.add_edge(kokkola, viexpo, 1.0);
    g.add_edge(centria, xamk, 1.0);
    g.add_edge(kouvola, xamk, 2.0);
    g.add_edge(xamk, ely, 1.0);
    g.add_edge(kouvola, ely, 1.0);

    let weight = |e: petgraph::graph::EdgeReference<'_, f64>| *e.weight();
    let betweenness = algo::betweenness(&g, weight, BetweennessOptions::default());
    let pagerank = algo::pagerank(&g, weight, PageRankOptions::default())?;
    let communities = algo::communities(&g, weight, &CommunityOptions::default())?;
    println!(
        "{:<28} {:>11} {:>9} {:>9}",
        "actor", "betweenness", "pagerank", "community"
    );
    for node in g.node_indices() {
        let i = node.index();
        println!(
            "{:<28} {:>11.4} {:>9.4} {:>9}",
            g[node],
            betweenness[i],
            pagerank[i],
            communities.membership[i] + 1
        );
    }
    println!("modularity {:.4}", communities.modularity);
    Ok(())
}

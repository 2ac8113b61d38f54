//! The report: its files, its sections and numbers, its findings and
//! projects in English and Finnish, and what the filters left out.

use crate::util::{assert_well_formed_xml, make_report, read_json, repo, run_in};

fn report(extra: &[&str]) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", extra);
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    (dir, html, md)
}

#[test]
fn report_files_and_numbers() {
    let (dir, html, md) = report(&["--builtin"]);
    for file in [
        "report.html",
        "report.md",
        "map.svg",
        "map.dot",
        "actors.csv",
        "ties.csv",
        "communities.csv",
        "projects.csv",
        "summary.csv",
    ] {
        assert!(dir.path().join(file).exists(), "{file} missing");
    }
    // Self-contained: nothing loaded from elsewhere.
    for forbidden in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "<link",
        "@import",
        "<img",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in report.html");
    }
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(html.contains("<html lang=\"en\">"));
    for section in [
        "Key findings",
        "Read this first",
        "Network summary",
        "Collaboration density by kind",
        "Network map",
        "Projects and money",
        "Funding by actor",
        "Top actors: betweenness",
        "Actors that hold the network together",
        "Reach: target groups and participants",
        "Communities",
        "What was left out, and why",
        "What the numbers mean",
        "Drawn with verkosto&apos;s built-in layout",
        "<svg",
    ] {
        assert!(html.contains(section), "{section} missing");
    }
    // No absolute path: the dataset is named by its file name.
    assert!(html.contains("(finland-regional.json)"));
    assert!(!html.contains(repo().to_str().unwrap()));
    // Integers without decimals, other values to 3 significant digits.
    assert!(html.contains("data-sort=\"27\">27</td>"), "27 actors");
    assert!(
        html.contains(">0.0655</td>"),
        "density to 3 significant digits"
    );
    assert!(!html.contains("15.0000"));
    // 154 participations in the dataset, 76 of them making ties.
    assert!(html.contains(">154</td>") && html.contains(">76</td>"));
    assert!(md.contains("![Network map](map.svg)"));
    let cli_csv = run_in(
        &repo(),
        &["summary", "graphs/finland-regional.json", "-f", "csv"],
        None,
    )
    .stdout;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("summary.csv")).unwrap(),
        cli_csv
    );
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert_well_formed_xml(&svg, "built-in map");
}

/// The key findings of the seed: short (at most 60 words each), lists of
/// at most three names, the parts in numbers, the cut points and bridges
/// in words, the member list, the money by kind and region, a link to the
/// table behind each.
#[test]
fn key_findings_are_short_and_name_what_holds_the_network() {
    let (_dir, html, _) = report(&["--builtin"]);
    let start = html.find("id=\"findings\"").unwrap();
    let findings = &html[start..html[start..].find("</section>").unwrap() + start];
    let items: Vec<&str> = findings
        .split("<li>")
        .skip(1)
        .map(|i| i.split("<a href").next().unwrap())
        .collect();
    assert!(items.len() >= 6, "{findings}");
    for item in &items {
        assert!(item.split_whitespace().count() <= 60, "too long: {item}");
    }
    assert!(
        findings.contains(
            "It is 5 separate parts with no tie between them: the largest has 16 actors; \
             the other 4 are single projects of 2–3 partners"
        ),
        "{findings}"
    );
    assert!(
        findings.contains("14 of 23 ties come from the member list of Suomen kasvukäytävä"),
        "{findings}"
    );
    assert!(
        findings.contains(
            "3 actors hold the network together, most of all Suomen kasvukäytävä, \
             Centria-ammattikorkeakoulu Oy and Kouvolan kaupunki"
        ),
        "{findings}"
    );
    assert!(findings.contains("Ties that are the only link between two sides of the network: 20"));
    assert!(findings.contains("By kind: municipality"), "{findings}");
    assert!(
        findings.contains("href=\"#cut\""),
        "each finding links to its table"
    );
    // No finding says a group does not work with itself at 0 %.
    assert!(
        !findings.contains(": 0 %") && !findings.contains("0.0 %"),
        "{findings}"
    );
}

/// The project table lists every project of the dataset with its
/// coordinator and funding, in English and in Finnish.
#[test]
fn projects_with_coordinators_and_funding_in_two_languages() {
    let dataset: serde_json::Value = read_json(repo().join("graphs/finland-regional.json"));
    let projects: Vec<&serde_json::Value> = dataset["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["part_of"].is_null())
        .collect();
    assert_eq!(projects.len(), 5);
    let (_d, en, _) = report(&["--builtin"]);
    let (_d2, fi, fi_md) = report(&["--builtin", "--lang", "fi"]);
    for (html, thousands) in [(&en, ","), (&fi, "\u{2009}")] {
        let start = html.find("id=\"projects\"").unwrap();
        let table = &html[start..html[start..].find("</section>").unwrap() + start];
        for p in &projects {
            assert!(table.contains(p["id"].as_str().unwrap()), "{}", p["id"]);
            if let Some(f) = p["funding_eur"].as_f64() {
                let whole = f.round() as i64;
                let text = format!("{},{:03}", whole / 1000, whole % 1000).replace(',', thousands);
                assert!(table.contains(&text), "funding {text} of {}", p["id"]);
            }
        }
        assert!(table.contains("Lapin ammattikorkeakoulu Oy"), "coordinator");
        assert!(table.contains("Hartolan kunta"), "coordinator");
    }
    assert!(fi.contains("<html lang=\"fi\">"));
    for text in [
        "Keskeiset havainnot",
        "Hankkeet ja rahoitus",
        "Mitä luvut tarkoittavat",
        "1.9.2021 – 31.8.2023",
        "0,0655",
        "Se koostuu 5 erillisestä osasta",
    ] {
        assert!(fi.contains(text), "{text} missing from the Finnish report");
    }
    assert!(!fi.contains("Key findings") && !fi.contains("Read this first"));
    assert!(fi_md.contains("## Keskeiset havainnot"));
    let projects_csv = run_in(
        &repo(),
        &["projects", "graphs/finland-regional.json", "-f", "csv"],
        None,
    );
    assert_eq!(projects_csv.code, 0, "{}", projects_csv.stderr);
    assert_eq!(
        projects_csv.stdout.lines().count(),
        6,
        "header and five projects"
    );
}

#[test]
fn what_was_left_out_is_listed_by_reason() {
    let (_d, html, _) = report(&["--builtin"]);
    let start = html.find("id=\"left-out\"").unwrap();
    let table = &html[start..html[start..].find("</section>").unwrap() + start];
    assert!(table.contains("reached only (target group or participant), not tied"));
    assert!(table.contains("Kokkola"), "a target municipality is listed");
    assert!(table.contains("takes part in nothing") && table.contains("Kymenlaakson Jäte"));
    // A time window leaves engagements out.
    let (_d, html, _) = report(&["--builtin", "--from", "2021-01-01"]);
    assert!(html.contains("outside the time window"));
    assert!(html.contains("Arktisen kestävän rakentamisen verkosto"));
}

#[test]
fn several_maps_in_one_report() {
    let (dir, html, _) = report(&[
        "--builtin",
        "--maps",
        "projection,two-mode",
        "--color-by",
        "community",
        "--labels",
        "none",
    ]);
    assert!(dir.path().join("map-two-mode.svg").exists());
    assert!(html.contains("Actors and their projects"));
    assert_eq!(html.matches("<div class=\"map\">").count(), 2);
    assert!(
        !html.contains("data-label="),
        "--labels none applies to the report's maps"
    );
}

#[test]
fn report_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.html");
    std::fs::copy(repo().join("graphs/finland-regional.json"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let r = run_in(dir.path(), &["report", "report.html", "-o", "."], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

/// Change over time: four charts readable without colour (a dark line with
/// a marker per year, bars for new ties), the table per year, the charts as
/// files for report.md; none for a network within one year.
#[test]
fn change_over_time_charts() {
    let (dir, html, md) = report(&["--builtin", "--lang", "fi"]);
    let start = html
        .find("<section id=\"change\">")
        .expect("change section");
    let change = &html[start..start + html[start..].find("</section>").unwrap()];
    assert_eq!(change.matches("<svg").count(), 4);
    assert!(change.contains("Toimijat vuosittain") && change.contains("Uudet yhteydet vuosittain"));
    // No colour carries meaning: strokes and fills are greys.
    for colour in ["#C8102E", "#0072B2", "#E69F00"] {
        assert!(!change.contains(colour), "{colour}");
    }
    // The seed spans 2011–2023: 13 markers on each line chart, 13 bars.
    assert_eq!(change.matches("<circle").count(), 3 * 13);
    assert_eq!(change.matches("<rect").count(), 13);
    assert!(html.contains("<section id=\"evolution\">"));
    for i in 1..=4 {
        let chart = std::fs::read_to_string(dir.path().join(format!("chart-{i}.svg"))).unwrap();
        assert_well_formed_xml(&chart, "chart");
        assert!(md.contains(&format!("(chart-{i}.svg)")));
    }

    let one_year = r#"{"name": "one year", "actors": [{"id": "a", "name": "A", "kind": "firm"},
        {"id": "b", "name": "B", "kind": "firm"}],
      "engagements": [{"id": "p", "name": "P", "kind": "project", "start": "2022-02-01", "end": "2022-11-30",
        "participants": [{"actor": "a", "role": "partner"}, {"actor": "b", "role": "partner"}]}]}"#;
    let input = crate::util::dir_with(&[("d.json", one_year)]);
    let out = input.path().join("out");
    make_report(
        &out,
        input.path().join("d.json").to_str().unwrap(),
        &["--builtin"],
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.contains("<section id=\"change\">"));
    assert!(!out.join("chart-1.svg").exists());
}

/// The role rules in the options table are written in the report's
/// language, rule names and role names alike.
#[test]
fn role_rules_are_in_the_reports_language() {
    let (_dir, _html, md) = report(&["--builtin", "--lang", "fi"]);
    let line = md
        .lines()
        .find(|l| l.contains("**yhteyssäännöt**"))
        .expect("the tie rules row");
    assert!(
        line.contains("kaikki yhteydessä: koordinaattori, osatoteuttaja, kumppani"),
        "{line}"
    );
    assert!(
        line.contains("liitetään vetäjään: vastuuviranomainen, rahoittaja"),
        "{line}"
    );
    assert!(line.contains("muut roolit: kaikki yhteydessä"), "{line}");
    for english in ["clique", "star", "coordinator", "other roles", "unroled"] {
        assert!(!line.contains(english), "{english} in {line}");
    }
}

/// `--before/--after`: what changed (ties formed, ended, kept, by name),
/// new bridges, and a map of the after-network with the new ties in red.
#[test]
fn report_compares_two_windows() {
    let (dir, html, md) = report(&[
        "--builtin",
        "--lang",
        "fi",
        "--before",
        "2016..2020",
        "--after",
        "2021..2023",
    ]);
    assert!(html.contains("<section id=\"compare\">"));
    assert!(
        html.contains("17 uutta, 3 päättynyttä, 2 jatkunutta"),
        "counts in the intro"
    );
    assert!(html.contains("<section id=\"compare-bridges\">"));
    assert!(md.contains("## Mikä muuttui"));
    let start = html.find("<section id=\"compare\">").unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(
        section.contains("Digipolis") && section.contains("päättynyt"),
        "names, not ids"
    );
    let map = std::fs::read_to_string(dir.path().join("map-compare.svg")).unwrap();
    assert_well_formed_xml(&map, "compare map");
    assert_eq!(map.matches("stroke=\"#C8102E\"").count(), 17);
    assert!(html.contains("uudet yhteydet punaisella"));
    // A key finding says what changed and names a new tie; the comparison
    // comes before the tables of the whole period.
    let start = html.find("id=\"findings\"").unwrap();
    let findings = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(
        findings.contains("Ajanjaksosta 1.1.2016–31.12.2020 ajanjaksoon 1.1.2021–31.12.2023: uusia yhteyksiä 17 (mm. Centria-ammattikorkeakoulu Oy – Viexpo"),
        "{findings}"
    );
    assert!(html.find("<section id=\"compare\">") < html.find("<section id=\"projects\">"));

    let r = run_in(
        &repo(),
        &[
            "report",
            "graphs/finland-regional.json",
            "-o",
            "/nonexistent-dir-x",
            "--before",
            "2016..2020",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The top lists show only actors with a value above 0, leave out actors
/// tied only through member lists, and measure eigenvector centrality
/// within each part, so that the hub of the member list is not 0.
#[test]
fn top_lists_have_no_zero_rows() {
    let (_dir, html, _) = report(&["--builtin", "--lang", "fi"]);
    for metric in [
        "betweenness",
        "closeness",
        "eigenvector",
        "pagerank",
        "degree",
    ] {
        let start = html
            .find(&format!("<section id=\"top-{metric}\">"))
            .unwrap_or_else(|| panic!("no top list of {metric}"));
        let section = &html[start..start + html[start..].find("</section>").unwrap()];
        let rows: Vec<&str> = section.split("<tr>").skip(2).collect();
        assert!(!rows.is_empty(), "{section}");
        for row in rows {
            let cells: Vec<&str> = row.split("<td").skip(1).collect();
            let value = cells[3]
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap();
            let number: f64 = value
                .replace(',', ".")
                .replace('\u{2009}', "")
                .parse()
                .unwrap();
            assert!(number > 0.0, "{metric}: {row}");
            assert!(!row.contains("Akaa"), "{metric}: listed only: {row}");
        }
    }
    let start = html.find("<section id=\"top-eigenvector\">").unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(section.contains("Suomen kasvukäytävä"), "{section}");
    assert!(section.contains("toimijoita sen osassa"));
}

//! The command line: help, validation failures (message names the place and
//! value, exit 1), usage errors (exit 2), stdin/stdout, output files.

use crate::util::{dir_with, json, read_json, run, run_in};

const VALID: &str = r#"{"name": "t",
  "actors": [{"id": "a", "name": "A", "kind": "firm"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
  "engagements": [{"id": "p", "name": "P", "start": "2020-01-01", "end": "2020-12-31",
    "participants": [{"actor": "a", "role": "coordinator"}, {"actor": "b", "role": "partner"}]}],
  "ties": [{"source": "b", "target": "c", "weight": 2.5}]}"#;

/// Runs `validate` on `text` and returns the run.
fn validate(text: &str) -> crate::util::Run {
    let dir = dir_with(&[("d.json", text)]);
    run_in(dir.path(), &["validate", "d.json"], None)
}

/// Asserts that validating `text` fails with exit 1 and that stderr holds
/// every one of `needles`.
fn assert_invalid(text: &str, needles: &[&str]) {
    let r = validate(text);
    assert_eq!(r.code, 1, "stdout: {} stderr: {}", r.stdout, r.stderr);
    for needle in needles {
        assert!(
            r.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            r.stderr
        );
    }
}

#[test]
fn help_lists_commands_and_exits_zero() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    for command in ["validate", "summary", "actors", "ties", "import"] {
        assert!(r.stdout.contains(command), "{command} missing from help");
    }
    let r = run(&["summary", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("--min-weight"));
}

#[test]
fn valid_file_prints_one_line_summary() {
    let r = validate(VALID);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "d.json: valid: 3 actors, 1 engagements, 2 participations, 1 direct ties\n"
    );
}

#[test]
fn duplicate_ids_name_both_places() {
    assert_invalid(
        &VALID.replace(r#"{"id": "b", "name": "B"}"#, r#"{"id": "a", "name": "B"}"#),
        &["d.json: actors[1].id: duplicate actor id \"a\": already used by actors[0]"],
    );
}

#[test]
fn dangling_references_are_located() {
    assert_invalid(
        &VALID.replace(
            r#"{"actor": "b", "role": "partner"}"#,
            r#"{"actor": "bb", "role": "partner"}"#,
        ),
        &[
            "engagements[0].participants[1].actor: unknown actor \"bb\"",
            "did you mean \"b\"",
        ],
    );
    assert_invalid(
        &VALID.replace(r#""target": "c""#, r#""target": "zzz""#),
        &["ties[0].target: unknown actor \"zzz\""],
    );
}

#[test]
fn empty_ids_and_names() {
    assert_invalid(
        &VALID
            .replace(r#"{"id": "c", "name": "C"}"#, r#"{"id": "", "name": "C"}"#)
            .replace(r#""name": "P""#, r#""name": " ""#),
        &["actors[2].id: empty id", "engagements[0].name: empty name"],
    );
}

#[test]
fn end_before_start_and_bad_dates() {
    assert_invalid(
        &VALID.replace("2020-12-31", "2019-12-31"),
        &["engagements[0].end: end 2019-12-31 is before start 2020-01-01"],
    );
    assert_invalid(
        &VALID.replace("2020-12-31", "31.12.2020"),
        &["engagements[0].end: \"31.12.2020\" is not a date; expected YYYY-MM-DD"],
    );
    assert_invalid(
        &VALID.replace("2020-01-01", "2020-02-30"),
        &["engagements[0].start: \"2020-02-30\" is not a calendar date"],
    );
}

#[test]
fn bad_weights_and_self_ties() {
    assert_invalid(
        &VALID.replace("2.5", "0"),
        &["ties[0].weight: weight 0 is not a finite positive number"],
    );
    assert_invalid(
        &VALID.replace("2.5", "-1"),
        &["ties[0].weight: weight -1 is not a finite positive number"],
    );
    // JSON has no infinity: an overflowing number is a located syntax error.
    assert_invalid(
        &VALID.replace("2.5", "1e999"),
        &["d.json:5:", "number out of range"],
    );
    assert_invalid(
        &VALID.replace(r#""source": "b""#, r#""source": "c""#),
        &["ties[0].target: self-tie: \"c\" is tied to itself"],
    );
}

#[test]
fn actor_twice_in_one_engagement() {
    assert_invalid(
        &VALID.replace(r#"{"actor": "b", "role": "partner"}"#, r#"{"actor": "a", "role": "partner"}"#),
        &["engagements[0].participants[1].actor: actor \"a\" is listed twice in this engagement (also at participants[0])"],
    );
}

#[test]
fn unknown_fields_and_wrong_types() {
    assert_invalid(
        &VALID
            .replace(r#""kind": "firm""#, r#""knid": "firm""#)
            .replace(r#""weight": 2.5"#, r#""weight": "heavy""#),
        &[
            "actors[0].knid: unknown field \"knid\"; expected one of: id, name, kind",
            "ties[0].weight: expected a number, found the string \"heavy\"",
        ],
    );
}

#[test]
fn every_problem_is_listed_not_only_the_first() {
    let broken = VALID
        .replace(r#"{"id": "b", "name": "B"}"#, r#"{"id": "a", "name": "B"}"#)
        .replace("2020-12-31", "2019-12-31")
        .replace("2.5", "-2");
    let r = validate(&broken);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("problems found"), "{}", r.stderr);
    for place in ["actors[1].id", "engagements[0].end", "ties[0].weight"] {
        assert!(r.stderr.contains(place), "{place} missing:\n{}", r.stderr);
    }
}

#[test]
fn syntax_errors_and_missing_files_exit_one() {
    let r = validate("{\"actors\": [\n  {\"id\": \"a\",}\n]}");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("d.json:2:"), "{}", r.stderr);
    let r = run(&["validate", "no-such-file.json"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("cannot read no-such-file.json"),
        "{}",
        r.stderr
    );
}

#[test]
fn unknown_roles_are_warnings_not_errors() {
    let r = validate(&VALID.replace("\"partner\"", "\"partnr\""));
    assert_eq!(r.code, 0);
    assert!(r
        .stderr
        .contains("warning: d.json: engagements[0].participants[1].role: unknown role \"partnr\""));
}

#[test]
fn usage_errors_exit_two() {
    let dir = dir_with(&[("d.json", VALID)]);
    for args in [
        vec!["frobnicate"],
        vec!["summary"],
        vec!["summary", "d.json", "--weight", "heavy"],
        vec![
            "summary",
            "d.json",
            "--from",
            "2021-01-01",
            "--to",
            "2020-01-01",
        ],
        vec!["summary", "d.json", "--from", "1.1.2021"],
        vec!["summary", "d.json", "--format", "xml"],
        vec!["summary", "d.json", "--min-weight", "-1"],
        vec!["actors", "d.json", "--sort", "charisma"],
        vec!["actors", "d.json", "--top", "many"],
        vec!["ties", "d.json", "--roles", ","],
    ] {
        let r = run_in(dir.path(), &args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?} printed no reason");
    }
}

#[test]
fn reads_stdin_and_writes_files_atomically_never_over_inputs() {
    let dir = dir_with(&[("d.json", VALID)]);
    let r = run_in(
        dir.path(),
        &["summary", "-", "--format", "json"],
        Some(VALID),
    );
    assert_eq!(json(&r)["actors"], 3);

    let r = run_in(
        dir.path(),
        &["summary", "d.json", "-o", "out.json", "--format", "json"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let written: serde_json::Value = read_json(dir.path().join("out.json"));
    assert_eq!(written["ties"], 2);

    let r = run_in(dir.path(), &["summary", "d.json", "-o", "d.json"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("it is one of the input files"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.json")).unwrap(),
        VALID
    );
}

#[test]
fn summary_actors_and_ties_numbers() {
    let dir = dir_with(&[("d.json", VALID)]);
    let s = json(&run_in(
        dir.path(),
        &["summary", "d.json", "-f", "json"],
        None,
    ));
    assert_eq!(s["actors"], 3);
    assert_eq!(s["engagements"], 1);
    assert_eq!(s["participations"], 2);
    assert_eq!(s["ties"], 2);
    assert_eq!(s["density"], 0.6666666667);
    assert_eq!(s["weighted_density"], 1.1666666667);
    assert_eq!(s["components"], 1);
    assert_eq!(s["largest_component"], 3);
    assert_eq!(s["actor_kinds"]["firm"], 1);
    assert_eq!(s["actor_kinds"]["other"], 2);

    let out = json(&run_in(
        dir.path(),
        &["actors", "d.json", "-f", "json", "--sort", "strength"],
        None,
    ));
    assert!(out["warnings"].is_array(), "warnings travel with the rows");
    let a = &out["actors"];
    let ids: Vec<&str> = a
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["b", "c", "a"]);
    assert_eq!(a[0]["degree"], 2);
    assert_eq!(a[0]["strength"], 3.5);
    assert_eq!(a[0]["engagements"], 1);
    let keys: Vec<&String> = a[0].as_object().unwrap().keys().collect();
    let mut want = vec!["id", "name", "kind", "degree", "strength", "engagements"];
    want.extend(verkosto::Metric::ALL[2..].iter().map(|m| m.name()));
    assert_eq!(keys, want);

    let t = json(&run_in(dir.path(), &["ties", "d.json", "-f", "json"], None));
    assert_eq!(t[0]["source"], "b");
    assert_eq!(t[0]["target"], "c");
    assert_eq!(t[0]["weight"], 2.5);
    assert_eq!(t[0]["direct_ties"][0], "tie");
    assert_eq!(t[1]["engagements"][0], "p");
    assert_eq!(t[1]["roles"][0], "coordinator+partner");
}

#[test]
fn filters_change_the_network() {
    let dir = dir_with(&[("d.json", VALID)]);
    let s = |extra: &[&str]| {
        let mut args = vec!["summary", "d.json", "-f", "json"];
        args.extend_from_slice(extra);
        json(&run_in(dir.path(), &args, None))
    };
    // Out of the window, only the direct tie b–c remains.
    let out = s(&["--from", "2021-01-01"]);
    assert_eq!(
        (out["engagements"].as_u64(), out["ties"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(out["inactive_actors"], 1);
    assert_eq!(s(&["--roles", "coordinator"])["participations"], 1);
    assert_eq!(s(&["--actor-kinds", "firm"])["actors"], 1);
    assert_eq!(s(&["--engagement-kinds", "project"])["engagements"], 1);
    // A listed value that occurs nowhere is a usage error naming the known ones.
    let r = run_in(
        dir.path(),
        &["summary", "d.json", "--engagement-kinds", "workshop"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("values that occur in the dataset: project"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["summary", "d.json", "--roles", "bogus"], None);
    assert_eq!(r.code, 2);
    assert_eq!(s(&["--min-weight", "2"])["ties"], 1);
}

#[test]
fn table_output_is_aligned_and_csv_is_parseable() {
    let r = run(&["actors", "graphs/examples/two-mode.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The table, up to the warnings that follow it.
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .take_while(|l| !l.is_empty() && !l.starts_with('('))
        .collect();
    assert!(lines[0].starts_with("id  name"), "{}", lines[0]);
    assert!(r.stdout.lines().all(|l| l.chars().count() <= 200));
    assert!(lines[1].starts_with("--  ----"));
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    assert!(widths[2..].iter().all(|&w| w == widths[0]), "{widths:?}");

    let r = run(&["ties", "graphs/examples/two-mode.json", "-f", "csv"]);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[..3], ["source", "target", "weight"]);
    assert_eq!(
        reader.records().count(),
        4,
        "k1–k2, k1–k4 (authority to coordinator), k2–k3, k3–k4 (funder to the partner, P3's lead)"
    );
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let args = [
        "ties",
        "graphs/finland-regional.json",
        "--role-ties",
        "all=clique",
        "-f",
        "json",
    ];
    let first = run(&args);
    assert_eq!(first.code, 0);
    for _ in 0..3 {
        assert_eq!(run(&args).stdout, first.stdout);
    }
}

#[test]
fn csv_import_builds_a_valid_dataset() {
    let r = run(&[
        "import",
        "csv",
        "--actors",
        "graphs/examples/csv/actors.csv",
        "--participation",
        "graphs/examples/csv/participation.csv",
        "--name",
        "csv example",
    ]);
    let d = json(&r);
    assert_eq!(d["name"], "csv example");
    assert_eq!(d["actors"].as_array().unwrap().len(), 5);
    assert_eq!(d["actors"][0]["aliases"][0], "Centria");
    assert_eq!(d["actors"][0]["attributes"]["city"], "Kokkola");
    assert_eq!(
        d["engagements"][0]["participants"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(d["engagements"][0]["start"], "2021-09-01");
    // What import wrote validates.
    let dir = dir_with(&[("d.json", &r.stdout)]);
    assert_eq!(run_in(dir.path(), &["validate", "d.json"], None).code, 0);
}

/// Contact details in actor columns never reach the dataset.
#[test]
fn csv_import_leaves_contact_details_out() {
    let actors = "id,name,aliases,contact,city\n\
a,Alfa Oy (alfa@example.fi),Alfa;040 123 4567,maija@example.fi,Kokkola\n\
b,Beta ry,,+358 50 765 4321,Vaasa\n";
    let dir = dir_with(&[("actors.csv", actors)]);
    let r = run_in(
        dir.path(),
        &["import", "csv", "--actors", "actors.csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for personal in ["@", "040 123", "765 4321"] {
        assert!(!r.stdout.contains(personal), "{personal} in {}", r.stdout);
    }
    let d = json(&r);
    assert_eq!(d["actors"][0]["name"], "Alfa Oy");
    assert_eq!(d["actors"][0]["aliases"], serde_json::json!(["Alfa"]));
    assert_eq!(d["actors"][0]["attributes"]["city"], "Kokkola");
    assert!(d["actors"][1]["attributes"].get("contact").is_none());
}

#[test]
fn csv_import_errors_name_file_line_and_column() {
    let dir = dir_with(&[
        (
            "actors.csv",
            "id,name,kind\na,A,firm\nb,B,firm\na,Again,firm\n",
        ),
        (
            "participation.csv",
            "engagement_id,engagement_name,start,actor_id,role\n\
             p,P,2020-01-01,a,coordinator\n\
             p,Other name,,b,partner\n\
             q,Q,2020-13-01,zz,partner\n",
        ),
        ("ties.csv", "source,target,weight\na,b,inf\n"),
    ]);
    let r = run_in(
        dir.path(),
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
            "--ties",
            "ties.csv",
            "-o",
            "out.json",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    for needle in [
        "participation.csv:3:2 (engagement_name): \"Other name\" differs from \"P\" given for engagement \"p\" on line 2",
        "participation.csv:4:3 (start): \"2020-13-01\" is not a calendar date",
        "ties.csv:2:3 (weight): \"inf\" is not a number",
        "actors.csv:4 (id): duplicate actor id \"a\"",
        "participation.csv:4 (actor_id): unknown actor \"zz\"",
    ] {
        assert!(r.stderr.contains(needle), "missing {needle:?} in\n{}", r.stderr);
    }
    assert!(!dir.path().join("out.json").exists(), "no partial output");

    let dir = dir_with(&[("actors.csv", "id,title\na,A\n")]);
    let r = run_in(
        dir.path(),
        &["import", "csv", "--actors", "actors.csv"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("actors.csv:1: missing column \"name\""),
        "{}",
        r.stderr
    );
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args([
            "ties",
            "graphs/finland-regional.json",
            "--role-ties",
            "all=clique",
        ])
        .current_dir(crate::util::repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dash_is_stdout_links_are_followed_and_devices_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let file = crate::util::repo().join("graphs/finland-regional.json");
    let file = file.to_str().unwrap();
    // `-` is standard output for every writer.
    let r = run_in(
        dir.path(),
        &["export", file, "--to", "pajek", "-o", "-"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("*Vertices"));
    let r = run_in(
        dir.path(),
        &["render", file, "--format", "dot", "-o", "-", "--builtin"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("graph"));
    assert!(!dir.path().join("-").exists(), "no file named -");
    // A symbolic link: its target is written, the link kept (also when the
    // target does not exist yet).
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(dir.path().join("target.txt"), &link).unwrap();
        let r = run_in(dir.path(), &["summary", file, "-o", "link.txt"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(dir.path().join("target.txt"))
            .unwrap()
            .contains("actors"));
        // A device is written through, not replaced.
        let r = run_in(dir.path(), &["summary", file, "-o", "/dev/null"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }
}

/// Reproducers of the output-safety report: nothing lost, nothing broken.
#[test]
fn outputs_never_replace_inputs_or_files_we_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        std::fs::read_to_string(crate::util::repo().join("graphs/finland-regional.json")).unwrap();
    std::fs::write(dir.path().join("in.json"), &seed).unwrap();
    // 1. Standard input and the output are the same file: refused.
    let stdin = std::fs::File::open(dir.path().join("in.json")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(["summary", "-", "-o", "in.json"])
        .current_dir(dir.path())
        .stdin(stdin)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("in.json")).unwrap(),
        seed
    );
    // 6. A multi-file output whose input is one of its files writes nothing.
    std::fs::write(dir.path().join("ties.csv"), &seed).unwrap();
    let r = run_in(
        dir.path(),
        &["report", "ties.csv", "-o", ".", "--builtin"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    for file in ["report.html", "map.svg", "actors.csv", "summary.csv"] {
        assert!(
            !dir.path().join(file).exists(),
            "{file} written before refusing"
        );
    }
    // A directory in the way: nothing written either.
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("report.md")).unwrap();
    let r = run_in(
        dir.path(),
        &["report", "in.json", "-o", "out", "--builtin"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!out.join("report.html").exists() && !out.join("map.svg").exists());
    // 8. A file verkosto did not write is not replaced without --force.
    let fresh = dir.path().join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    std::fs::write(fresh.join("actors.csv"), "mine").unwrap();
    let r = run_in(
        dir.path(),
        &["report", "in.json", "-o", "fresh", "--builtin"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("did not write it"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(fresh.join("actors.csv")).unwrap(),
        "mine"
    );
    let r = run_in(
        dir.path(),
        &["report", "in.json", "-o", "fresh", "--builtin", "--force"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Files verkosto wrote itself are replaced on the next run.
    let r = run_in(
        dir.path(),
        &["report", "in.json", "-o", "fresh", "--builtin"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // 7. Stale temporaries of ours (older than a day) are cleared.
    let stale = fresh.join(".verkosto-abc.tmp");
    std::fs::write(&stale, "left by a killed run").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let r = run_in(
        dir.path(),
        &["report", "in.json", "-o", "fresh", "--builtin"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!stale.exists(), "a stale temporary was left");
    let leftovers: Vec<_> = std::fs::read_dir(&fresh)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Reproducer 7: A run killed by SIGTERM while writing leaves no temporary file.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    // A large network so that the run is still busy when the signal comes.
    let mut actors = Vec::new();
    let mut engagements = Vec::new();
    for i in 0..3000 {
        actors.push(format!(r#"{{"id": "a{i}", "name": "A{i}"}}"#));
    }
    for e in 0..3000 {
        let members: Vec<String> = (0..8)
            .map(|k| {
                format!(
                    r#"{{"actor": "a{}", "role": "partner"}}"#,
                    (e * 7 + k * 13) % 3000
                )
            })
            .collect();
        engagements.push(format!(
            r#"{{"id": "e{e}", "name": "E{e}", "participants": [{}]}}"#,
            members.join(",")
        ));
    }
    std::fs::write(
        dir.path().join("big.json"),
        format!(
            r#"{{"actors": [{}], "engagements": [{}]}}"#,
            actors.join(","),
            engagements.join(",")
        ),
    )
    .unwrap();
    // Interrupt runs at several moments; at least one is caught by the
    // handler (exit 130), and none leaves a temporary file.
    let mut interrupted = 0;
    for delay in [20u64, 60, 120, 250, 500] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_verkosto"))
            .args([
                "export",
                "big.json",
                "--to",
                "graphml",
                "-o",
                "big.graphml",
                "--with-metrics",
            ])
            .current_dir(dir.path())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        unsafe_kill(child.id());
        if child.wait().unwrap().code() == Some(130) {
            interrupted += 1;
        }
    }
    assert!(interrupted > 0, "no run was interrupted");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
fn unsafe_kill(pid: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
}

/// Reproducers: wrong exit codes, silent bad output, values dropped.
#[test]
fn bad_input_reproducers_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::util::repo().join("graphs/finland-regional.json");
    let seed = seed.to_str().unwrap();
    // 3. Duplicate JSON keys name the key and its path.
    std::fs::write(
        dir.path().join("dup.json"),
        r#"{"actors": [{"id": "a", "id": "b", "name": "A"}], "actors": [], "engagements": []}"#,
    )
    .unwrap();
    let r = run_in(dir.path(), &["validate", "dup.json"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("actors[0].id: the key \"id\" appears twice"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("actors: the key \"actors\" appears twice"),
        "{}",
        r.stderr
    );
    // 5. A CSV header with a repeated column.
    std::fs::write(
        dir.path().join("actors.csv"),
        "id,name,city,city\na,A,x,y\n",
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &["import", "csv", "--actors", "actors.csv"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("actors.csv:1: the header repeats the column \"city\""),
        "{}",
        r.stderr
    );
    // 4. When every description fails, nothing is written.
    std::fs::write(dir.path().join("out.json"), "keep").unwrap();
    std::fs::write(dir.path().join("bad.txt"), "not a description").unwrap();
    let r = run_in(
        dir.path(),
        &["import", "descriptions", "bad.txt", "-o", "out.json"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.json")).unwrap(),
        "keep"
    );
    // 9. A write error exits 1 with a message, never a panic.
    #[cfg(target_os = "linux")]
    {
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_verkosto"))
            .args(["validate", seed])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("No space left on device") && !stderr.contains("panicked"),
            "{stderr}"
        );
        // 14. The cause is said once.
        assert_eq!(
            stderr.matches("No space left on device").count(),
            1,
            "{stderr}"
        );
        // Exports written as they are made name the file that failed.
        for format in ["graphml", "gexf", "node-link", "xlsx"] {
            let r = run_in(
                dir.path(),
                &["export", seed, "--to", format, "-o", "/dev/full"],
                None,
            );
            assert_eq!(r.code, 1, "{format}: {}", r.stderr);
            assert!(
                r.stderr
                    .contains("cannot write /dev/full: No space left on device")
                    && !r.stderr.contains("panicked"),
                "{format}: {}",
                r.stderr
            );
        }
    }
    // 13. Bad option values are usage errors.
    for args in [
        vec!["actors", seed, "--katz-alpha", "NaN"],
        vec!["render", seed, "--max-actors", "0", "-o", "x.svg"],
        vec!["summary", seed, "--roles", "bogus"],
    ] {
        let r = run_in(dir.path(), &args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
    assert!(!dir.path().join("x.svg").exists());
}

/// Reproducer 16: A projection too large to build is refused before it is built,
/// naming the engagement; a large clique is summarised exactly (the
/// benchmark's size, 2,000 actors, takes about a second in a release
/// build; the test uses 600 to stay quick in a debug one).
#[test]
fn huge_engagements_are_refused_and_cliques_summarised() {
    let members = |n: usize| -> String {
        (0..n)
            .map(|i| format!(r#"{{"actor": "a{i}", "role": "partner"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let actors = |n: usize| -> String {
        (0..n)
            .map(|i| format!(r#"{{"id": "a{i}", "name": "A{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let dataset = |n: usize| {
        format!(
            r#"{{"actors": [{}], "engagements": [{{"id": "big", "name": "Big", "participants": [{}]}}]}}"#,
            actors(n),
            members(n)
        )
    };
    let dir = dir_with(&[
        ("huge.json", &dataset(20_000)),
        ("clique.json", &dataset(600)),
    ]);
    let r = run_in(
        dir.path(),
        &["summary", "huge.json", "--max-ties", "1000000"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("up to 199990000 ties") && r.stderr.contains("big (199990000 pairs)"),
        "{}",
        r.stderr
    );
    let s = json(&run_in(
        dir.path(),
        &["summary", "clique.json", "-f", "json"],
        None,
    ));
    assert_eq!(s["ties"], 179_700);
    assert_eq!(s["density"], 1.0);
    assert_eq!(s["average_path_length"], 1.0);
    assert_eq!(s["diameter"], 1);
    assert_eq!(s["average_clustering"], 1.0);
}

/// `actors --sample`: the estimate states its accuracy, follows hop paths,
/// and stays within ε of the exact values on the seed network.
#[test]
fn sampled_betweenness_states_epsilon_and_delta() {
    let seed = "graphs/finland-regional.json";
    let exact = crate::util::run_in(
        &crate::util::repo(),
        &[
            "actors",
            seed,
            "--metrics",
            "betweenness",
            "--unweighted",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(exact.code, 0, "{}", exact.stderr);
    let sampled = crate::util::run_in(
        &crate::util::repo(),
        &[
            "actors",
            seed,
            "--metrics",
            "betweenness",
            "--unweighted",
            "--sample",
            "0.05,0.05",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(sampled.code, 0, "{}", sampled.stderr);
    let exact: serde_json::Value = serde_json::from_str(&exact.stdout).unwrap();
    let sampled: serde_json::Value = serde_json::from_str(&sampled.stdout).unwrap();
    let warning = sampled["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "sampled_betweenness")
        .expect("the estimate says what it is");
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains("within 0.05") && message.contains("0.95"),
        "{message}"
    );
    for (e, s) in exact["actors"]
        .as_array()
        .unwrap()
        .iter()
        .zip(sampled["actors"].as_array().unwrap())
    {
        assert_eq!(e["id"], s["id"]);
        let diff = (e["betweenness"].as_f64().unwrap() - s["betweenness"].as_f64().unwrap()).abs();
        assert!(diff <= 0.05, "{}: {diff}", e["id"]);
    }
    // Weighted paths are refused with the way out; bad values are usage errors.
    let r = crate::util::run_in(
        &crate::util::repo(),
        &["actors", seed, "--sample", "0.01"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("--hops") || r.stderr.contains("--unweighted"),
        "{}",
        r.stderr
    );
    let r = crate::util::run_in(
        &crate::util::repo(),
        &["actors", seed, "--sample", "2", "--unweighted"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// An unknown grouping attribute is a usage error with the nearest name;
/// Finnish words for the usual ones are understood; values that differ
/// only in case are named in a warning and made one group with
/// `--fold-case`.
#[test]
fn group_attributes_are_checked_and_folded() {
    let r = run(&[
        "summary",
        "graphs/finland-regional.json",
        "--group",
        "regoin",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("did you mean region?"), "{}", r.stderr);
    let r = run(&[
        "render",
        "graphs/finland-regional.json",
        "--color-by",
        "regoin",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&[
        "reach",
        "graphs/finland-regional.json",
        "--group",
        "maakunta",
        "-f",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("region,") && r.stdout.contains("Kainuu"),
        "{}",
        r.stdout
    );

    let dir = tempfile::tempdir().unwrap();
    let data = r#"{"name": "d", "actors": [
        {"id": "a", "name": "A", "attributes": {"country": "FAROE ISLANDS"}},
        {"id": "b", "name": "B", "attributes": {"country": "Faroe Islands"}},
        {"id": "c", "name": "C", "attributes": {"country": "Faroe  Islands"}},
        {"id": "d", "name": "D", "attributes": {"country": "Finland"}}],
      "engagements": [{"id": "p", "name": "P", "participants": [
        {"actor": "a"}, {"actor": "b"}, {"actor": "c"}, {"actor": "d"}]}]}"#;
    std::fs::write(dir.path().join("d.json"), data).unwrap();
    let r = run_in(
        dir.path(),
        &["summary", "d.json", "--group", "country", "-f", "json"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s["mixing"]["groups"].as_array().unwrap().len(), 4);
    let warning = s["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "group_spellings")
        .expect("a group_spellings warning");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("FAROE ISLANDS / Faroe  Islands / Faroe Islands"),
        "{warning}"
    );
    let r = run_in(
        dir.path(),
        &[
            "summary",
            "d.json",
            "--group",
            "country",
            "--fold-case",
            "-f",
            "json",
        ],
        None,
    );
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        s["mixing"]["groups"],
        serde_json::json!(["FAROE ISLANDS", "Finland"])
    );
    assert_eq!(s["mixing"]["sizes"], serde_json::json!([3, 1]));
}

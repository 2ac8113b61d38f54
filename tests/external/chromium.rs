//! The report in a real headless Chromium: it loads with no console error
//! and no request, its search highlights an actor and its partners, the
//! static map is there without scripts, hostile names inject nothing, it
//! fits an A4 page and prints to PDF.

use crate::util::{make_report, repo};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn chromium() -> Option<PathBuf> {
    verkosto::io::chromium::chromium()
}

/// Runs headless Chromium on `page` with the flags this machine needs (no
/// background networking); returns (stdout, stderr).
pub fn chrome(browser: &Path, page: &str, extra: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(page)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The class attribute of the element with `data-actor="id"` in a DOM dump.
fn class_of(dom: &str, id: &str) -> String {
    let at = dom
        .find(&format!("data-actor=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} not drawn"));
    let tag_start = dom[..at].rfind('<').unwrap();
    let tag = &dom[tag_start..at + dom[at..].find('>').unwrap()];
    tag.split("class=\"")
        .nth(1)
        .map_or(String::new(), |c| c.split('"').next().unwrap().to_string())
}

pub fn report_opens_offline_in_chromium() {
    let browser = chromium().expect("Chromium is installed");
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", &[]);
    let page = dir.path().join("report.html");
    // Loads with no console message and no refused request.
    let (dom, log) = chrome(
        &browser,
        &url(&page),
        &["--dump-dom", "--virtual-time-budget=5000"],
    );
    let console: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Refused to") || l.contains("ERR_"))
        .collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    assert!(
        dom.contains("class=\"controls\""),
        "the script added the map's controls"
    );
    // Searching "Centria" highlights Centria and its partners.
    let search = format!("{}#search=Centria", url(&page));
    let (dom, _) = chrome(
        &browser,
        &search,
        &["--dump-dom", "--virtual-time-budget=5000"],
    );
    assert!(
        class_of(&dom, "centria").contains("hl"),
        "Centria highlighted"
    );
    for partner in ["viexpo", "keski-pohjanmaan-liitto"] {
        assert!(
            class_of(&dom, partner).contains("partner"),
            "{partner} highlighted as a partner"
        );
    }
    assert!(class_of(&dom, "kouvola").contains("dim"), "others dimmed");
    // A malformed search link is searched as written: no URIError, and
    // the scripts after it (sortable tables) still run.
    let broken = format!("{}#search=%E0%A4%A", url(&page));
    let (dom_broken, log) = chrome(
        &browser,
        &broken,
        &["--dump-dom", "--virtual-time-budget=5000"],
    );
    assert!(
        !log.contains("URIError") && !log.contains("Uncaught"),
        "{log}"
    );
    assert!(dom_broken.contains("class=\"controls\""));
    assert!(dom.contains("data-highlighted=\"centria\""));
    // Without scripts the static map is there: the same page with a
    // policy that lets the browser run no script at all.
    let html = std::fs::read_to_string(&page).unwrap();
    let no_script = dir.path().join("no-script.html");
    std::fs::write(
        &no_script,
        html.replace("script-src 'unsafe-inline'", "script-src 'none'"),
    )
    .unwrap();
    let (dom, _) = chrome(
        &browser,
        &url(&no_script),
        &["--dump-dom", "--virtual-time-budget=3000"],
    );
    assert!(dom.contains("<svg") && dom.contains("data-actor=\"centria\""));
    assert!(
        !dom.contains("class=\"controls\""),
        "no controls without the script"
    );
    // A screenshot shows something.
    let shot = dir.path().join("shot.png");
    chrome(
        &browser,
        &url(&page),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,2000",
        ],
    );
    assert_not_blank(&shot);
}

/// Hostile names under `--lang fi`: nothing injected, the CSP present.
pub fn hostile_names_inject_nothing_into_the_report() {
    let browser = chromium().expect("Chromium is installed");
    let dir = tempfile::tempdir().unwrap();
    make_report(
        dir.path(),
        "graphs/examples/hostile-names.json",
        &["--lang", "fi", "--builtin"],
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the data and the report's own script"
    );
    let (dom, log) = chrome(
        &browser,
        &url(&dir.path().join("report.html")),
        &["--dump-dom", "--virtual-time-budget=5000"],
    );
    assert!(!log.contains("Uncaught"), "{log}");
    assert_eq!(
        dom.matches("<script").count(),
        2,
        "no injected script element"
    );
    let handlers = regex_like_handlers(&dom);
    assert!(
        handlers.is_empty(),
        "event handlers in the DOM: {handlers:?}"
    );
    assert!(
        dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "hostile name shown as text"
    );
    assert!(dom.contains("Åbo Akademi"));
}

/// Attributes `on…=` anywhere in a tag.
fn regex_like_handlers(dom: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in dom.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        for attribute in tag.split_whitespace().skip(1) {
            let name = attribute
                .split('=')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if name.starts_with("on") && attribute.contains('=') {
                found.push(attribute.to_string());
            }
        }
    }
    found
}

/// At the width of an A4 page's print area nothing sticks out to the
/// right, and `--pdf` prints A4 pages: for the seed network and a
/// 400-actor network.
pub fn report_fits_a4_and_prints_to_pdf() {
    let browser = chromium().expect("Chromium is installed");
    let generated = tempfile::tempdir().unwrap();
    let big = generated.path().join("generated.json");
    std::fs::write(&big, crate::map_geometry::generated()).unwrap();
    for file in [repo().join("graphs/finland-regional.json"), big] {
        let dir = tempfile::tempdir().unwrap();
        make_report(dir.path(), file.to_str().unwrap(), &["--pdf"]);
        // The content's width at 180 mm (A4 minus margins, 680 px).
        let result = page_check(
            &browser,
            &dir.path().join("report.html"),
            "overflow_check.js",
            "overflow",
            680,
        );
        assert_eq!(result, "ok", "{}: {result}", file.display());
        let pdf = std::fs::read(dir.path().join("report.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        // Every page A4: 210 × 297 mm = 595 × 842 points.
        let text = String::from_utf8_lossy(&pdf);
        let boxes: Vec<&str> = text
            .split("/MediaBox [")
            .skip(1)
            .map(|b| b.split(']').next().unwrap())
            .collect();
        assert!(!boxes.is_empty());
        if file.ends_with("finland-regional.json") {
            // Tables continue across pages: the seed report prints on at
            // most ten pages.
            let pages = text
                .match_indices("/Type /Page")
                .filter(|(i, _)| !text[i + 11..].starts_with('s'))
                .count();
            assert!((1..=10).contains(&pages), "{pages} pages");
        }
        for b in boxes {
            let v: Vec<f64> = b.split_whitespace().map(|x| x.parse().unwrap()).collect();
            assert!(
                (v[2] - 595.0).abs() < 1.0 && (v[3] - 842.0).abs() < 1.0,
                "page {b} is not A4"
            );
        }
    }
}

/// The report of a generated 7,000-actor network grouped by 31 countries,
/// at a 1280 px window: no horizontal scroll, no table cell whose text
/// overflows it, no key finding over 60 words, the heat map of the 11
/// largest countries and "other".
pub fn a_large_report_reads_at_1280_px() {
    let browser = chromium().expect("Chromium is installed");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.json"),
        crate::generated::generated_network(),
    )
    .unwrap();
    for lang in ["fi", "en"] {
        let out = dir.path().join(lang);
        make_report(
            &out,
            dir.path().join("big.json").to_str().unwrap(),
            &["--builtin", "--group", "country", "--lang", lang],
        );
        let result = page_check(
            &browser,
            &out.join("report.html"),
            "readable_check.js",
            "readable",
            1280,
        );
        assert_eq!(result, "ok", "{lang}: {result}");
    }
}

/// Runs the check `script` of `tests/browser/` on a copy of the page
/// `html` at a window `width` px wide and returns what it wrote into its
/// `<pre id="{id}">` ("ok" when nothing is wrong).
fn page_check(browser: &Path, html: &Path, script: &str, id: &str, width: u32) -> String {
    let page = html.with_file_name("check.html");
    let check = std::fs::read_to_string(repo().join("tests/browser").join(script)).unwrap();
    let text = std::fs::read_to_string(html).unwrap();
    std::fs::write(
        &page,
        text.replace("</body>", &format!("<script>{check}</script></body>")),
    )
    .unwrap();
    let window = format!("--window-size={width},1000");
    let (dom, _) = chrome(
        browser,
        &url(&page),
        &["--dump-dom", "--virtual-time-budget=5000", &window],
    );
    let marker = format!("<pre id=\"{id}\">");
    let start = dom.find(&marker).expect("the check ran") + marker.len();
    dom[start..start + dom[start..].find("</pre>").unwrap()].to_string()
}

/// The screenshot shows something: enough pixels that are not white.
fn assert_not_blank(png: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).expect("a screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let total = pixels.len() / channels;
    let inked = pixels
        .chunks(channels)
        .filter(|p| p[..3].iter().any(|&c| c < 200))
        .count();
    let share = inked as f64 / total as f64;
    assert!(
        share > 0.01 && share < 0.9,
        "screenshot looks blank or solid: {share:.3} inked"
    );
}

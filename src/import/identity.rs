//! One organisation, one actor: the keys names are compared by (Oy/ry
//! dropped, inflected municipality names), ids made from names, and the
//! actor kind of an organisation type.

/// The actor kind of an organisation type (Organisaatiotyyppi); unknown
/// types are kept as given.
pub fn kind_of_type(organisation_type: &str) -> String {
    let lower = organisation_type.trim().to_lowercase();
    let kind = match lower.as_str() {
        "kunta" | "kaupunki" | "kunnallinen liikelaitos" => "municipality",
        "maakunnan liitto" | "maakuntaliitto" => "regional_council",
        "ministeriö" => "ministry",
        _ if lower.contains("ammattikorkeakoulu") => "university_of_applied_sciences",
        _ if lower.contains("yliopisto") => "university",
        _ if lower.contains("koulutuskuntayhtymä") || lower.contains("oppilaitos") => {
            "education_provider"
        }
        _ if lower.contains("kuntayhtymä") => "joint_municipal_authority",
        _ if lower.contains("tutkimuslaitos") => "research_institute",
        _ if lower.starts_with("valtion") => "authority",
        _ if lower.contains("yritys") || lower.contains("osakeyhtiö") => "firm",
        _ if lower.contains("yhdistys") || lower.contains("järjestö") => "association",
        _ if lower.contains("säätiö") => "foundation",
        _ => return organisation_type.trim().to_string(),
    };
    kind.to_string()
}

/// The kind of a responsible authority, from its name.
pub(super) fn kind_of_authority(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    if lower.ends_with(" liitto") {
        "regional_council"
    } else if lower.contains("ministeriö") {
        "ministry"
    } else {
        "authority"
    }
}

/// A matching key: lower case, single spaces, no company-form suffix.
pub fn name_key(name: &str) -> String {
    let mut key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suffix in [" oyj", " oy", " ry", " ab", " rf"] {
        if let Some(stripped) = key.strip_suffix(suffix) {
            key = stripped.to_string();
        }
    }
    key
}

/// Base forms a municipality may have behind `…n kaupunki`, `…n kunta` or
/// their inflected forms (`Kouvolan kaupungin`): the genitive without its
/// `-n`, and the common consonant-gradation endings (Seinäjoen → Seinäjoki,
/// Riihimäen → Riihimäki, Lahden → Lahti, Lopen → Loppi).
pub fn municipality_candidates(name: &str) -> Vec<String> {
    let key = name_key(name);
    let Some(genitive) = [
        "kaupunki",
        "kaupungin",
        "kaupungissa",
        "kunta",
        "kunnan",
        "kunnassa",
    ]
    .iter()
    .find_map(|w| key.strip_suffix(&format!(" {w}"))) else {
        return vec![key];
    };
    let Some(stem) = genitive.strip_suffix('n') else {
        return vec![genitive.to_string()];
    };
    let mut out = vec![stem.to_string()];
    for (from, to) in [
        ("joe", "joki"),
        ("mäe", "mäki"),
        ("de", "ti"),
        ("pe", "ppi"),
        ("ke", "kki"),
        ("te", "tti"),
        ("e", "i"),
    ] {
        if let Some(base) = stem.strip_suffix(from) {
            out.push(format!("{base}{to}"));
        }
    }
    out
}

pub(super) fn slug(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' => 'a',
            'ö' | 'ó' => 'o',
            'é' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "actor".into()
    } else {
        parts.join("-")
    }
}

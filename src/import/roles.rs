//! Role and kind words as people write them in tables, in English,
//! Finnish and Swedish, read as the dataset's roles and kinds.

/// Words for each role (lower case).
const ROLE_WORDS: &[(&str, &[&str])] = &[
    (
        "coordinator",
        &[
            "coordinator",
            "lead partner",
            "lead",
            "lp",
            "lead beneficiary",
            "applicant",
            "koordinaattori",
            "päätoteuttaja",
            "hakija",
            "vetäjä",
            "pääpartneri",
            "samordnare",
            "koordinator",
            "huvudpartner",
            "projektägare",
            "sökande",
        ],
    ),
    (
        "implementer",
        &[
            "implementer",
            "co-implementer",
            "beneficiary",
            "toteuttaja",
            "osatoteuttaja",
            "delgenomförare",
            "genomförare",
        ],
    ),
    (
        "partner",
        &[
            "partner",
            "project partner",
            "pp",
            "associated partner",
            "ap",
            "participant partner",
            "kumppani",
            "yhteistyökumppani",
            "projektipartneri",
            "projektpartner",
            "associerad partner",
        ],
    ),
    (
        "funder",
        &[
            "funder",
            "rahoittaja",
            "rahoittava viranomainen",
            "finansiär",
            "finansierande myndighet",
        ],
    ),
    (
        "authority",
        &[
            "authority",
            "managing authority",
            "responsible authority",
            "viranomainen",
            "vastuuviranomainen",
            "myndighet",
            "ansvarig myndighet",
            "förvaltande myndighet",
        ],
    ),
    ("trainer", &["trainer", "kouluttaja", "utbildare"]),
    ("participant", &["participant", "osallistuja", "deltagare"]),
    ("member", &["member", "jäsen", "medlem"]),
    (
        "target",
        &["target", "target group", "kohderyhmä", "målgrupp"],
    ),
];

/// Words for each actor kind (lower case).
const KIND_WORDS: &[(&str, &[&str])] = &[
    (
        "municipality",
        &[
            "kunta",
            "kaupunki",
            "kommun",
            "stad",
            "city",
            "municipality",
            "local public authority",
        ],
    ),
    ("joint_municipal_authority", &["kuntayhtymä", "samkommun"]),
    (
        "university_of_applied_sciences",
        &[
            "ammattikorkeakoulu",
            "amk",
            "yrkeshögskola",
            "university of applied sciences",
        ],
    ),
    (
        "university",
        &[
            "yliopisto",
            "universitet",
            "university",
            "higher education and research",
        ],
    ),
    (
        "research_institute",
        &["tutkimuslaitos", "forskningsinstitut", "research institute"],
    ),
    (
        "education_provider",
        &[
            "oppilaitos",
            "koulutuskuntayhtymä",
            "läroanstalt",
            "education and training centre and school",
        ],
    ),
    (
        "firm",
        &[
            "yritys",
            "osakeyhtiö",
            "företag",
            "firm",
            "company",
            "enterprise",
            "sme",
            "small and medium enterprise",
            "large enterprise",
        ],
    ),
    (
        "development_company",
        &["kehitysyhtiö", "utvecklingsbolag", "development company"],
    ),
    (
        "regional_council",
        &[
            "maakunnan liitto",
            "maakuntaliitto",
            "landskapsförbund",
            "regional council",
            "regional public authority",
        ],
    ),
    (
        "authority",
        &[
            "viranomainen",
            "myndighet",
            "authority",
            "national public authority",
            "sectoral agency",
        ],
    ),
    (
        "ministry",
        &["ministeriö", "ministerium", "departement", "ministry"],
    ),
    ("funder", &["rahoittaja", "finansiär", "funder"]),
    ("cluster", &["klusteri", "kluster", "cluster"]),
    (
        "association",
        &[
            "yhdistys",
            "järjestö",
            "förening",
            "organisation",
            "association",
            "ngo",
            "interest groups including ngos",
        ],
    ),
    ("network", &["verkosto", "nätverk", "network"]),
    ("other", &["muu", "annan", "övrig", "other", "oth"]),
];

/// The role `word` stands for, in any of the three languages.
///
/// ```
/// use verkosto::import::roles::role_word;
/// assert_eq!(role_word("Rahoittaja"), Some("funder"));
/// assert_eq!(role_word("Delgenomförare"), Some("implementer"));
/// assert_eq!(role_word("LP"), Some("coordinator"));
/// assert_eq!(role_word("sponsor"), None);
/// ```
pub fn role_word(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    if crate::model::KNOWN_ROLES.contains(&w.as_str()) {
        return crate::model::KNOWN_ROLES.iter().copied().find(|r| *r == w);
    }
    ROLE_WORDS
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(role, _)| *role)
}

/// The actor kind `word` stands for, in any of the three languages.
///
/// ```
/// use verkosto::import::roles::kind_word;
/// assert_eq!(kind_word("kunta"), Some("municipality"));
/// assert_eq!(kind_word("Yrkeshögskola"), Some("university_of_applied_sciences"));
/// assert_eq!(kind_word("spaceship"), None);
/// ```
pub fn kind_word(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    if let Some(k) = crate::model::KNOWN_ACTOR_KINDS.iter().find(|k| **k == w) {
        return Some(k);
    }
    KIND_WORDS
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(kind, _)| *kind)
}

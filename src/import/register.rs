//! The built-in register of Finnish public bodies, kept as data files in
//! `data/register/` with their sources: every municipality with its Swedish
//! name, genitive and region, and the regional councils, ELY centres,
//! ministries, universities, universities of applied sciences, research
//! institutes and national agencies and funders.

use std::collections::HashMap;
use std::sync::OnceLock;

const MUNICIPALITIES: &str = include_str!("../../data/register/municipalities.tsv");
const BODIES: &str = include_str!("../../data/register/bodies.tsv");
const COORDINATES: &str = include_str!("../../data/register/coordinates.tsv");

/// A municipality of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// Finnish name (`Vaasa`).
    pub name: String,
    /// Swedish name (`Vasa`), if it has one.
    pub swedish: Option<String>,
    /// Finnish genitive (`Vaasan`), the stem of `Vaasan kaupunki`.
    pub genitive: String,
    /// Region (maakunta).
    pub region: String,
}

/// A public body of the register other than a municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Actor kind (`regional_council`, `authority`, `university`, …).
    pub kind: String,
    /// Official name.
    pub name: String,
    /// Swedish names, abbreviations, former and short forms.
    pub aliases: Vec<String>,
    /// Region (maakunta), when the body belongs to one.
    pub region: Option<String>,
}

/// Rows of a register file: tab-separated fields, `#` lines are comments.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::trim).collect())
}

fn some(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

/// Every municipality of the register, in the order of the data file.
///
/// # Examples
///
/// ```
/// use verkosto::import::register::municipalities;
/// let vaasa = municipalities().iter().find(|m| m.name == "Vaasa").unwrap();
/// assert_eq!(vaasa.swedish.as_deref(), Some("Vasa"));
/// assert_eq!(vaasa.genitive, "Vaasan");
/// ```
pub fn municipalities() -> &'static [Municipality] {
    static CELL: OnceLock<Vec<Municipality>> = OnceLock::new();
    CELL.get_or_init(|| {
        rows(MUNICIPALITIES)
            .map(|f| Municipality {
                name: f[0].to_string(),
                swedish: some(f[1]),
                genitive: f[2].to_string(),
                region: f[3].to_string(),
            })
            .collect()
    })
}

/// Every public body of the register other than municipalities.
///
/// # Examples
///
/// ```
/// use verkosto::import::register::bodies;
/// let gtk = bodies().iter().find(|b| b.name == "Geologian tutkimuskeskus").unwrap();
/// assert_eq!(gtk.kind, "research_institute");
/// assert!(gtk.aliases.contains(&"GTK".to_string()));
/// ```
pub fn bodies() -> &'static [Body] {
    static CELL: OnceLock<Vec<Body>> = OnceLock::new();
    CELL.get_or_init(|| {
        rows(BODIES)
            .map(|f| Body {
                kind: f[0].to_string(),
                name: f[1].to_string(),
                aliases: f[2]
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect(),
                region: some(f[3]),
            })
            .collect()
    })
}

/// The public body `name` names: its official name or one of its other
/// names (Swedish, English, abbreviations), compared as
/// [`super::identity::name_key`]s (case, spacing, diacritics and company
/// forms do not matter).
///
/// ```
/// use verkosto::import::register::body_of;
/// assert_eq!(body_of("University of Oulu").unwrap().name, "Oulun yliopisto");
/// assert_eq!(body_of("OULUN YLIOPISTO").unwrap().name, "Oulun yliopisto");
/// assert_eq!(body_of("Natural Resources Institute Finland").unwrap().name, "Luonnonvarakeskus");
/// assert!(body_of("University of Tartu").is_none());
/// ```
pub fn body_of(name: &str) -> Option<&'static Body> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (i, body) in bodies().iter().enumerate() {
            for n in std::iter::once(&body.name).chain(&body.aliases) {
                index.entry(key(n)).or_insert(i);
            }
        }
        index
    });
    index.get(&key(name)).map(|&i| &bodies()[i])
}

/// The key names of bodies are compared by: their identity key without
/// diacritics.
fn key(name: &str) -> String {
    crate::text::fold(&super::identity::name_key(name))
}

/// Lower-case lookups into the municipalities: by genitive (`vaasan`),
/// Finnish name and Swedish name (`vasa`) to the Finnish name in lower case.
pub(crate) struct MunicipalityIndex {
    pub by_genitive: HashMap<String, String>,
    pub by_name: HashMap<String, String>,
}

pub(crate) fn municipality_index() -> &'static MunicipalityIndex {
    static CELL: OnceLock<MunicipalityIndex> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut index = MunicipalityIndex {
            by_genitive: HashMap::new(),
            by_name: HashMap::new(),
        };
        for m in municipalities() {
            let name = m.name.to_lowercase();
            index
                .by_genitive
                .insert(m.genitive.to_lowercase(), name.clone());
            index.by_name.insert(name.clone(), name.clone());
            if let Some(sv) = &m.swedish {
                index.by_name.entry(sv.to_lowercase()).or_insert(name);
            }
        }
        index
    })
}

/// A point on the map of Finland: latitude and longitude in degrees
/// (WGS84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
}

/// Every municipality's centre by its Finnish name in lower case (from
/// the GeoNames gazetteer; `data/register/coordinates.tsv` names the source).
fn centres() -> &'static HashMap<String, Place> {
    static CELL: OnceLock<HashMap<String, Place>> = OnceLock::new();
    CELL.get_or_init(|| {
        rows(COORDINATES)
            .filter_map(|f| {
                let place = Place {
                    latitude: f.get(1)?.parse().ok()?,
                    longitude: f.get(2)?.parse().ok()?,
                };
                Some((f[0].to_lowercase(), place))
            })
            .collect()
    })
}

/// Every municipality's centre, in the order of the register.
pub fn municipality_places() -> impl Iterator<Item = Place> {
    municipalities()
        .iter()
        .filter_map(|m| centres().get(&m.name.to_lowercase()).copied())
}

/// The centre of the municipality `name` names: its Finnish or Swedish
/// name, or the name of its town or municipality as an organisation
/// (`Kouvolan kaupunki`, `Hartolan kunta`, `Vasa stad`, `Kimitoöns
/// kommun`); case does not matter.
///
/// # Examples
///
/// ```
/// use verkosto::import::register::municipality_place;
/// let oulu = municipality_place("Oulun kaupunki").unwrap();
/// assert!((oulu.latitude - 65.0).abs() < 0.1);
/// assert_eq!(municipality_place("Vasa"), municipality_place("Vaasa"));
/// assert!(municipality_place("Tallinn").is_none());
/// ```
pub fn municipality_place(name: &str) -> Option<Place> {
    let index = municipality_index();
    let lower = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let finnish = index.by_name.get(&lower).cloned().or_else(|| {
        let (stem, word) = lower.rsplit_once(' ')?;
        match word {
            "kaupunki" | "kunta" => index.by_genitive.get(stem).cloned(),
            "stad" | "kommun" => index
                .by_name
                .get(stem)
                .or_else(|| index.by_name.get(stem.strip_suffix('s')?))
                .cloned(),
            _ => None,
        }
    })?;
    centres().get(&finnish).copied()
}

/// The centre of a region (maakunta, by its Finnish name, case not
/// mattering): the mean of its municipalities' centres.
///
/// # Examples
///
/// ```
/// use verkosto::import::register::region_place;
/// let lapland = region_place("Lappi").unwrap();
/// assert!(lapland.latitude > 66.0);
/// assert!(region_place("Atlantis").is_none());
/// ```
pub fn region_place(region: &str) -> Option<Place> {
    let region = region.trim().to_lowercase();
    let (mut latitude, mut longitude, mut count) = (0.0, 0.0, 0usize);
    for m in municipalities()
        .iter()
        .filter(|m| m.region.to_lowercase() == region)
    {
        if let Some(p) = centres().get(&m.name.to_lowercase()) {
            latitude += p.latitude;
            longitude += p.longitude;
            count += 1;
        }
    }
    (count > 0).then(|| Place {
        latitude: latitude / count as f64,
        longitude: longitude / count as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_row_is_whole() {
        for line in MUNICIPALITIES.lines().chain(BODIES.lines()) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            assert_eq!(line.split('\t').count(), 4, "{line:?}");
        }
        // Every municipality has a centre in Finland (Åland included).
        for m in municipalities() {
            let p = centres()
                .get(&m.name.to_lowercase())
                .unwrap_or_else(|| panic!("no centre for {}", m.name));
            assert!((59.5..70.2).contains(&p.latitude), "{}: {p:?}", m.name);
            assert!((19.0..31.7).contains(&p.longitude), "{}: {p:?}", m.name);
        }
        assert_eq!(centres().len(), municipalities().len());
        assert_eq!(municipalities().len(), 309);
        let names: HashSet<&str> = municipalities().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names.len(), 309, "no municipality twice");
        let regions: HashSet<&str> = municipalities().iter().map(|m| m.region.as_str()).collect();
        assert_eq!(regions.len(), 19, "18 regions and Åland: {regions:?}");
        for m in municipalities() {
            assert!(
                m.genitive.ends_with('n') || m.genitive.ends_with(" Tl"),
                "{} has genitive {}",
                m.name,
                m.genitive
            );
        }
        let councils = bodies()
            .iter()
            .filter(|b| b.kind == "regional_council")
            .count();
        assert_eq!(councils, 18);
        let ely = bodies()
            .iter()
            .filter(|b| b.name.contains("elinkeino-, liikenne- ja ympäristökeskus"))
            .count();
        assert_eq!(ely, 15);
    }
}

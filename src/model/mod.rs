//! The dataset: actors, the engagements they take part in, and direct ties.
//!
//! A [`Dataset`] is what the canonical JSON format holds (see the README's
//! "Data format"). Load one with [`crate::io::json::load_dataset`], which
//! validates it and reports every problem at once; build one in code and call
//! [`validate::check`] before projecting it.
//!
//! Ids and names are [`CompactString`]s: text of up to 24 bytes (nearly
//! every id, most names) is stored inside the field, with no allocation of
//! its own: a loaded dataset of half a million actors takes about 30 %
//! less memory than with `String`s. Kinds and roles, a few values
//! repeated hundreds of thousands of times, are [`Ustr`]s: interned once
//! for the whole process and held as one pointer (8 bytes, against 24).
//! Both compare with `&str` and turn into `String` with `to_string()`.

mod date;
pub mod validate;

pub use date::{Date, DateError};
pub use validate::{Problem, Report};

pub use compact_str::CompactString;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
pub use ustr::Ustr;

/// Actor kinds that verkosto knows and styles; any other string is accepted
/// and treated as its own group.
pub const KNOWN_ACTOR_KINDS: &[&str] = &[
    "municipality",
    "joint_municipal_authority",
    "university_of_applied_sciences",
    "university",
    "research_institute",
    "education_provider",
    "firm",
    "development_company",
    "regional_council",
    "authority",
    "ministry",
    "funder",
    "cluster",
    "association",
    "network",
    "person",
    "other",
];

/// Engagement kinds with a conventional meaning; any other string is accepted.
pub const KNOWN_ENGAGEMENT_KINDS: &[&str] = &[
    "project",
    "workshop",
    "event",
    "study_trip",
    "network",
    "training",
];

/// The fields of an engagement that hold one value each, in the canonical
/// order: the columns of the engagements table in CSV, Excel and exports.
pub const ENGAGEMENT_SCALAR_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "start",
    "end",
    "funding_eur",
    "part_of",
];

/// Participation roles. `validate` warns about any other role, since a typo
/// would otherwise silently fall out of a role filter.
pub const KNOWN_ROLES: &[&str] = &[
    "coordinator",
    "implementer",
    "partner",
    "funder",
    "authority",
    "trainer",
    "participant",
    "member",
    "target",
];

/// Free-form scalar attributes (`"city": "Kokkola"`), kept in key order.
pub type Attributes = BTreeMap<String, Value>;

/// An organisation (or, rarely, a person) in the network.
///
/// The id, name and kind are held in the actor itself; what few actors
/// have (a business id, a region, aliases, attributes) is held apart, in
/// [`ActorDetails`], so that an actor without them takes 80 bytes.
/// Actors are equal when their ids, names, kinds and details are; no
/// details and empty details are the same.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// Unique, stable identifier, e.g. `centria`.
    pub id: CompactString,
    /// Official name, e.g. `Centria-ammattikorkeakoulu Oy`.
    pub name: CompactString,
    /// Kind of organisation, see [`KNOWN_ACTOR_KINDS`]; `other` when not given.
    pub kind: Ustr,
    /// The business id, region, aliases and attributes, when the actor
    /// has any of them (read them with [`Actor::region`] and the like,
    /// change them with [`Actor::details_mut`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<ActorDetails>>,
}

/// What an [`Actor`] may have besides its id, name and kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActorDetails {
    /// Finnish business id (Y-tunnus), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_id: Option<CompactString>,
    /// Region (maakunta), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<CompactString>,
    /// Other names the documents use: abbreviations, inflected forms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Any further scalar attributes.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: Attributes,
}

impl ActorDetails {
    /// The details as an actor holds them: `None` when there are none.
    pub fn boxed(self) -> Option<Box<ActorDetails>> {
        (self != ActorDetails::default()).then(|| Box::new(self))
    }
}

impl PartialEq for Actor {
    fn eq(&self, other: &Actor) -> bool {
        let none = ActorDetails::default();
        self.id == other.id
            && self.name == other.name
            && self.kind == other.kind
            && self.details.as_deref().unwrap_or(&none) == other.details.as_deref().unwrap_or(&none)
    }
}

/// The attributes of an actor that has none.
static NO_ATTRIBUTES: Attributes = BTreeMap::new();

impl Actor {
    /// An actor with an id, a name and a kind, and no details.
    ///
    /// ```
    /// let mut a = verkosto::model::Actor::new("centria", "Centria", "university_of_applied_sciences");
    /// assert_eq!(a.region(), None);
    /// a.details_mut().region = Some("Keski-Pohjanmaa".into());
    /// assert_eq!(a.region(), Some("Keski-Pohjanmaa"));
    /// ```
    pub fn new(
        id: impl Into<CompactString>,
        name: impl Into<CompactString>,
        kind: impl Into<Ustr>,
    ) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            details: None,
        }
    }

    /// The business id (Y-tunnus), when known.
    pub fn business_id(&self) -> Option<&str> {
        self.details.as_ref()?.business_id.as_deref()
    }

    /// The region (maakunta), when known.
    pub fn region(&self) -> Option<&str> {
        self.details.as_ref()?.region.as_deref()
    }

    /// Other names the documents use.
    pub fn aliases(&self) -> &[String] {
        self.details.as_ref().map_or(&[], |d| &d.aliases)
    }

    /// Further scalar attributes, in key order.
    pub fn attributes(&self) -> &Attributes {
        self.details
            .as_ref()
            .map_or(&NO_ATTRIBUTES, |d| &d.attributes)
    }

    /// The details, to change them (made empty when the actor had none).
    pub fn details_mut(&mut self) -> &mut ActorDetails {
        self.details.get_or_insert_with(Default::default)
    }
}

/// One actor's part in one engagement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    /// The actor's id.
    pub actor: CompactString,
    /// The role, see [`KNOWN_ROLES`]; `participant` when not given.
    pub role: Ustr,
}

/// A project, workshop, event, study trip, network or training that actors
/// take part in.
///
/// What few engagements have (funding, the engagement it is part of,
/// attributes) is held apart, in [`EngagementDetails`]; read it with
/// [`Engagement::funding_eur`] and the like. Engagements are equal when
/// all their fields are; no details and empty details are the same.
#[derive(Debug, Clone)]
pub struct Engagement {
    /// Unique identifier, for projects the project code (e.g. `A78140`).
    pub id: CompactString,
    /// Name as the documents give it.
    pub name: CompactString,
    /// Kind, see [`KNOWN_ENGAGEMENT_KINDS`]; `project` when not given.
    pub kind: Ustr,
    /// First day, when known.
    pub start: Option<Date>,
    /// Last day, when known; never before `start`.
    pub end: Option<Date>,
    /// Who took part, and how.
    pub participants: Vec<Participation>,
    /// The funding, the engagement this one is part of and the
    /// attributes, when it has any of them.
    pub details: Option<Box<EngagementDetails>>,
}

/// What an [`Engagement`] may have besides its id, name, kind, dates and
/// participants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EngagementDetails {
    /// Public funding in euros (realised where known).
    pub funding_eur: Option<f64>,
    /// The engagement this one is part of (a workshop's project).
    pub part_of: Option<CompactString>,
    /// Any further scalar attributes.
    pub attributes: Attributes,
}

impl EngagementDetails {
    /// The details as an engagement holds them: `None` when there are none.
    pub fn boxed(self) -> Option<Box<EngagementDetails>> {
        (self != EngagementDetails::default()).then(|| Box::new(self))
    }
}

impl Engagement {
    /// An engagement with an id, a name and a kind, no dates, no
    /// participants and no details.
    ///
    /// ```
    /// let mut e = verkosto::model::Engagement::new("A78140", "Puurakentamisen kasvu", "project");
    /// assert_eq!(e.funding_eur(), None);
    /// e.details_mut().funding_eur = Some(120_000.0);
    /// assert_eq!(e.funding_eur(), Some(120_000.0));
    /// ```
    pub fn new(
        id: impl Into<CompactString>,
        name: impl Into<CompactString>,
        kind: impl Into<Ustr>,
    ) -> Engagement {
        Engagement {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            start: None,
            end: None,
            participants: Vec::new(),
            details: None,
        }
    }

    /// Public funding in euros, when known.
    pub fn funding_eur(&self) -> Option<f64> {
        self.details.as_ref()?.funding_eur
    }

    /// The id of the engagement this one is part of, if any.
    pub fn part_of(&self) -> Option<&str> {
        self.details.as_ref()?.part_of.as_deref()
    }

    /// Further scalar attributes, in key order.
    pub fn attributes(&self) -> &Attributes {
        self.details
            .as_ref()
            .map_or(&NO_ATTRIBUTES, |d| &d.attributes)
    }

    /// The details, to change them (made empty when there were none).
    pub fn details_mut(&mut self) -> &mut EngagementDetails {
        self.details.get_or_insert_with(Default::default)
    }
}

impl PartialEq for Engagement {
    fn eq(&self, other: &Engagement) -> bool {
        let none = EngagementDetails::default();
        self.id == other.id
            && self.name == other.name
            && self.kind == other.kind
            && self.start == other.start
            && self.end == other.end
            && self.participants == other.participants
            && self.details.as_deref().unwrap_or(&none) == other.details.as_deref().unwrap_or(&none)
    }
}

/// The canonical order of the fields: id, name, kind, start, end,
/// funding_eur, part_of, participants, attributes (those not given left
/// out, participants always written).
impl Serialize for Engagement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("kind", &self.kind)?;
        if let Some(start) = &self.start {
            map.serialize_entry("start", start)?;
        }
        if let Some(end) = &self.end {
            map.serialize_entry("end", end)?;
        }
        if let Some(funding) = self.funding_eur() {
            map.serialize_entry("funding_eur", &funding)?;
        }
        if let Some(part_of) = self.part_of() {
            map.serialize_entry("part_of", part_of)?;
        }
        map.serialize_entry("participants", &self.participants)?;
        if !self.attributes().is_empty() {
            map.serialize_entry("attributes", self.attributes())?;
        }
        map.end()
    }
}

/// A direct, undirected actor–actor tie for data that is already one-mode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    /// One actor's id.
    pub source: CompactString,
    /// The other actor's id.
    pub target: CompactString,
    /// What the tie is, e.g. `cluster_member`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<CompactString>,
    /// Strength; finite and positive. 1 when not given.
    pub weight: f64,
}

/// A whole dataset, as held by the canonical JSON format.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Dataset {
    /// A human-readable title.
    pub name: String,
    /// Longer description, sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Curation notes: what was left out and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The actors.
    pub actors: Vec<Actor>,
    /// The engagements.
    pub engagements: Vec<Engagement>,
    /// Direct actor–actor ties.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Tie>,
}

impl Dataset {
    /// The actor with this id, if any (linear search; graphs index actors).
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The engagement with this id, if any.
    pub fn engagement(&self, id: &str) -> Option<&Engagement> {
        self.engagements.iter().find(|e| e.id == id)
    }

    /// Number of participations over all engagements.
    pub fn participation_count(&self) -> usize {
        self.engagements.iter().map(|e| e.participants.len()).sum()
    }

    /// The canonical JSON text (two-space indented, trailing newline).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("dataset serialises");
        text.push('\n');
        text
    }
}

/// Finnish and Swedish words for the grouping attributes every dataset
/// has or commonly has, and the key they stand for.
const ATTRIBUTE_WORDS: &[(&str, &str)] = &[
    ("maakunta", "region"),
    ("alue", "region"),
    ("landskap", "region"),
    ("region", "region"),
    ("tyyppi", "kind"),
    ("toimijatyyppi", "kind"),
    ("laji", "kind"),
    ("typ", "kind"),
    ("aktörstyp", "kind"),
    ("maa", "country"),
    ("land", "country"),
    ("y-tunnus", "business_id"),
    ("ytunnus", "business_id"),
    ("nimi", "name"),
    ("namn", "name"),
];

impl Dataset {
    /// The grouping attribute `key` as the actors have it: `kind`,
    /// `region`, `business_id`, `name`, `id` or an attribute some actor
    /// has; a Finnish or Swedish word for one (`maakunta`, `landskap` →
    /// `region`, `tyyppi` → `kind`, `maa` → `country`) stands for it.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidParameter`] (for `parameter`) naming the
    /// attributes the dataset has, and the nearest of them.
    ///
    /// ```
    /// let (d, _) = verkosto::io::json::parse_dataset(r#"{"name": "d", "actors": [
    ///   {"id": "a", "name": "A", "region": "Lappi", "attributes": {"country": "Finland"}}],
    ///   "engagements": []}"#, "d.json").unwrap();
    /// assert_eq!(d.attribute_key("group", "maakunta").unwrap(), "region");
    /// assert_eq!(d.attribute_key("group", "Country").unwrap(), "country");
    /// let e = d.attribute_key("group", "regoin").unwrap_err().to_string();
    /// assert!(e.contains("did you mean region?"), "{e}");
    /// ```
    pub fn attribute_key(
        &self,
        parameter: &'static str,
        key: &str,
    ) -> crate::error::Result<String> {
        let mut known: std::collections::BTreeSet<String> =
            ["kind", "region", "business_id", "name", "id"]
                .into_iter()
                .map(String::from)
                .collect();
        for actor in &self.actors {
            known.extend(actor.attributes().keys().cloned());
        }
        if key.is_empty() || known.contains(key) {
            return Ok(key.to_string());
        }
        let folded = crate::text::fold(key.trim());
        if let Some(k) = known.iter().find(|k| crate::text::fold(k) == folded) {
            return Ok(k.clone());
        }
        if let Some((_, k)) = ATTRIBUTE_WORDS
            .iter()
            .find(|(w, _)| crate::text::fold(w) == folded)
        {
            if known.contains(*k) {
                return Ok(k.to_string());
            }
        }
        let nearest = known
            .iter()
            .map(|k| (strsim::levenshtein(&folded, &crate::text::fold(k)), k))
            .filter(|(d, _)| *d <= 2)
            .min();
        let list: Vec<&str> = known.iter().map(String::as_str).collect();
        let mut expected = format!("an attribute of the actors: {}", list.join(", "));
        if let Some((_, k)) = nearest {
            expected.push_str(&format!(" (did you mean {k}?)"));
        }
        Err(crate::Error::invalid(parameter, key, expected))
    }
}

impl Actor {
    /// The value of a grouping attribute: `kind`, `region`, `business_id`,
    /// `name`, `id` or a key of `attributes` (numbers and booleans as text).
    pub fn group_value(&self, key: &str) -> Option<String> {
        match key {
            "kind" => Some(self.kind.to_string()),
            "region" => self.region().map(str::to_string),
            "business_id" => self.business_id().map(str::to_string),
            "name" => Some(self.name.to_string()),
            "id" => Some(self.id.to_string()),
            _ => self.attributes().get(key).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_details_and_empty_details_are_the_same() {
        let mut a = Actor::new("a", "A", "firm");
        let b = a.clone();
        a.details_mut();
        assert!(a.details.is_some());
        assert_eq!(a, b);
        a.details_mut().region = Some("Lappi".into());
        assert_ne!(a, b);
        let mut e = Engagement::new("p", "P", "project");
        let f = e.clone();
        e.details_mut();
        assert_eq!(e, f);
        e.details_mut().part_of = Some("q".into());
        assert_ne!(e, f);
        assert_eq!(ActorDetails::default().boxed(), None);
        assert_eq!(EngagementDetails::default().boxed(), None);
    }

    #[test]
    fn details_are_written_in_the_canonical_order() {
        let text = r#"{
  "name": "d",
  "actors": [
    {
      "id": "a",
      "name": "A",
      "kind": "firm",
      "business_id": "1234567-8",
      "region": "Lappi",
      "aliases": [
        "A Oy"
      ],
      "attributes": {
        "city": "Kemi"
      }
    },
    {
      "id": "b",
      "name": "B",
      "kind": "other"
    }
  ],
  "engagements": [
    {
      "id": "p",
      "name": "P",
      "kind": "project",
      "start": "2020-01-01",
      "end": "2021-12-31",
      "funding_eur": 1000.5,
      "part_of": "q",
      "participants": [
        {
          "actor": "a",
          "role": "coordinator"
        }
      ],
      "attributes": {
        "programme": "EAKR"
      }
    },
    {
      "id": "q",
      "name": "Q",
      "kind": "project",
      "participants": []
    }
  ]
}
"#;
        let (d, _) = crate::io::json::parse_dataset(text, "d.json").unwrap();
        assert_eq!(d.actors[0].region(), Some("Lappi"));
        assert_eq!(d.actors[0].aliases(), ["A Oy"]);
        assert!(d.actors[1].details.is_none());
        assert_eq!(d.engagements[0].funding_eur(), Some(1000.5));
        assert_eq!(d.engagements[0].part_of(), Some("q"));
        assert!(d.engagements[1].details.is_none());
        assert_eq!(d.to_json(), text);
    }
}

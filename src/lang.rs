//! One translation table for every map, table and report: Finnish, Swedish
//! (Finland's official languages) and English, with their number and date
//! formats.

use crate::error::{Error, Result};
use crate::model::Date;
use std::fmt;
use std::str::FromStr;

/// A language of the output.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Finnish.
    Fi,
    /// Swedish.
    Sv,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fi, Lang::Sv];

    /// The ISO 639-1 code (`en`, `fi`, `sv`), as in HTML's `lang`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The text of `key` in this language, if the table has the key.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        TEXTS
            .iter()
            .chain(crate::lang_report::REPORT_TEXTS)
            .find(|t| t.0 == key)
            .map(|&(_, en, fi, sv)| match self {
                Lang::En => en,
                Lang::Fi => fi,
                Lang::Sv => sv,
            })
    }

    /// The text of `key` in this language (empty for a key the table does
    /// not have; a test checks that every key used exists).
    pub fn text(self, key: &str) -> &'static str {
        self.lookup(key).unwrap_or("")
    }

    /// The human name of an actor kind: translated when it is a known
    /// kind, else the kind with underscores as spaces.
    pub fn kind(self, kind: &str) -> String {
        self.known(&format!("kind.{kind}"), kind)
    }

    /// The human name of an engagement kind.
    pub fn engagement_kind(self, kind: &str) -> String {
        self.known(&format!("engagement.{kind}"), kind)
    }

    /// The human name of a participation role.
    pub fn role(self, role: &str) -> String {
        self.known(&format!("role.{role}"), role)
    }

    fn known(self, key: &str, raw: &str) -> String {
        self.lookup(key)
            .map_or_else(|| raw.replace('_', " "), str::to_string)
    }

    /// `x` with `decimals` decimals: a decimal comma and thin-space
    /// thousands in Finnish and Swedish, a point and commas in English.
    pub fn number(self, x: f64, decimals: usize) -> String {
        if x.is_nan() {
            return "–".into();
        }
        if x.abs() >= 1e300 {
            // A sum that overflowed, or a value no reader can take in.
            let (over, under) = match self {
                Lang::En => ("over", "under"),
                Lang::Fi => ("yli", "alle"),
                Lang::Sv => ("över", "under"),
            };
            return if x > 0.0 {
                format!("{over} 10³⁰⁰")
            } else {
                format!("{under} −10³⁰⁰")
            };
        }
        let mut text = format!("{x:.decimals$}");
        if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
            text.remove(0);
        }
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (text.clone(), None),
        };
        let (sign, digits) = match int.strip_prefix('-') {
            Some(d) => ("-", d.to_string()),
            None => ("", int),
        };
        let separator = match self {
            Lang::En => ",",
            Lang::Fi | Lang::Sv => "\u{2009}",
        };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        let point = if self == Lang::En { "." } else { "," };
        match frac {
            Some(f) => format!("{sign}{grouped}{point}{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    /// An integer with the language's thousands separator.
    pub fn integer(self, n: i64) -> String {
        self.number(n as f64, 0)
    }

    /// A value for people: integers without decimals, other values to 3
    /// significant digits.
    pub fn value(self, x: f64) -> String {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            return self.number(x, 0);
        }
        let magnitude = if x == 0.0 {
            0
        } else {
            x.abs().log10().floor() as i64
        };
        let decimals = (2 - magnitude).clamp(0, 10) as usize;
        self.number(x, decimals)
    }

    /// A date: d.m.yyyy in Finnish and Swedish, yyyy-mm-dd in English.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::En => date.to_string(),
            Lang::Fi | Lang::Sv => format!("{}.{}.{}", date.day(), date.month(), date.year()),
        }
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Lang> {
        crate::named::parse("lang", s)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// (key, English, Finnish, Swedish). `{n}`, `{k}`, `{name}` … are filled
/// in by the caller.
pub const TEXTS: &[(&str, &str, &str, &str)] = &[
    ("kind.municipality", "municipality", "kunta", "kommun"),
    ("kind.joint_municipal_authority", "joint municipal authority", "kuntayhtymä", "samkommun"),
    ("kind.university_of_applied_sciences", "university of applied sciences", "ammattikorkeakoulu", "yrkeshögskola"),
    ("kind.university", "university", "yliopisto", "universitet"),
    ("kind.research_institute", "research institute", "tutkimuslaitos", "forskningsinstitut"),
    ("kind.education_provider", "education provider", "oppilaitos", "utbildningsanordnare"),
    ("kind.firm", "firm", "yritys", "företag"),
    ("kind.development_company", "development company", "kehitysyhtiö", "utvecklingsbolag"),
    ("kind.regional_council", "regional council", "maakuntaliitto", "landskapsförbund"),
    ("kind.authority", "authority", "viranomainen", "myndighet"),
    ("kind.ministry", "ministry", "ministeriö", "ministerium"),
    ("kind.funder", "funder", "rahoittaja", "finansiär"),
    ("kind.cluster", "cluster", "klusteri", "kluster"),
    ("kind.association", "association", "yhdistys", "förening"),
    ("kind.network", "network", "verkosto", "nätverk"),
    ("kind.person", "person", "henkilö", "person"),
    ("kind.other", "other", "muu", "annan"),
    ("engagement.project", "project", "hanke", "projekt"),
    ("engagement.workshop", "workshop", "työpaja", "workshop"),
    ("engagement.event", "event", "tapahtuma", "evenemang"),
    ("engagement.study_trip", "study trip", "opintomatka", "studieresa"),
    ("engagement.network", "network", "verkosto", "nätverk"),
    ("engagement.training", "training", "koulutus", "utbildning"),
    ("role.coordinator", "coordinator", "koordinaattori", "koordinator"),
    ("role.implementer", "co-implementer", "osatoteuttaja", "delgenomförare"),
    ("role.partner", "partner", "kumppani", "partner"),
    ("role.funder", "funder", "rahoittaja", "finansiär"),
    ("role.authority", "responsible authority", "vastuuviranomainen", "ansvarig myndighet"),
    ("role.trainer", "trainer", "kouluttaja", "utbildare"),
    ("role.participant", "participant", "osallistuja", "deltagare"),
    ("role.member", "member", "jäsen", "medlem"),
    ("role.target", "target group", "kohderyhmä", "målgrupp"),
    ("role.unroled", "participants of engagements without roles", "roolittomien hankkeiden osallistujat", "deltagare i engagemang utan roller"),
    ("map.legend", "Legend", "Selite", "Teckenförklaring"),
    ("map.actors_ties", "{n} actors, {m} ties", "{n} toimijaa, {m} yhteyttä", "{n} aktörer, {m} kopplingar"),
    ("map.ego", "{n} actors within {k} steps of {name}", "{n} toimijaa enintään {k} askeleen päässä toimijasta {name}", "{n} aktörer högst {k} steg från {name}"),
    ("map.ego_legend", "the actor in focus", "tarkasteltava toimija", "aktören i fokus"),
    ("map.size", "Circle size: {metric} (largest {max})", "Pallon koko: {metric} (suurin {max})", "Cirkelns storlek: {metric} (störst {max})"),
    ("map.width", "Line width: shared engagements (heaviest {max})", "Viivan paksuus: yhteiset hankkeet ja tapahtumat (suurin {max})", "Linjens bredd: gemensamma projekt och evenemang (störst {max})"),
    ("map.two_mode", "Circles: actors; squares: projects and events. Thick line: coordinator; dashed: target group.", "Pallot: toimijat; neliöt: hankkeet ja tapahtumat. Paksu viiva: koordinaattori; katkoviiva: kohderyhmä.", "Cirklar: aktörer; kvadrater: projekt och evenemang. Tjock linje: koordinator; streckad: målgrupp."),
    ("map.other_groups", "other groups", "muut ryhmät", "övriga grupper"),
    ("map.community", "community {n}", "yhteisö {n}", "gemenskap {n}"),
    ("map.engagements", "engagements {from} – {to}", "hankkeet ja tapahtumat {from} – {to}", "projekt och evenemang {from} – {to}"),
    ("map.isolated", "{n} actors without ties", "{n} toimijaa ilman yhteyksiä", "{n} aktörer utan kopplingar"),
    ("map.repeated", "The map shows repeated collaboration: ties of at least {k} shared engagements and the {shown} of {all} actors they join; {hidden} actors without such a tie are hidden.", "Kartta näyttää toistuvan yhteistyön: yhteydet, joissa on vähintään {k} yhteistä hanketta, ja niiden yhdistämät {shown}/{all} toimijaa; {hidden} toimijaa ilman tällaista yhteyttä on jätetty pois.", "Kartan visar återkommande samarbete: kopplingar med minst {k} gemensamma projekt och de {shown} av {all} aktörer de förenar; {hidden} aktörer utan en sådan koppling är dolda."),
    ("map.backbone_shown", "The map shows the {shown} actors with a significant tie; {hidden} actors without one are hidden.", "Kartta näyttää {shown} toimijaa, joilla on merkitsevä yhteys; {hidden} toimijaa ilman sellaista on jätetty pois.", "Kartan visar de {shown} aktörer som har en signifikant koppling; {hidden} aktörer utan en sådan är dolda."),
    ("map.collaboration_core", "The map shows the core of the collaboration in projects of fewer than {hub} partners: {shown} of {all} actors from its {k}-core (each with at least {k} ties from such projects), grown outwards from its best-connected actor; {hidden} actors are hidden, and ties that only larger projects make do not count.", "Kartta näyttää alle {hub} kumppanin hankkeiden yhteistyön ytimen: {shown}/{all} toimijaa sen {k}-ytimestä (kullakin vähintään {k} tällaisten hankkeiden yhteyttä) sen parhaiten verkottuneesta toimijasta alkaen; {hidden} toimijaa on jätetty pois, eivätkä pelkästään suurempien hankkeiden yhteydet laske.", "Kartan visar kärnan av samarbetet i projekt med färre än {hub} partner: {shown} av {all} aktörer ur dess {k}-kärna (var och en med minst {k} kopplingar från sådana projekt), utvidgad från dess bäst förbundna aktör; {hidden} aktörer är dolda, och kopplingar som bara större projekt ger räknas inte."),
    ("map.named", "{named} of {all} actors are named; the others' names are in their tooltips.", "{named}/{all} toimijaa on nimetty; muiden nimet näkyvät osoitettaessa.", "{named} av {all} aktörer är namngivna; de övrigas namn visas när man pekar på dem."),
    ("map.group_tooltip", "{name}: actors {n}, ties inside {ties} (density {d})", "{name}: toimijoita {n}, yhteyksiä sisällä {ties} (tiheys {d})", "{name}: aktörer {n}, kopplingar inom {ties} (täthet {d})"),
    ("map.group_tie", "ties {ties}, density {d}", "yhteyksiä {ties}, tiheys {d}", "kopplingar {ties}, täthet {d}"),
    ("map.aggregate_caption", "The network by {group}: {k} groups of {n} actors with {m} ties", "Verkosto ryhmittäin ({group}): {k} ryhmää, {n} toimijaa, {m} yhteyttä", "Nätverket per grupp ({group}): {k} grupper med {n} aktörer och {m} kopplingar"),
    ("map.aggregate_size", "Circle size: actors in the group", "Ympyrän koko: ryhmän toimijat", "Cirkelns storlek: aktörer i gruppen"),
    ("map.aggregate_width", "Line width and text: ties between the groups and their density (ties present / possible)", "Viivan leveys ja teksti: ryhmien väliset yhteydet ja niiden tiheys (olemassa olevat / mahdolliset)", "Linjens bredd och text: kopplingar mellan grupperna och deras täthet (befintliga / möjliga)"),
    ("map.aggregate_strongest", "The {n} pairs of groups with most ties are drawn, of {all}; the 15 strongest carry their numbers.", "Piirretty {n}/{all} ryhmäparia, joilla on eniten yhteyksiä; 15 vahvimmassa näkyvät luvut.", "De {n} grupparen med flest kopplingar är ritade, av {all}; de 15 starkaste har sina siffror."),
    ("map.top", "The map shows the {shown} of {all} actors highest by {metric} and the ties among them; {hidden} actors are hidden.", "Kartta näyttää {all} toimijasta ne {shown}, joilla on suurin arvo ({metric}), ja niiden väliset yhteydet; {hidden} toimijaa on jätetty pois.", "Kartan visar de {shown} av {all} aktörer som har det högsta värdet ({metric}) och kopplingarna mellan dem; {hidden} aktörer är dolda."),
    ("map.hubs", "Projects of at least {hub} participants ({n} here) are each drawn as one square with a line to each member shown, instead of a tie between every two members.", "Vähintään {hub} osallistujan hankkeet ({n} kpl) on piirretty kukin yhtenä neliönä, josta on viiva jokaiseen näytettyyn jäseneen, eikä jäsenten välisiä yhteyksiä piirretä.", "Projekt med minst {hub} deltagare ({n} st.) ritas var och ett som en kvadrat med en linje till varje visad medlem, i stället för en koppling mellan varje två medlemmar."),
    ("map.geo_hidden", "{n} actors with no Finnish municipality or region are not on this map.", "Kartalla ei ole {n} toimijaa, joilla ei ole suomalaista kuntaa tai maakuntaa.", "{n} aktörer utan finländsk kommun eller landskap finns inte på kartan."),
    ("map.geo", "Actors are placed at their municipality's centre, else their region's (GeoNames, CC BY 4.0).", "Toimijat on sijoitettu kuntansa keskukseen, muuten maakuntansa keskelle (GeoNames, CC BY 4.0).", "Aktörerna är placerade i sin kommuns centrum, annars i sitt landskaps mitt (GeoNames, CC BY 4.0)."),
    ("map.thinned", "The map shows the {k}-core: {shown} of {all} actors; {hidden} actors with fewer than {k} ties inside it are hidden.", "Kartta näyttää {k}-ytimen: {shown}/{all} toimijaa; {hidden} toimijaa, joilla on alle {k} yhteyttä ytimen sisällä, on jätetty pois.", "Kartan visar {k}-kärnan: {shown} av {all} aktörer; {hidden} aktörer med färre än {k} kopplingar inom den är dolda."),
    ("metric.degree", "partners", "kumppaneita", "partner"),
    ("metric.strength", "collaboration", "yhteistyö", "samarbete"),
    ("metric.betweenness", "betweenness", "välittäjyys", "mellanhandsposition"),
    ("metric.closeness", "closeness", "läheisyys", "närhet"),
    ("metric.harmonic", "harmonic closeness", "harmoninen läheisyys", "harmonisk närhet"),
    ("metric.eigenvector", "eigenvector centrality", "ominaisvektorikeskeisyys", "egenvektorcentralitet"),
    ("metric.pagerank", "PageRank", "PageRank", "PageRank"),
    ("metric.katz", "Katz centrality", "Katz-keskeisyys", "Katz-centralitet"),
    ("metric.reach", "reach", "tavoittavuus", "räckvidd"),
    ("group.kind", "kind", "toimijatyyppi", "aktörstyp"),
    ("group.region", "region", "maakunta", "landskap"),
    ("group.community", "community", "yhteisö", "gemenskap"),
    ("group.country", "country", "maa", "land"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_every_language() {
        let mut keys = std::collections::BTreeSet::new();
        for &(key, en, fi, sv) in TEXTS.iter().chain(crate::lang_report::REPORT_TEXTS) {
            assert!(keys.insert(key), "{key} twice");
            for (lang, text) in [("en", en), ("fi", fi), ("sv", sv)] {
                assert!(!text.trim().is_empty(), "{key} has no {lang} text");
            }
            // Placeholders agree across languages.
            let holes = |t: &str| -> Vec<String> {
                let mut h: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|x| x.0.to_string()))
                    .collect();
                h.sort();
                h.dedup();
                h
            };
            assert_eq!(holes(en), holes(fi), "{key}");
            assert_eq!(holes(en), holes(sv), "{key}");
        }
        for kind in crate::model::KNOWN_ACTOR_KINDS {
            assert!(
                keys.contains(format!("kind.{kind}").as_str()),
                "kind {kind}"
            );
        }
        for kind in crate::model::KNOWN_ENGAGEMENT_KINDS {
            assert!(
                keys.contains(format!("engagement.{kind}").as_str()),
                "engagement kind {kind}"
            );
        }
        for role in crate::model::KNOWN_ROLES {
            assert!(
                keys.contains(format!("role.{role}").as_str()),
                "role {role}"
            );
        }
    }

    #[test]
    fn numbers_and_dates_in_each_language() {
        assert_eq!(
            Lang::Fi.number(1234567.891, 2),
            "1\u{2009}234\u{2009}567,89"
        );
        assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Lang::Sv.number(-0.5, 2), "-0,50");
        assert_eq!(Lang::Fi.value(15.0), "15");
        assert_eq!(Lang::Fi.value(0.03305), "0,0331");
        assert_eq!(Lang::En.value(1.532), "1.53");
        let d: Date = "2021-09-01".parse().unwrap();
        assert_eq!(Lang::Fi.date(d), "1.9.2021");
        assert_eq!(Lang::En.date(d), "2021-09-01");
        assert_eq!(
            Lang::Fi.kind("university_of_applied_sciences"),
            "ammattikorkeakoulu"
        );
        assert_eq!(Lang::En.kind("sports_club"), "sports club");
    }
}

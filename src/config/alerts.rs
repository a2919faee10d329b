//! The `alerts:` section of `site.yaml` and the CAP 1.2 values that a notice's `alert:` front
//! matter shares with it: what alerting systems and aggregators (Google Public Alerts and the
//! like) need besides the text — a category, the response asked of people, severity,
//! certainty, the audience and the area, as a polygon and/or standard geocodes.
//!
//! The enumerations are CAP 1.2's, spelt as CAP spells them (`Health`, `AllClear`), without its
//! `Unknown`: aggregators drop alerts that say they do not know.

use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use super::Localized;

/// CAP `category`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Hash)]
pub enum Category {
    Geo,
    Met,
    Safety,
    Security,
    Rescue,
    Fire,
    Health,
    Env,
    Transport,
    Infra,
    #[serde(rename = "CBRNE")]
    Cbrne,
    Other,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Geo => "Geo",
            Category::Met => "Met",
            Category::Safety => "Safety",
            Category::Security => "Security",
            Category::Rescue => "Rescue",
            Category::Fire => "Fire",
            Category::Health => "Health",
            Category::Env => "Env",
            Category::Transport => "Transport",
            Category::Infra => "Infra",
            Category::Cbrne => "CBRNE",
            Category::Other => "Other",
        }
    }
}

/// CAP `responseType`: what people are asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Hash)]
pub enum Response {
    Shelter,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None,
}

impl Response {
    pub fn as_str(self) -> &'static str {
        match self {
            Response::Shelter => "Shelter",
            Response::Evacuate => "Evacuate",
            Response::Prepare => "Prepare",
            Response::Execute => "Execute",
            Response::Avoid => "Avoid",
            Response::Monitor => "Monitor",
            Response::Assess => "Assess",
            Response::AllClear => "AllClear",
            Response::None => "None",
        }
    }
}

/// CAP `severity`, without `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Hash)]
pub enum Severity {
    Extreme,
    Severe,
    Moderate,
    Minor,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Extreme => "Extreme",
            Severity::Severe => "Severe",
            Severity::Moderate => "Moderate",
            Severity::Minor => "Minor",
        }
    }
}

/// CAP `certainty`, without `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Hash)]
pub enum Certainty {
    Observed,
    Likely,
    Possible,
    Unlikely,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Observed => "Observed",
            Certainty::Likely => "Likely",
            Certainty::Possible => "Possible",
            Certainty::Unlikely => "Unlikely",
        }
    }
}

/// A CAP geocode: a code of the area in a named scheme (`{ name: SE-kommunkod, value: "1234" }`
/// becomes `<geocode><valueName>SE-kommunkod</valueName><value>1234</value></geocode>`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Geocode {
    pub name: Spanned<String>,
    pub value: Spanned<String>,
}

/// A point of a polygon, `[latitude, longitude]` in WGS 84 degrees.
pub type Point = Spanned<[f64; 2]>;

/// `alerts.area`: the area every alert concerns unless its notice names its own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Area {
    /// The area in words, per language (`areaDesc`; default: the organisation's name).
    pub description: Localized,
    /// A closed ring: at least four points, the last the same as the first.
    pub polygon: Vec<Point>,
    pub geocodes: Vec<Geocode>,
}

/// `alerts.defaults`: what a notice's `alert:` leaves out. Left out here too, `category` is
/// `Other`, and the rest follows the notice's level (see [`LevelDefaults`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Defaults {
    pub category: Option<Category>,
    pub response: Option<Response>,
    pub severity: Option<Severity>,
    pub certainty: Option<Certainty>,
    /// The kind of event, per language (`event`): better given by each notice.
    pub event: Localized,
    /// Who the alert is for, per language (`audience`).
    pub audience: Localized,
}

/// Settings for CAP 1.2 alerts made from crisis (and optionally important) notices.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertSettings {
    /// The CAP `sender`: a unique id of the organisation, e.g. `kommun@ekvik.example`
    /// (default: the organisation's email, else the host of `base_url`).
    pub sender: Option<String>,
    /// Also make alerts of `important` notices, not only of `crisis` ones.
    pub include_important: bool,
    pub defaults: Defaults,
    pub area: Area,
}

/// What an alert says when neither its notice nor `alerts.defaults` does, by the notice's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelDefaults {
    pub urgency: &'static str,
    pub severity: Severity,
    pub certainty: Certainty,
    pub response: Response,
}

/// A crisis: act now (`Immediate`, `Severe`, `Observed`, `Prepare`: do what the instruction
/// says).
pub const CRISIS: LevelDefaults = LevelDefaults {
    urgency: "Immediate",
    severity: Severity::Severe,
    certainty: Certainty::Observed,
    response: Response::Prepare,
};

/// An important notice: be aware (`Expected`, `Moderate`, `Likely`, `Monitor`: follow the
/// notice).
pub const IMPORTANT: LevelDefaults = LevelDefaults {
    urgency: "Expected",
    severity: Severity::Moderate,
    certainty: Certainty::Likely,
    response: Response::Monitor,
};

/// A problem with a polygon or geocode: where, what, and a hint.
pub type Problem = (Location, String, &'static str);

/// A polygon (none is fine) is a closed ring of at least four valid points. Problems of the
/// whole are placed at its first point.
pub fn check_polygon(polygon: &[Point]) -> Vec<Problem> {
    let mut problems = Vec::new();
    const CLOSED: &str = "a polygon is a closed ring: at least four points `[latitude, longitude]`, the last the same as the first";
    for p in polygon {
        let [lat, lon] = p.value;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            problems.push((
                p.referenced,
                format!("[{lat}, {lon}] is not a point on Earth"),
                "write each point as `[latitude, longitude]` in degrees (WGS 84), latitude first, e.g. [55.61, 12.98]",
            ));
        }
    }
    match (polygon.first(), polygon.last()) {
        (Some(first), _) if polygon.len() < 4 => problems.push((
            first.referenced,
            format!("the polygon has {} points", polygon.len()),
            CLOSED,
        )),
        (Some(first), Some(last)) if first.value != last.value => problems.push((
            last.referenced,
            "the polygon is not closed: its last point is not its first".into(),
            CLOSED,
        )),
        _ => {}
    }
    problems
}

/// Each geocode names its scheme and gives a value.
pub fn check_geocodes(geocodes: &[Geocode]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for g in geocodes {
        for (field, v) in [("name", &g.name), ("value", &g.value)] {
            if v.value.trim().is_empty() {
                problems.push((
                    v.referenced,
                    format!("the geocode's {field} is empty"),
                    "a geocode is `{ name: <scheme>, value: <code> }`, e.g. `{ name: SE-kommunkod, value: \"1234\" }`",
                ));
            }
        }
    }
    problems
}

/// A coordinate as CAP writes it: at most six decimals (about 0.1 m), no trailing zeros.
pub fn coordinate(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// A polygon as CAP writes it: `lat,lon` pairs separated by spaces.
pub fn polygon_text(polygon: &[Point]) -> String {
    polygon
        .iter()
        .map(|p| format!("{},{}", coordinate(p.value[0]), coordinate(p.value[1])))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(yaml: &str) -> Area {
        serde_saphyr::from_str(yaml).unwrap()
    }

    #[test]
    fn coordinates_have_at_most_six_decimals() {
        assert_eq!(coordinate(55.6), "55.6");
        assert_eq!(coordinate(12.123_456_789), "12.123457");
        assert_eq!(coordinate(13.0), "13");
        assert_eq!(coordinate(-0.000_000_1), "0");
    }

    #[test]
    fn polygons_are_closed_rings_of_points_on_earth() {
        let ring = "polygon:\n  - [55.6, 12.9]\n  - [55.7, 12.9]\n  - [55.7, 13.0]\n";
        let closed = area(&format!("{ring}  - [55.6, 12.9]\n"));
        assert!(check_polygon(&closed.polygon).is_empty());
        assert_eq!(
            polygon_text(&closed.polygon),
            "55.6,12.9 55.7,12.9 55.7,13 55.6,12.9"
        );
        let short = area(ring);
        assert!(check_polygon(&short.polygon)[0].1.contains("3 points"));
        let open = area(&format!("{ring}  - [55.5, 12.9]\n"));
        let p = check_polygon(&open.polygon);
        assert_eq!(p.len(), 1);
        assert!(p[0].1.contains("not closed"));
        assert_eq!(p[0].0.line(), 5);
        let swapped = area(&format!("{ring}  - [12.9, 255.6]\n  - [55.6, 12.9]\n"));
        let p = check_polygon(&swapped.polygon);
        assert!(p[0].1.contains("not a point on Earth"), "{p:?}");
        assert_eq!(p[0].0.line(), 5);
    }

    #[test]
    fn geocodes_need_a_name_and_a_value() {
        let a = area("geocodes:\n  - { name: SE-kommunkod, value: \"\" }\n");
        let p = check_geocodes(&a.geocodes);
        assert_eq!(p.len(), 1);
        assert!(p[0].1.contains("value is empty"));
    }
}

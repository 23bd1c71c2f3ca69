//! Version ranges with npm's semantics: OSV `SEMVER` and `ECOSYSTEM` ranges (the same rules for
//! npm), evaluated the way the OSV schema specifies: sort the events by version, walk them, and
//! let `introduced` switch "affected" on and `fixed` / `last_affected` switch it off. Versions
//! are parsed and ordered by `nodejs-semver`, so prereleases order as node-semver orders them
//! (`1.0.0-beta < 1.0.0`) and build metadata is ignored.

use nodejs_semver::Version;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One range event, normalised from OSV's `{ "introduced": "1.0.0" }` objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Introduced(String),
    Fixed(String),
    LastAffected(String),
    Limit(String),
}

impl Event {
    pub fn version(&self) -> &str {
        match self {
            Self::Introduced(v) | Self::Fixed(v) | Self::LastAffected(v) | Self::Limit(v) => v,
        }
    }

    /// The order of events at the same version: an `introduced` comes first, so
    /// `introduced X, last_affected X` affects exactly X and `introduced X, fixed X` nothing.
    fn rank(&self) -> u8 {
        match self {
            Self::Introduced(_) => 0,
            Self::LastAffected(_) => 1,
            Self::Fixed(_) => 2,
            Self::Limit(_) => 3,
        }
    }
}

/// A position on the version line: OSV's `"0"` sits below every version (prereleases of 0.0.0
/// included), `"*"` (a `limit`) above every version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Point {
    Zero,
    At(Version),
    Infinity,
}

/// Parses a version the way npm publishes them. Tolerates a leading `v` or `=` and pads a
/// version with one or two numeric parts (`"1.0"` in a GitHub advisory means 1.0.0).
pub fn parse_version(text: &str) -> Option<Version> {
    let t = text.trim();
    let t = t
        .strip_prefix('v')
        .or_else(|| t.strip_prefix('='))
        .unwrap_or(t);
    if let Ok(v) = Version::parse(t) {
        return Some(v);
    }
    let split = t.find(['-', '+']).unwrap_or(t.len());
    let (core, rest) = t.split_at(split);
    let parts = core.split('.').count();
    if core.is_empty()
        || parts > 2
        || !core
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let padded = if parts == 1 {
        format!("{core}.0.0{rest}")
    } else {
        format!("{core}.0{rest}")
    };
    Version::parse(padded).ok()
}

/// Parses an event's version into a [`Point`].
pub fn parse_point(event: &Event) -> Option<Point> {
    let v = event.version().trim();
    match event {
        Event::Introduced(_) if v == "0" => Some(Point::Zero),
        Event::Limit(_) if v == "*" => Some(Point::Infinity),
        _ => parse_version(v).map(Point::At),
    }
}

/// A range whose event versions all parse, sorted, ready to evaluate many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedRange {
    events: Vec<(Point, Event)>,
}

impl SortedRange {
    /// Parses and sorts the events. Returns the first version that does not parse.
    pub fn new(events: &[Event]) -> Result<Self, String> {
        let mut parsed = Vec::with_capacity(events.len());
        for e in events {
            let Some(p) = parse_point(e) else {
                return Err(e.version().to_string());
            };
            parsed.push((p, e.clone()));
        }
        parsed.sort_by(|a, b| match a.0.cmp(&b.0) {
            Ordering::Equal => a.1.rank().cmp(&b.1.rank()),
            o => o,
        });
        Ok(Self { events: parsed })
    }

    /// True when the range affects `v`.
    pub fn affects(&self, v: &Version) -> bool {
        let at = Point::At(v.clone());
        let mut affected = false;
        let mut limited = false;
        let mut below_a_limit = false;
        for (p, e) in &self.events {
            match e {
                Event::Introduced(_) if at >= *p => affected = true,
                Event::Fixed(_) if at >= *p => affected = false,
                Event::LastAffected(_) if at > *p => affected = false,
                Event::Limit(_) => {
                    limited = true;
                    below_a_limit |= at < *p;
                }
                _ => {}
            }
        }
        affected && (!limited || below_a_limit)
    }

    /// True when the range has no upper bound and starts at `0`: every version.
    pub fn is_open_from_zero(&self) -> bool {
        let mut introduced_zero = false;
        for (p, e) in &self.events {
            match e {
                Event::Introduced(_) if *p == Point::Zero => introduced_zero = true,
                Event::Introduced(_) => {}
                _ => return false,
            }
        }
        introduced_zero
    }

    /// True when the range ends somewhere: it has a `fixed`, `last_affected` or `limit` event.
    pub fn has_upper_bound(&self) -> bool {
        self.events
            .iter()
            .any(|(_, e)| !matches!(e, Event::Introduced(_)))
    }

    /// The `fixed` versions of this range, in order.
    pub fn fixed(&self) -> impl Iterator<Item = &Version> {
        self.events.iter().filter_map(|(p, e)| match (p, e) {
            (Point::At(v), Event::Fixed(_)) => Some(v),
            _ => None,
        })
    }
}

/// True when `listed` (an entry of an OSV `versions` list) names `v`: equal by semver precedence
/// (build metadata ignored, as npm ignores it), or, for strings that do not parse, equal as text.
pub fn version_listed(listed: &str, v: &Version, raw: &str) -> bool {
    match parse_version(listed) {
        Some(l) => l == *v,
        None => listed.trim() == raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(spec: &[(&str, &str)]) -> Vec<Event> {
        spec.iter()
            .map(|(k, v)| match *k {
                "i" => Event::Introduced((*v).into()),
                "f" => Event::Fixed((*v).into()),
                "l" => Event::LastAffected((*v).into()),
                _ => Event::Limit((*v).into()),
            })
            .collect()
    }

    fn check(events: &[(&str, &str)], yes: &[&str], no: &[&str]) {
        let r = SortedRange::new(&ev(events)).expect("table events parse");
        for v in yes {
            let p = parse_version(v).expect("table version parses");
            assert!(r.affects(&p), "{events:?} should affect {v}");
        }
        for v in no {
            let p = parse_version(v).expect("table version parses");
            assert!(!r.affects(&p), "{events:?} should not affect {v}");
        }
    }

    #[test]
    fn introduced_zero_is_every_version_including_prereleases() {
        check(
            &[("i", "0")],
            &["0.0.0-0", "0.0.1", "4.1.0", "99.0.0-beta.1"],
            &[],
        );
    }

    #[test]
    fn introduced_zero_fixed() {
        check(
            &[("i", "0"), ("f", "4.17.20")],
            &["0.1.0", "4.17.19", "4.17.20-rc.1"],
            &["4.17.20", "4.17.21", "5.0.0"],
        );
    }

    #[test]
    fn last_affected_is_inclusive() {
        check(
            &[("i", "4.1.1"), ("l", "4.1.2")],
            &["4.1.1", "4.1.2"],
            &["4.1.0", "4.1.3", "4.1.3-0", "4.1.1-beta"],
        );
    }

    #[test]
    fn fixed_is_exclusive() {
        check(
            &[("i", "1.0.0"), ("f", "1.2.6")],
            &["1.0.0", "1.2.5", "1.2.6-alpha"],
            &["0.9.9", "1.2.6", "1.2.7"],
        );
    }

    #[test]
    fn fixed_before_introduced_in_one_range_leaves_an_open_tail() {
        // Sorted, `fixed 1.5.0` switches nothing off (nothing was on), `introduced 2.0.0` opens.
        check(
            &[("i", "2.0.0"), ("f", "1.5.0")],
            &["2.0.0", "9.0.0"],
            &["1.0.0", "1.6.0"],
        );
    }

    #[test]
    fn out_of_order_events_hold_several_intervals() {
        // ngx-bootstrap's record: two intervals written newest first.
        let e = [
            ("i", "20.0.3"),
            ("l", "20.0.6"),
            ("i", "19.0.3"),
            ("l", "19.0.4"),
        ];
        check(
            &e,
            &["19.0.3", "19.0.4", "20.0.3", "20.0.6"],
            &["19.0.2", "19.0.5", "20.0.0", "20.0.7", "18.1.4"],
        );
    }

    #[test]
    fn limit_caps_the_range() {
        check(
            &[("i", "0"), ("m", "2.0.0")],
            &["1.9.9"],
            &["2.0.0", "3.0.0"],
        );
        check(
            &[("i", "1.0.0"), ("m", "*")],
            &["1.0.0", "50.0.0"],
            &["0.1.0"],
        );
    }

    #[test]
    fn prereleases_order_as_node_semver() {
        check(
            &[("i", "5.0.0-alpha.1"), ("f", "5.0.0-beta.3")],
            &["5.0.0-alpha.1", "5.0.0-alpha.10", "5.0.0-beta.2"],
            &["5.0.0-alpha.0", "5.0.0-beta.3", "5.0.0", "4.99.0"],
        );
        // numeric identifiers sort below alphanumeric ones, and numerically among themselves
        check(
            &[("i", "1.0.0-2"), ("f", "1.0.0-alpha")],
            &["1.0.0-10", "1.0.0-2"],
            &["1.0.0-1", "1.0.0-alpha"],
        );
    }

    #[test]
    fn build_metadata_is_ignored() {
        check(
            &[("i", "1.0.0"), ("f", "1.0.1+build.5")],
            &["1.0.0+other", "1.0.0"],
            &["1.0.1", "1.0.1+build.1"],
        );
        let v = parse_version("2.0.0+sha.abc").expect("parses");
        assert!(version_listed("2.0.0", &v, "2.0.0+sha.abc"));
        assert!(version_listed("2.0.0+other", &v, "2.0.0+sha.abc"));
        assert!(!version_listed("2.0.1", &v, "2.0.0+sha.abc"));
    }

    #[test]
    fn short_versions_are_padded() {
        assert_eq!(parse_version("1.0"), parse_version("1.0.0"));
        assert_eq!(parse_version("2"), parse_version("2.0.0"));
        assert_eq!(parse_version("v1.2.3"), parse_version("1.2.3"));
        assert!(parse_version("latest").is_none());
        assert!(parse_version("1.x").is_none());
        assert!(SortedRange::new(&ev(&[("i", "not-a-version")])).is_err());
    }

    #[test]
    fn open_from_zero_is_recognised() {
        assert!(
            SortedRange::new(&ev(&[("i", "0")]))
                .expect("parses")
                .is_open_from_zero()
        );
        assert!(
            !SortedRange::new(&ev(&[("i", "0"), ("f", "1.0.0")]))
                .expect("parses")
                .is_open_from_zero()
        );
        assert!(
            !SortedRange::new(&ev(&[("i", "1.0.0")]))
                .expect("parses")
                .is_open_from_zero()
        );
    }
}

//! OSV advisories for npm: the record model ([`osv`]), the normalised advisory warden keeps
//! ([`advisory`]), exact version-range matching with npm's semantics ([`range`], [`matching`]),
//! severity from CVSS vectors ([`severity`]), and the local database ([`store`]) that imports
//! OSV data ([`import`]).
//!
//! Matching is pure: [`matching::match_advisories`] takes advisories and an inventory and
//! returns matches. The store is the only IO here, and only on the database file it is given.

pub mod advisory;
pub mod error;
pub mod import;
pub mod matching;
pub mod osv;
pub mod range;
pub mod severity;
pub mod store;
pub mod timestamp;

pub use advisory::{Advisory, AffectedPackage, Kind};
pub use error::{BadRecord, Error};
pub use matching::{Confidence, Match, match_advisories, matches_for};
pub use severity::Severity;
pub use store::{AdvisorySource, ImportReport, MemorySource, Status, Store};

//! The npm registry client and its cache: `.npmrc` configuration as npm reads it, packuments,
//! tarballs verified by integrity, a content-addressed cache that works offline, and the
//! registry's ECDSA signatures. This crate does IO; what it returns is plain data for the pure
//! crates (the gate, the scanner) to judge.

pub mod attestations;
pub mod cache;
pub mod client;
pub mod config;
pub mod error;
pub mod memory;
pub mod packument;
pub mod prefetch;
pub mod provenance;
pub mod registry;
pub mod secret;
pub mod signatures;
pub mod tarball;
pub mod trust;

pub use cache::Cache;
pub use client::{Client, ClientOptions, DocKind};
pub use config::{ConfigInputs, NpmConfig, NpmProbe, SystemNpm};
pub use error::{Error, Result};
pub use memory::MemoryRegistry;
pub use packument::{Dist, DistSignature, Packument, Version};
pub use provenance::{Outcome as ProvenanceOutcome, ProvenanceVerifier};
pub use registry::{BlockingClient, Registry};
pub use secret::Secret;
pub use signatures::{SignatureStatus, verify as verify_signature};
pub use tarball::Tarball;
pub use trust::{KeySet, TrustedKey};

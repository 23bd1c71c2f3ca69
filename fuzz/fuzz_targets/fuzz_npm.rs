//! Feeds arbitrary bytes to warden_lockfile::parse as `package-lock.json` (see src/lib.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| warden_fuzz::parse_as("package-lock.json", data));

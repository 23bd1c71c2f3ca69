//! Obfuscation rules: obfuscator signatures, encoded payloads, entropy, minification, parse
//! failures.

pub mod encoded_payload;
pub mod high_entropy_string;
pub mod minified_source;
pub mod obfuscated_code;
pub mod unparseable_code;

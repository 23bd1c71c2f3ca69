//! Other rules: native binaries, destruction, protestware targeting, code hidden in data files.

pub mod crypto_miner;
pub mod destructive_fs;
pub mod endless_loop;
pub mod geo_or_locale_targeting;
pub mod hidden_code_in_non_js;
pub mod native_binary;
pub mod persistence;

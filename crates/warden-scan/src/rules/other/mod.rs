//! Other rules: native binaries, destruction, protestware targeting, code hidden in data files.

pub mod agent_prompt_injection;
pub mod crypto_miner;
pub mod destructive_fs;
pub mod endless_loop;
pub mod geo_or_locale_targeting;
pub mod git_config_tamper;
pub mod hidden_code_in_non_js;
pub mod native_binary;
pub mod persistence;
pub mod remote_wipe;
pub mod tamper_installed_package;
pub mod time_bomb;
pub mod user_folder_drop;

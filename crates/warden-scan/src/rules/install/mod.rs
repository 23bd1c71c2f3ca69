//! Install-time rules: lifecycle scripts and what they run.

pub mod install_script;
pub mod install_script_hidden_file;
pub mod install_script_network;
pub mod remote_url_dependency;

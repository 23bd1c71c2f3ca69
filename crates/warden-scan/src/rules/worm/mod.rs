//! Worm rules: republishing packages, writing CI workflows, abusing GitHub with stolen tokens.

pub mod github_repo_abuse;
pub mod github_workflow_write;
pub mod npm_publish;

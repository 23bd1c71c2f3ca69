//! Rules over registry metadata: the facts that betray a hijack before anyone reads the code.

pub mod metadata;

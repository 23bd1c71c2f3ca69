//! Cryptocurrency theft rules: wallet hooks, address lists, address swapping, clipboard clippers.

pub mod address_swap;
pub mod clipboard_hijack;
pub mod crypto_address_list;
pub mod wallet_drain;
pub mod wallet_hook;

/// Patterns of quoted address literals per chain, used by several rules.
pub const ADDRESS_PATTERNS: &[(&str, &str)] = &[
    ("ETH", r#"['"`]0x[a-fA-F0-9]{40}['"`]"#),
    (
        "BTC",
        r#"['"`](?:[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[ac-hj-np-z02-9]{25,62})['"`]"#,
    ),
    ("TRX", r#"['"`]T[1-9A-HJ-NP-Za-km-z]{33}['"`]"#),
    (
        "LTC",
        r#"['"`](?:[LM][a-km-zA-HJ-NP-Z1-9]{26,33}|ltc1[ac-hj-np-z02-9]{25,62})['"`]"#,
    ),
    ("BCH", r#"['"`](?:bitcoincash:)?q[pr][a-z0-9]{40}['"`]"#),
    ("XMR", r#"['"`]4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}['"`]"#),
    ("SOL", r#"['"`][1-9A-HJ-NP-Za-km-z]{43,44}['"`]"#),
];

/// [`ADDRESS_PATTERNS`] compiled once, each with its chain's label.
pub fn address_res() -> &'static [(&'static str, crate::rules::gate::Re)] {
    static RES: std::sync::LazyLock<Vec<(&str, crate::rules::gate::Re)>> =
        std::sync::LazyLock::new(|| {
            ADDRESS_PATTERNS
                .iter()
                .map(|(l, p)| (*l, crate::rules::compile(p)))
                .collect()
        });
    &RES
}

/// Address-format regular expressions in source (how clippers and drainers recognise victims'
/// addresses).
pub fn address_regex_count(text: &str) -> usize {
    let re = crate::regex!(
        r"0x\[a-fA-F0-9\]\{40\}|0x\[0-9a-fA-F\]\{40\}|\[13\]\[a-km-zA-HJ-NP-Z1-9\]|bc1\[|T\[1-9A-HJ-NP-Za-km-z\]|\[LM3?\]\[a-km-zA-HJ-NP-Z1-9\]|\[1-9A-HJ-NP-Za-km-z\]\{3[2-9]|4\[0-9AB\]|\(bitcoincash:\)\?|ltc1\[|q\[pr\]"
    );
    re.find_iter(text).count()
}

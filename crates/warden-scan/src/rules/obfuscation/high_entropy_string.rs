//! Rule `high-entropy-string`.

use crate::decode::entropy;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A long string literal (200+ characters, no spaces) with near-random character entropy: an
    /// encrypted or compressed payload, or a key. Informational; it matters with `eval-dynamic`.
    id: "high-entropy-string",
    category: Obfuscation,
    severity: Low,
    capability: None,
    title: "long high-entropy string",
    incident: "flatmap-stream (2018) hid its AES-encrypted payload in a long string",
    case_file: "index.js",
    flag: ["const d = 'q8Zp2L0vXn7Kc4Rw1Tj9Ys3Ue6Ib5Oa8Hm0Gd2Fk7Jl4Vz1Nx6Cs9Bq3Pw5Rt8Ey2Ui0Oo7Pa4Sd1Fg6Hj9Kl3Zx5Cv8Bn2Mq0We7Rt4Yu1Ii6Oo9Pp3Aa5Ss8Dd2Ff0Gg7Hh4Jj1Kk6Ll9Zz3Xx5Cc8Vv2Bb0Nn7Mm4Qq1Ww6Ee9Rr3Tt5Yy8Uu2Ii0Oo7Pp4AaXk2Jd9Lq4Mz8Nw1Ox5Py7Qv3Rt6Su0Tr2Uq9Vp4Wo8Xn1Ym5Zl7'"],
    pass: ["const msg = 'hello world, this is an ordinary message with spaces and words in it that goes on for a while to be long enough to matter for the rule but it has spaces so it never counts as an encoded blob of any kind at all, really'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let re = crate::regex!(r#"['"`]([A-Za-z0-9+/=_\-]{200,})['"`]"#);
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.minified {
            continue;
        }
        for c in re.captures_iter(&f.text).take(50) {
            let Some(m) = c.get(1) else { continue };
            let s = &m.as_str()[..m.as_str().len().min(4096)];
            if entropy(s) >= 5.0 {
                out.hit(
                    pkg,
                    f,
                    m.start() as u32,
                    format!(
                        "a {}-character string with {:.1} bits of entropy per character",
                        m.as_str().len(),
                        entropy(s)
                    ),
                );
                break;
            }
        }
    }
}

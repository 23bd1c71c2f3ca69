//! Rule `user-folder-drop`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// The code writes files into the user's personal folders (Desktop, Documents, Downloads,
    /// OneDrive, Pictures) under the home directory. Shortcut creators and export dialogs do
    /// this on request (`low`); at install time it is `medium`. Protestware drops its message
    /// there: with a country or locale check in the same package the verdict is malicious.
    id: "user-folder-drop",
    category: Other,
    severity: Low,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "writes files into the user's Desktop or personal folders",
    incident: "peacenotwar / node-ipc 11.0.0 (Mar 2022) wrote WITH-LOVE-FROM-AMERICA.txt on the Desktop of Russian and Belarusian users",
    case_file: "index.js",
    flag: ["for (const d of ['Desktop', 'Documents']) fs.writeFileSync(path.join(os.homedir(), d, 'README-PEACE.txt'), msg)",
           "const desk = path.join(process.env.USERPROFILE, 'OneDrive', 'Desktop'); fs.copyFileSync(src, path.join(desk, 'note.html'))"],
    pass: ["const out = path.join(os.homedir(), '.config', 'tool', 'settings.json'); fs.writeFileSync(out, s)",
           "const p = path.join(os.homedir(), 'Desktop'); console.log(fs.readdirSync(p))"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let folder =
        crate::regex!(r#"['"`/\\](Desktop|Documents|Downloads|OneDrive|Pictures)['"`/\\]"#);
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let text = all_text(f);
        if !crate::mentions!(
            text,
            ["desktop", "documents", "downloads", "onedrive", "pictures"]
        ) {
            continue;
        }
        if !(text.contains("homedir")
            || text.contains("USERPROFILE")
            || text.contains("env.HOME")
            || text.contains("env.OneDrive"))
        {
            continue;
        }
        let Some(w) = js
            .calls
            .iter()
            .find(|c| crate::rules::is_file_write(&c.path))
        else {
            continue;
        };
        let Some(m) = folder.find(text) else { continue };
        let install = pkg.is_install_file(f);
        let sev = if install {
            Severity::Medium
        } else {
            Severity::Low
        };
        let off = f.text_off(m.start(), w.off);
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!(
                "writes files into the user's {} folder{}",
                m.as_str()
                    .trim_matches(|c: char| !c.is_ascii_alphanumeric()),
                if install { " at install time" } else { "" }
            ),
        );
    }
}

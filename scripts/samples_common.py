"""Helpers every sample module of scripts/make-samples.py shares: the registry its builders are
listed in, and small text helpers. Same safety rules as samples_malicious.py: nothing here writes,
imports or runs a sample."""

import base64


def registry():
    """A module's two lists and their decorators: `SAMPLES, BENIGN, sample, benign = registry()`.
    make-samples.py builds the malicious builders of SAMPLES and the tricky-benign ones of BENIGN."""
    samples, benigns = [], []

    def sample(fn):
        samples.append(fn)
        return fn

    def benign(fn):
        benigns.append(fn)
        return fn

    return samples, benigns, sample, benign


def fill(src, **kw):
    """Replace @@KEY@@ placeholders, failing loudly on a leftover one."""
    for k, v in kw.items():
        src = src.replace("@@" + k + "@@", v)
    if "@@" in src:
        raise ValueError("unfilled placeholder in " + src[src.index("@@"):][:40])
    return src


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def readme(name, body):
    """A short README: title, text, licence."""
    return f"# {name}\n\n{body.strip()}\n\n## License\n\nMIT\n"


def readme_with_install(name, body):
    """A README with an install section, as most packages on the registry have."""
    return f"# {name}\n\n{body.strip()}\n\n## Install\n\n```sh\nnpm install {name}\n```\n\n## License\n\nMIT\n"


# Real tarballs, edited in memory (samples_malicious.H fetches and checks them; imported here
# lazily because samples_malicious imports this module).


def real_pkg(name, version, new_version):
    """The files of a real package with package.json bumped to the 'compromised' version."""
    from samples_malicious import H

    files, modes = H().real(name, version)
    H().edit_pkg(files, version=new_version)
    return files, modes


def text(files, path):
    from samples_malicious import H

    return H().text(files, path)


def replace1(src, old, new):
    from samples_malicious import H

    return H().replace1(src, old, new)

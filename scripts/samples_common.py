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

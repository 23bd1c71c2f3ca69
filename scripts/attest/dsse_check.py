#!/usr/bin/env python3
"""DSSE envelopes with securesystemslib: an implementation independent of warden's.

Usage:
    dsse_check.py sign PRIVATE_KEY_PEM PAYLOAD_FILE PAYLOAD_TYPE   # prints the envelope JSON
    dsse_check.py verify ENVELOPE PUBLIC_KEY_PEM                   # exit 0 valid, 1 invalid

Keys are PKCS#8 / SPKI PEM, Ed25519 or ECDSA P-256 (what `warden keygen` writes).
securesystemslib computes its own key ids; when verifying, the key is given the key id the
envelope names, since key ids are hints and the signature is what is checked.
Exit 2: missing dependency or unreadable input.
"""

from __future__ import annotations

import json
import sys

try:
    from cryptography.hazmat.primitives.serialization import (
        load_pem_private_key,
        load_pem_public_key,
    )
    from securesystemslib.dsse import Envelope
    from securesystemslib.exceptions import VerificationError
    from securesystemslib.signer import CryptoSigner, SSlibKey
except ImportError as exc:  # pragma: no cover - environment problem
    sys.stderr.write(f"dsse_check.py: missing dependency ({exc}); pip install -r requirements.txt\n")
    sys.exit(2)


def sign(key_path: str, payload_path: str, payload_type: str) -> int:
    with open(key_path, "rb") as fh:
        private_key = load_pem_private_key(fh.read(), password=None)
    with open(payload_path, "rb") as fh:
        payload = fh.read()
    signer = CryptoSigner(private_key)
    envelope = Envelope(payload=payload, payload_type=payload_type, signatures={})
    envelope.sign(signer)
    print(json.dumps(envelope.to_dict(), indent=2))
    return 0


def verify(envelope_path: str, key_path: str) -> int:
    with open(envelope_path, "rb") as fh:
        envelope = Envelope.from_dict(json.load(fh))
    with open(key_path, "rb") as fh:
        public_key = load_pem_public_key(fh.read())
    keyids = list(envelope.signatures) or ["none"]
    keys = [SSlibKey.from_crypto(public_key, keyid=k) for k in keyids]
    try:
        envelope.verify(keys, 1)
    except VerificationError as exc:
        print(f"invalid: {exc}")
        return 1
    print("valid")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 5 and argv[1] == "sign":
        return sign(argv[2], argv[3], argv[4])
    if len(argv) == 4 and argv[1] == "verify":
        return verify(argv[2], argv[3])
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

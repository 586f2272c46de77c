#!/usr/bin/env python3
"""Check the hash chain of Rampart audit files, oldest first, using only the
package doc of rampart.dev/pkg/audit: python3 verify.py audit.jsonl.1 audit.jsonl"""
import hashlib
import json
import sys

prev, seq = "", 0
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        for n, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                sys.exit(f"{name}:{n}: torn last line")
            line = line[:-1]
            rec = json.loads(line)
            canonical = line[: line.rindex(b',"hash":"')] + b"}"
            if hashlib.sha256(canonical).hexdigest() != rec["hash"]:
                sys.exit(f"{name}:{n}: hash does not match the record")
            if rec["seq"] != seq + 1 or rec["prev"] != prev:
                sys.exit(f"{name}:{n}: does not follow seq {seq}")
            prev, seq = rec["hash"], rec["seq"]
print(f"ok: {seq} records")

#!/usr/bin/env python3
"""Trunk post-build hook: pin the Content-Security-Policy of the built site.

Trunk inlines a small module script that loads the wasm, and its text changes with every
build (hashed file names), so the policy's script hash is computed here, after the build,
and written both into index.html (a <meta http-equiv>) and into `_headers` for hosts that
read it (Netlify, Cloudflare Pages). No 'unsafe-inline' and no 'unsafe-eval' for scripts:
only 'self', 'wasm-unsafe-eval' and the hash of that one loader.
"""
import base64
import hashlib
import os
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
staging = os.environ.get("TRUNK_STAGING_DIR") or (args[0] if args else "dist")
# --no-headers: a page built on its own (the studio) writes its <meta> only.
write_headers = "--no-headers" not in sys.argv[1:]
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in inline
)
policy = "; ".join([
    "default-src 'self'",
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
    "style-src 'self'",
    "img-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1)
open(index, "w", encoding="utf-8").write(html)

# frame-ancestors only works as a header, not in <meta>.
headers = f"""/*
  Content-Security-Policy: {policy}; frame-ancestors 'self'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
"""
if write_headers:
    open(os.path.join(staging, "_headers"), "w", encoding="utf-8").write(headers)
print(f"csp: {len(inline)} inline script(s) hashed into index.html and _headers")

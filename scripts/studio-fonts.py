#!/usr/bin/env python3
"""Studio build (post-build hook): its copy of the reader's style sheet lives in studio/,
one directory below the fonts it names (`url(fonts/…)`). Point those at the site's fonts
(`url(../fonts/…)`) and update the sheet's Subresource Integrity hash in the page, which
Trunk computed before the change.

    scripts/studio-fonts.py STAGING_DIR
"""
import base64
import glob
import hashlib
import os
import re
import sys

staging = sys.argv[1] if len(sys.argv) > 1 else "dist/studio"
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()
for css in glob.glob(os.path.join(staging, "*.css")):
    text = open(css, encoding="utf-8").read()
    fixed = text.replace("url(fonts/", "url(../fonts/")
    if fixed == text:
        continue
    open(css, "w", encoding="utf-8").write(fixed)
    digest = "sha384-" + base64.b64encode(hashlib.sha384(fixed.encode("utf-8")).digest()).decode()
    name = re.escape(os.path.basename(css))
    html, n = re.subn(r'(href="[^"]*' + name + r'"[^>]*\bintegrity=")[^"]*(")', r"\g<1>" + digest + r"\g<2>", html)
    print(f"studio-fonts: {os.path.basename(css)}: fonts from ../fonts/, integrity updated in {n} link(s)")
open(index, "w", encoding="utf-8").write(html)

#!/usr/bin/env python3
"""Where the reader's wasm bytes go: code size per crate and the largest functions.

    scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/article-viewer.wasm [N]

Reads the module's own `name` section (Rust keeps function names in the release build
before wasm-bindgen and wasm-opt strip them) and the code section's body sizes, then
groups functions by the crate their demangled name starts with. Sizes are before
wasm-opt, so they overstate the shipped wasm, but they rank the same way.
"""
import re
import sys
from collections import defaultdict


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def legacy(name):
    """The first path segment of a legacy-mangled `_ZN…E` name, decoded."""
    m = re.match(r"_ZN(\d+)", name)
    if not m:
        return None
    start = m.end()
    seg = name[start:start + int(m.group(1))]
    for code, ch in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$BP$", "*"), ("$C$", ","), ("..", "::")):
        seg = seg.replace(code, ch)
    seg = re.sub(r"\$u7b\$|\$u7d\$", "", seg)
    if seg.startswith("_<") or seg.startswith("<"):
        seg = seg.lstrip("_")
    return seg


def readable(name):
    """`_ZN12article_core5parse5parseE` → `article_core::parse::parse` (hash dropped)."""
    if not name.startswith("_ZN"):
        return name
    i, segs = 3, []
    while i < len(name) and name[i].isdigit():
        m = re.match(r"\d+", name[i:])
        n = int(m.group(0))
        i += m.end()
        seg = name[i:i + n]
        i += n
        if not re.fullmatch(r"h[0-9a-f]{16}", seg):
            for code, ch in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$BP$", "*"), ("$C$", ","), ("$u7b$", "{"), ("$u7d$", "}"), ("..", "::")):
                seg = seg.replace(code, ch)
            segs.append(seg.lstrip("_") if seg.startswith("_<") else seg)
    return "::".join(segs)


def crate_of(name):
    """The crate a function belongs to, read from its mangled name (legacy or v0)."""
    if name.startswith("_R"):
        m = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)
        return m.group(2)[: int(m.group(1))] if m else "(other)"
    seg = legacy(name)
    if seg is None:
        return "(other)"
    if not seg.startswith("<"):
        return seg
    # `<Type as Trait>`: the crate of the type if it has a path, else of the trait.
    paths = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)::", seg)
    return paths[0] if paths else "(other)"


def main(path, n):
    b = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    for sid, data in sections(b):
        if sid == 2:  # imports: functions among them take the first indices
            count, i = leb(data, 0)
            for _ in range(count):
                for _ in range(2):
                    ln, i = leb(data, i)
                    i += ln
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = leb(data, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 2:
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 3:
                    i += 2
                else:
                    _, i = leb(data, i)
        elif sid == 10:  # code
            count, i = leb(data, 0)
            for _ in range(count):
                size, j = leb(data, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 0:
            ln, i = leb(data, 0)
            if data[i:i + ln] != b"name":
                continue
            i += ln
            while i < len(data):
                sub = data[i]
                size, j = leb(data, i + 1)
                if sub == 1:
                    count, k = leb(data, j)
                    for _ in range(count):
                        idx, k = leb(data, k)
                        ln2, k = leb(data, k)
                        names[idx] = data[k:k + ln2].decode("utf-8", "replace")
                        k += ln2
                i = j + size
    if not names:
        print("  (no name section: build without stripping to see where the bytes go)")
        return
    per_crate = defaultdict(int)
    funcs = []
    described = 0
    for k, size in enumerate(bodies):
        name = names.get(imported + k, f"func{imported + k}")
        if name.startswith("__wbindgen_describe"):
            # Type descriptors wasm-bindgen runs at build time and removes: not shipped.
            described += size
            continue
        funcs.append((size, name))
        per_crate[crate_of(name)] += size
    total = sum(size for size, _ in funcs)
    print(f"  code: {total:,} bytes in {len(funcs):,} functions (before wasm-opt; "
          f"{described:,} bytes of wasm-bindgen descriptors left out: removed at build time)")
    print("  by crate:")
    for crate, size in sorted(per_crate.items(), key=lambda x: -x[1])[:int(__import__("os").environ.get("CRATES", "15"))]:
        print(f"    {size:>9,}  {100 * size / total:5.1f} %  {crate}")
    print(f"  largest {n} functions:")
    for size, name in sorted(funcs, reverse=True)[:n]:
        print(f"    {size:>9,}  {readable(name)[:120]}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)

#!/usr/bin/env python3
"""Validate the shipped data of article-viewer, independently of the Rust core.

    scripts/check-schema.py [FILE.json ...]

Without arguments it checks every public/articles/*.json: index.json against
public/schema/catalog-1.json, every other file against public/schema/article-1.json.
On top of the JSON Schema it checks what a schema cannot express:

  articles  unique figure / category ids; category, parts and within references exist;
            no cycles through parts / within; a figure without mentions has parts;
            parts sum to the value (exactly, or as the qualifier allows); every mention
            resolves to exactly one place: its quote occurs once in the allowed text
            (paragraph text / image caption, only block `block` if given) with `prefix`
            immediately before and `suffix` immediately after, all compared after NFC,
            and a quote starting / ending with a digit never glued to a neighbouring
            digit (checked with both the plain-digit rule and the stricter rule that
            also treats "8.000" / "2,5" as one number: both must give exactly one
            match); relative image files exist under public/.
  catalog   unique ids; every entry's file exists, is article/1 and its id, title,
            kicker and published equal the entry's; every article file is listed.

Prints "ok PATH" per good file, otherwise "FAIL PATH" and one indented line per
problem with its JSON path. Exits 1 if anything failed, 2 on usage / setup errors.

Needs the PyPI package jsonschema (4.23.0). If the running python lacks it, the script
re-runs itself with ${ARTICLE_VIEWER_TOOLS:-~/.local/article-viewer-tools}/venv/bin/python;
create that with:
    python3 -m venv "$T/venv" && "$T/venv/bin/pip" install jsonschema==4.23.0
"""
import datetime
import glob
import json
import math
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUBLIC = os.path.join(ROOT, "public")
ARTICLES = os.path.join(PUBLIC, "articles")
SCHEMAS = os.path.join(PUBLIC, "schema")

# Prefer the pinned tools venv (jsonschema 4.23.0) when it exists; else this python's own.
_TOOLS = os.environ.get("ARTICLE_VIEWER_TOOLS") or os.path.expanduser("~/.local/article-viewer-tools")
_VENV_PY = os.path.join(_TOOLS, "venv", "bin", "python")
if os.path.exists(_VENV_PY) and not os.environ.get("_CHECK_SCHEMA_REEXEC") \
        and os.path.realpath(sys.prefix) != os.path.realpath(os.path.join(_TOOLS, "venv")):
    os.environ["_CHECK_SCHEMA_REEXEC"] = "1"
    os.execv(_VENV_PY, [_VENV_PY, os.path.abspath(__file__)] + sys.argv[1:])
try:
    import jsonschema
except ImportError:
    sys.stderr.write("check-schema: the Python package jsonschema is missing; install it with\n"
                     f"  python3 -m venv {_TOOLS}/venv && {_TOOLS}/venv/bin/pip install jsonschema==4.23.0\n")
    sys.exit(2)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def jpath(parts):
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if p.replace("_", "a").replace("$", "a").isalnum() else f"[{json.dumps(p)}]")
    return out


def load_json(path, problems):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(f"{c} is not JSON")))
    except (OSError, ValueError) as e:
        problems.append(f"$: cannot read JSON: {e}")
        return None


def schema_problems(doc, schema):
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    out = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        # if/then failures carry their reasons in .context; show the most specific ones
        leaves = err.context or [err]
        for e in leaves if err.validator in ("anyOf", "oneOf") else [err]:
            out.append(f"{jpath(list(e.absolute_path))}: {e.message}")
    return out


# ---------------------------------------------------------------- mentions

def is_digit(ch):
    return unicodedata.category(ch) == "Nd"


def glued_before(text, i, strict):
    """Would a digit-initial match starting at i continue a number to its left?"""
    if i == 0:
        return False
    if is_digit(text[i - 1]):
        return True
    return strict and i >= 2 and text[i - 1] in ".," and is_digit(text[i - 2])


def glued_after(text, j, strict):
    """Would a digit-final match ending at j (exclusive) continue into a number?"""
    if j >= len(text):
        return False
    if is_digit(text[j]):
        return True
    return strict and j + 1 < len(text) and text[j] in ".," and is_digit(text[j + 1])


def find_matches(text, quote, prefix, suffix, strict):
    hits, start = [], 0
    while True:
        i = text.find(quote, start)
        if i < 0:
            return hits
        start = i + 1
        j = i + len(quote)
        if is_digit(quote[0]) and glued_before(text, i, strict):
            continue
        if is_digit(quote[-1]) and glued_after(text, j, strict):
            continue
        if prefix and not text[:i].endswith(prefix):
            continue
        if suffix and not text.startswith(suffix, j):
            continue
        hits.append(i)


def block_text(block):
    if not isinstance(block, dict):
        return None
    if block.get("kind") == "paragraph" and isinstance(block.get("text"), str):
        return nfc(block["text"])
    if block.get("kind") == "image" and isinstance(block.get("caption"), str):
        return nfc(block["caption"])
    return None


def check_mention(m, blocks, where):
    quote = m.get("quote")
    if not isinstance(quote, str) or not quote:
        return [f"{where}.quote: missing or empty"]
    quote, prefix, suffix = nfc(quote), nfc(m.get("prefix") or ""), nfc(m.get("suffix") or "")
    if "block" in m:
        b = m["block"]
        if not isinstance(b, int) or isinstance(b, bool) or not 0 <= b < len(blocks):
            return [f"{where}.block: {b!r} is not an index into blocks (0..{len(blocks) - 1})"]
        if block_text(blocks[b]) is None:
            return [f"{where}.block: block {b} is neither a paragraph nor an image with a caption"]
        candidates = [b]
    else:
        candidates = [i for i, bl in enumerate(blocks) if block_text(bl) is not None]
    results = {}
    for strict in (False, True):
        hits = []
        for bi in candidates:
            text = block_text(blocks[bi])
            hits += [(bi, pos) for pos in find_matches(text, quote, prefix, suffix, strict)]
        pos_hint = m.get("position")
        if isinstance(pos_hint, int) and len(hits) > 1:
            # the position hint (code-point offset) is trusted only where the quote is
            hinted = [h for h in hits if h[1] == pos_hint]
            if len(hinted) == 1:
                hits = hinted
        results[strict] = hits
    problems = []
    for strict, hits in results.items():
        rule = "strict number rule" if strict else "plain digit rule"
        if not hits:
            problems.append(f"{where}: quote {quote!r} (prefix {prefix!r}, suffix {suffix!r}) not found"
                            f"{' in block ' + str(candidates[0]) if 'block' in m else ''} ({rule})")
        elif len(hits) > 1:
            problems.append(f"{where}: quote {quote!r} matches {len(hits)} times at (block, offset) "
                            f"{hits} ({rule}); add prefix/suffix/block")
    if not problems and results[False] != results[True]:
        problems.append(f"{where}: the two digit rules resolve differently: {results[False]} vs {results[True]}")
    # report once if both rules agree on the problem
    return list(dict.fromkeys(p.replace(" (plain digit rule)", "").replace(" (strict number rule)", "")
                              if results[False] == results[True] else p for p in problems))


def check_article(doc, path):
    problems = []
    blocks = doc.get("blocks") if isinstance(doc.get("blocks"), list) else []
    figures = doc.get("figures") if isinstance(doc.get("figures"), list) else []
    categories = doc.get("categories") if isinstance(doc.get("categories"), list) else []

    cat_ids = set()
    for i, c in enumerate(categories):
        cid = c.get("id") if isinstance(c, dict) else None
        if cid in cat_ids:
            problems.append(f"$.categories[{i}].id: duplicate category id {cid!r}")
        cat_ids.add(cid)

    index = {}
    for i, f in enumerate(figures):
        fid = f.get("id") if isinstance(f, dict) else None
        if fid in index:
            problems.append(f"$.figures[{i}].id: duplicate figure id {fid!r} (first at $.figures[{index[fid]}])")
        else:
            index[fid] = i

    for i, f in enumerate(figures):
        if not isinstance(f, dict):
            continue
        w = f"$.figures[{i}]"
        if "category" in f and f["category"] not in cat_ids:
            problems.append(f"{w}.category: {f['category']!r} is not a category id")
        parts = f.get("parts") or []
        for k, p in enumerate(parts):
            if p not in index:
                problems.append(f"{w}.parts[{k}]: {p!r} is not a figure id")
            elif p == f.get("id"):
                problems.append(f"{w}.parts[{k}]: a figure cannot be a part of itself")
        within = f.get("within")
        if within is not None:
            if within not in index:
                problems.append(f"{w}.within: {within!r} is not a figure id")
            elif within == f.get("id"):
                problems.append(f"{w}.within: a figure cannot be within itself")
        mentions = f.get("mentions") or []
        if not mentions and not parts:
            problems.append(f"{w}: a figure without mentions must have parts (it is computed from them)")
        for k, m in enumerate(mentions):
            if isinstance(m, dict):
                problems += check_mention(m, blocks, f"{w}.mentions[{k}]")
        # parts sum
        if parts and all(p in index for p in parts) and isinstance(f.get("value"), (int, float)):
            vals = [figures[index[p]].get("value") for p in parts]
            if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
                total, value, q = math.fsum(vals), f["value"], f.get("qualifier")
                tol = 1e-9 * max(1.0, abs(total), abs(value))
                ok = {"over": total > value - tol, "at-least": total > value - tol,
                      "under": total < value + tol,
                      "about": abs(total - value) <= 0.1 * abs(value) + tol}.get(q, abs(total - value) <= tol)
                if not ok:
                    expr = " + ".join(f"{v:g}" for v in vals)
                    problems.append(f"{w}.parts: {expr} = {total:g}, but value is {value:g}"
                                    f"{' (qualifier ' + q + ')' if q else ''}")

    # cycles through parts / within
    edges = {}
    for f in figures:
        if isinstance(f, dict) and f.get("id") in index:
            edges[f["id"]] = [p for p in (f.get("parts") or []) if p in index] + \
                             ([f["within"]] if f.get("within") in index else [])
    state = {}

    def visit(n, stack):
        state[n] = 1
        for nxt in edges.get(n, []):
            if state.get(nxt) == 1:
                cyc = stack[stack.index(nxt):] + [nxt]
                problems.append(f"$.figures[{index[n]}]: cycle through parts/within: {' -> '.join(cyc)}")
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[n] = 2

    for n in edges:
        if n not in state:
            visit(n, [n])

    problems += check_timestamp(doc.get("published"), "$.published")
    # relative images exist
    for i, b in enumerate(blocks):
        if isinstance(b, dict) and b.get("kind") == "image" and isinstance(b.get("src"), str):
            src = b["src"]
            if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|//", src) and not os.path.isfile(os.path.join(PUBLIC, src.split("#")[0].split("?")[0])):
                problems.append(f"$.blocks[{i}].src: {src!r} does not exist under public/")
    return problems


def check_timestamp(value, where):
    """RFC 3339 with offset: the schema pattern checks the shape, this checks the calendar."""
    if not isinstance(value, str):
        return []
    try:
        dt = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as e:
        return [f"{where}: {value!r} is not a valid date-time ({e})"]
    return [] if dt.tzinfo else [f"{where}: {value!r} has no UTC offset"]


def check_catalog(doc, path, article_files):
    problems, seen, listed = [], {}, set()
    for i, e in enumerate(doc.get("articles") or []):
        if not isinstance(e, dict):
            continue
        w = f"$.articles[{i}]"
        if e.get("id") in seen:
            problems.append(f"{w}.id: duplicate catalog id {e.get('id')!r}")
        seen[e.get("id")] = i
        problems += check_timestamp(e.get("published"), f"{w}.published")
        rel = e.get("path")
        if not isinstance(rel, str):
            continue
        target = os.path.normpath(os.path.join(PUBLIC, rel))
        if os.path.commonpath([os.path.realpath(target), os.path.realpath(PUBLIC)]) != os.path.realpath(PUBLIC):
            problems.append(f"{w}.path: {rel!r} points outside public/")
            continue
        listed.add(os.path.realpath(target))
        if not os.path.isfile(target):
            problems.append(f"{w}.path: {rel!r} does not exist under public/")
            continue
        sub = []
        art = load_json(target, sub)
        if art is None:
            problems += [f"{w}.path: {rel}: {p}" for p in sub]
            continue
        if not isinstance(art, dict) or art.get("format") != "article/1":
            problems.append(f"{w}.path: {rel} is not an article/1 document")
            continue
        for key in ("id", "title", "kicker", "published"):
            if (key in e or key in ("id", "title")) and e.get(key) != art.get(key):
                problems.append(f"{w}.{key}: {e.get(key)!r} differs from {art.get(key)!r} in {rel}")
    for f in article_files:
        if os.path.realpath(f) not in listed:
            problems.append(f"$.articles: {os.path.relpath(f, ROOT)} is not listed in the catalog")
    return problems


def main(argv):
    files = argv or sorted(glob.glob(os.path.join(ARTICLES, "*.json")))
    if not files:
        sys.stderr.write("check-schema: no files to check\n")
        return 2
    schemas = {}
    for name in ("article-1", "catalog-1"):
        p = os.path.join(SCHEMAS, name + ".json")
        with open(p, encoding="utf-8") as fh:
            schemas[name] = json.load(fh)
        jsonschema.validators.validator_for(schemas[name]).check_schema(schemas[name])
    article_files = [f for f in sorted(glob.glob(os.path.join(ARTICLES, "*.json")))
                     if os.path.basename(f) != "index.json"]
    failed = 0
    for f in files:
        shown = os.path.relpath(os.path.abspath(f), ROOT) if os.path.abspath(f).startswith(ROOT) else f
        problems = []
        doc = load_json(f, problems)
        if doc is not None:
            is_catalog = os.path.basename(f) == "index.json"
            problems += schema_problems(doc, schemas["catalog-1" if is_catalog else "article-1"])
            if isinstance(doc, dict):
                problems += check_catalog(doc, f, article_files) if is_catalog else check_article(doc, f)
        if problems:
            failed += 1
            print(f"FAIL {shown}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok {shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""Runs readability-lxml over every labeled page and writes what it extracts.

Usage: readability_texts.py PAGES_DIR OUT_DIR

For each PAGES_DIR/<kind>/NNN.html that has a NNN.gold.json, writes OUT_DIR/<kind>/NNN.txt (the
text of readability's summary, one block a line) and appends "<kind>/NNN<TAB>milliseconds" to
OUT_DIR/timings.tsv. The time covers parsing, readability's content selection and getting the text,
the same span `danvan eval pages` times for its own reader, after one untimed pass over all pages
(as danvan's side does). Scoring is left to `danvan eval pages
--compare-with OUT_DIR`, so both extractors are measured with one tokenization.
"""
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
    "section", "article", "blockquote", "figure", "figcaption", "pre", "dd", "dt",
}


def text_of(summary_html):
    """The summary's text with a line break after each block, so words of two blocks never fuse."""
    if not summary_html.strip():
        return ""
    tree = lxml.html.fromstring(summary_html)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    timings = []
    labeled = []
    for kind in sorted(os.listdir(pages)):
        folder = os.path.join(pages, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".gold.json"):
                continue
            stem = name[: -len(".gold.json")]
            path = os.path.join(folder, stem + ".html")
            if not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                labeled.append((kind, stem, f.read()))
    # One untimed pass first, as `danvan eval pages` does, so both sides are timed in the steady state.
    for _, _, raw in labeled:
        try:
            text_of(Document(raw).summary(html_partial=True))
        except Exception:  # reported by the timed pass below
            pass
    for kind, stem, raw in labeled:
        start = time.perf_counter()
        try:
            text = text_of(Document(raw).summary(html_partial=True))
        except Exception as error:  # readability gives up on some inputs; an empty text scores 0
            print(f"{kind}/{stem}: readability failed: {error}", file=sys.stderr)
            text = ""
        elapsed = (time.perf_counter() - start) * 1000.0
        os.makedirs(os.path.join(out, kind), exist_ok=True)
        with open(os.path.join(out, kind, stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        timings.append(f"{kind}/{stem}\t{elapsed:.3f}")
    with open(os.path.join(out, "timings.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(timings) + "\n")
    print(f"readability-lxml: {len(timings)} pages written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

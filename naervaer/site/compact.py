"""Drop the template indentation from built HTML (about a third of every page), keeping
``<pre>`` and ``<textarea>`` exactly: fewer bytes for readers on a phone."""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)


def compact_html(html: str) -> str:
    parts = _KEEP.split(html)
    out = []
    # re.split with two groups yields: text, whole-match, tag-name, text, ...
    for i in range(0, len(parts), 3):
        text = parts[i]
        text = re.sub(r"[ \t]*\n\s*", "\n", text)  # indentation and blank lines
        out.append(text)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def compact_css(css: str) -> str:
    """Our own stylesheets without comments and layout whitespace (they are loaded on every
    page, so every KB counts against the first-load budget). Our CSS holds no strings with
    these characters (text never lives in CSS), so plain substitution is safe."""
    css = _CSS_COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip() + "\n"

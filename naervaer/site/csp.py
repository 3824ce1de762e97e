"""Content-Security-Policy: only the site's own origin; inline scripts allowed by hash.

Material's templates carry a few small inline scripts (theme state); each page gets a
``<meta http-equiv="Content-Security-Policy">`` listing the hashes of exactly the inline
scripts it contains, so nothing else can run and nothing can be fetched from another host.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attrs, body in _INLINE_SCRIPT.findall(html):
        if "application/json" in attrs:
            continue  # data, never executed
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(set(hashes))


def policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_meta(html: str) -> tuple[str, list[str]]:
    """Insert the policy meta tag as the first element of <head>; return (html, hashes)."""
    hashes = inline_script_hashes(html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return html, hashes
    return html[: head.end()] + "\n" + tag + html[head.end():], hashes


def nginx_directive(header_value: str) -> str:
    """The header as an nginx directive, for ``include`` in the server block (the editors'
    page shows how); the policy holds only single quotes, so it fits in double quotes."""
    return f'add_header Content-Security-Policy "{header_value}" always;\n'


def header(hashes: set[str]) -> str:
    """The same policy as an HTTP header for the whole site (frame-ancestors works only
    in a header)."""
    return policy(sorted(hashes)) + "; frame-ancestors 'none'"


_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def renew_meta(html: str) -> str:
    """Recompute the page's policy after a script was added to it (the local preview's
    live-reload script), so the policy stays exactly «these scripts and no others»."""
    content = policy(inline_script_hashes(html))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return _META.sub(lambda _: tag, html, count=1)

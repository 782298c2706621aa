"""Article text -> Markdown that renders as exactly that text.

Everything from an article is untrusted: HTML tags, `on...=` attributes, `javascript:` links, Jinja
`{{ }}`, attribute lists `{: }`, snippet markers `--8<--`, admonitions `!!!`, tables `|`, emphasis,
footnotes. Every character that any enabled extension could read as markup becomes a numeric entity,
which Markdown passes through and the browser shows as the character itself. Inside raw HTML blocks
(which Markdown does not parse) `html_text` applies instead.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import quote, urlsplit

_ACTIVE = set("\\`*_{}[]<>#+!|~^=&")
_WS = re.compile(r"\s+")


_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _ACTIVE}
_HYPHENS = re.compile(r"-{2,}|^-")  # "--8<--", "---" and a leading "- " list marker
_COLON = re.compile(r":(?=[^ ])")  # "javascript:", ":emoji:"; "Note: text" stays readable


@functools.lru_cache(maxsize=1 << 16)
def text(value: str | None) -> str:
    """Inline text: one line, every markup character neutralised (cached: names recur on many pages)."""
    if not value:
        return ""
    s = _WS.sub(" ", str(value)).strip().translate(_ENTITIES)
    s = _HYPHENS.sub(lambda m: "&#45;" * len(m.group(0)), s)
    s = _COLON.sub("&#58;", s)
    if s[:1].isdigit():  # "1. " would start an ordered list
        s = f"&#{ord(s[0])};" + s[1:]
    return s


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@functools.lru_cache(maxsize=1 << 16)
def html_text(value: str | None) -> str:
    """Text inside a raw HTML block, which Markdown leaves alone: one line, control characters gone,
    `& < > " '` escaped. Raw blocks are how the long generated parts (tables, quote lists) skip Markdown's
    inline parser, the main cost of the build."""
    if not value:
        return ""
    return html.escape(_WS.sub(" ", _CONTROL.sub(" ", str(value))).strip(), quote=True)


def yaml_str(value: str | None) -> str:
    """A YAML double-quoted scalar holding HTML-escaped text (front matter `title:`)."""
    s = _WS.sub(" ", str(value or "")).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace("{", "&#123;").replace("}", "&#125;")
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def safe_url(url: str | None) -> str | None:
    """http(s) URLs only, percent-encoded so they cannot break out of a Markdown link; else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&+,;=%~.-_*'")


def tag(value: str) -> str:
    """A Material tag name: plain words only (tags are rendered by the theme's templates)."""
    return re.sub(r"[^\w .,'’-]+", "", value, flags=re.UNICODE).strip()[:80]

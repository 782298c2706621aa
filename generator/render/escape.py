"""Article text -> Markdown that renders as exactly that text.

Everything from an article is untrusted: HTML tags, `on...=` attributes, `javascript:` links, Jinja
`{{ }}`, attribute lists `{: }`, snippet markers `--8<--`, admonitions `!!!`, tables `|`, emphasis,
footnotes. Every character that any enabled extension could read as markup becomes a numeric entity,
which Markdown passes through and the browser shows as the character itself.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_ACTIVE = set("\\`*_{}[]<>#+!|~^=&")
_WS = re.compile(r"\s+")


def text(value: str | None) -> str:
    """Inline text: one line, every markup character neutralised."""
    if not value:
        return ""
    s = _WS.sub(" ", str(value)).strip()
    out = []
    for i, c in enumerate(s):
        if c in _ACTIVE or (c == "-" and (i == 0 or s[i - 1] == "-" or s[i + 1:i + 2] == "-")) or (
                c == ":" and s[i + 1:i + 2] not in ("", " ")):
            out.append(f"&#{ord(c)};")
        else:
            out.append(c)
    res = "".join(out)
    # a leading digit could still start an ordered list, a leading quote mark a blockquote-like form
    if res[:1].isdigit():
        res = f"&#{ord(res[0])};" + res[1:]
    return res


def attr(value: str | None) -> str:
    """A value for a double-quoted HTML attribute we write ourselves (title="...")."""
    return text(value)


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

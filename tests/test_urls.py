"""URLs are sanitised at ingest: only absolute http(s) links enter a record; others are dropped with a note, so the
JSON Lines (and anything read from them) never hand on a `javascript:` link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.ingest import read_path
from generator.ingest.meta import clean_url

BODY = ("The harbour master of Port Ellery said on Monday that boats should stay in port until the weekend, "
        "because the forecast was the worst of the year.")
MORE = "Fishing crews said the closure would cost them a week of income, and asked the council for help."


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd", "mailto:editor@example.com",
    "//evil.example/path", "/relative/path", "http:///no-host", "https://example.com:99999/", "https://exa mple.com/",
    "https://example.com/\u202egnp.exe", "https://example.com/" + "a" * 3000, "ｊavascript:alert(1)",
])
def test_unsafe_or_broken_urls_are_dropped_with_a_reason(url):
    kept, why = clean_url(url)
    assert kept is None and why and "dropped" in why


@pytest.mark.parametrize("url", ["https://news.example.com/2026/11/storm?id=3#top", "http://example.org",
                                 "HTTPS://Example.COM/a%20b", "https://bücher.example/seite"])
def test_http_and_https_urls_are_kept(url):
    assert clean_url(url) == (url, None)


FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast News</title>
<item><title>Storm closes the port</title><link>javascript:alert(document.cookie)</link>
<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{MORE}&lt;/p&gt;</description></item>
<item><title>Crews ask for help</title><link>https://coast.example/crews</link>
<description>&lt;p&gt;{MORE}&lt;/p&gt;&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
</channel></rss>
"""
MARKDOWN = f"""---
title: Storm closes the port
url: "javascript:alert('front matter')"
---

{BODY}

{MORE}
"""
JSON_EXPORT = json.dumps([{"title": "Storm closes the port", "text": f"{BODY}\n{MORE}",
                           "url": "data:text/html,<script>alert(1)</script>"}])
HTML = f"""<!doctype html><html><head><title>Storm closes the port</title>
<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="javascript:alert(2)"></head>
<body><article><h1>Storm closes the port</h1><p>{BODY}</p><p>{MORE}</p><p>{BODY}</p></article></body></html>
"""


@pytest.mark.parametrize("name, content", [("coast.rss", FEED), ("storm.md", MARKDOWN), ("export.json", JSON_EXPORT),
                                           ("page.html", HTML)])
def test_readers_drop_unsafe_urls(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (first, *rest) = list(read_path(path))
    assert first.url is None
    if name != "page.html":  # trafilatura already ignores a javascript: canonical link
        assert any("dropped" in n and ("javascript" in n or "data" in n) for n in first.notes), first.notes
    if rest:
        assert rest[0].url == "https://coast.example/crews" and rest[0].notes == []


def test_analyze_hands_on_no_unsafe_url(tmp_path, capsys, nlp):
    feed = tmp_path / "coast.rss"
    feed.write_text(FEED, encoding="utf-8")
    md = tmp_path / "storm.md"
    md.write_text(MARKDOWN, encoding="utf-8")
    assert main(["analyze", "-q", "--no-cache", "-j", "1", str(feed), str(md)]) == 0
    out = capsys.readouterr().out
    assert "javascript:alert" not in out.lower() and "alert(" not in out
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["url"] for r in records] == [None, "https://coast.example/crews", None]
    assert all(any("URL was dropped" in n for n in r["notes"]) for r in (records[0], records[2]))


def test_a_dropped_url_is_noted_on_the_page(tmp_path):
    from tests.conftest import make_project

    project = make_project(Path(tmp_path / "p"), {"storm.md": MARKDOWN}, seed=False)
    assert main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs",
                 str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]) == 0
    page = next((project / "site" / "articles").glob("storm*/index.html")).read_text(encoding="utf-8")
    assert "URL was dropped" in page and "javascript:alert" not in page


def test_characters_that_could_break_out_of_html_are_percent_encoded():
    url, why = clean_url('https://news.example/a"><script>alert(1)</script>?q={x}')
    assert why is None and url == "https://news.example/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E?q=%7Bx%7D"

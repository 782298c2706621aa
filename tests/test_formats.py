"""Every format a newsroom has: HTML pages, Markdown, JSON exports, feeds; metadata and language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import pipeline
from generator.ingest import IngestError, read_path

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge closure to last six months | The Riverside Gazette</title>
<meta property="og:title" content="Bridge closure to last six months">
<meta property="og:site_name" content="The Riverside Gazette">
<meta name="author" content="Helen Marsh">
<meta property="article:published_time" content="2023-04-18T09:30:00+01:00">
<meta name="description" content="Engineers found corrosion in the steel frame of the 1930s crossing.">
<link rel="canonical" href="https://gazette.example.com/news/bridge-closure">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<main><article>
<h1>Bridge closure to last six months</h1>
<p class="byline">By Helen Marsh</p>
<p>The Kingsway bridge in Northampton will stay closed for at least six months after engineers found
serious corrosion in its steel frame, the county council said on Tuesday.</p>
<p>About 20,000 vehicles used the crossing every day before it was shut last week. Buses are being
diverted through the town centre, adding up to twenty minutes to some journeys.</p>
<p>“Safety has to come first, and we will not reopen the bridge until we are sure it is sound,” said
council leader Jonathan Nunn.</p>
<p>Local businesses said the closure was already hurting trade. Sarah Okafor, who runs a café near the
bridge, said takings had fallen by a third.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council tax to rise by five per cent</a></li>
<li><a href="/b">New cycle lanes approved for ring road</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Typical council incompetence, this bridge has been falling apart for years!!!</p></div>
<div class="comment"><p>My commute is now an hour longer. Thanks for nothing.</p></div>
</section></main>
<footer><p>© 2023 The Riverside Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

JSON_EXPORT = [
    {"title": "Strike shuts ports along the coast", "maintext": (
        "Dock workers walked out on Monday, shutting three ports along the coast.\n\n"
        "The union said the strike would last 48 hours unless employers improved their pay offer.\n\n"
        "“We have been patient for two years,” said union organiser Maria Lopez."),
     "date_publish": "2022-09-05 08:15:00", "authors": ["Tom Reed"], "url": "https://news.example.org/ports",
     "source_domain": "news.example.org", "description": "Three ports closed by a 48-hour walkout."},
    {"title": "Broken item with no text", "date_publish": "2022-09-06"},
    {"title": "Ferry services resume after storm", "text": (
        "Ferry services between the islands resumed on Thursday after three days of storms.\n\n"
        "The operator said all sailings would run to the normal timetable by the weekend."),
     "published": "Thu, 08 Sep 2022 10:00:00 GMT", "author": "Ann Bell", "source": "Island Times"},
]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Valley News</title><link>https://valley.example.net/</link><description>Local news</description>
<item><title>Library to open on Sundays</title><link>https://valley.example.net/library</link>
<pubDate>Mon, 02 Jan 2023 09:00:00 GMT</pubDate><author>desk@valley.example.net (Peter Hall)</author>
<description>Short teaser only.</description>
<content:encoded><![CDATA[<p>The central library will open on Sundays from February, the city said on Monday.</p>
<p>“People asked for it and we listened,” said librarian Grace Kim.</p>]]></content:encoded></item>
<item><title>Snow closes mountain pass</title><link>https://valley.example.net/snow</link>
<pubDate>Tue, 03 Jan 2023 07:30:00 GMT</pubDate>
<description><![CDATA[<p>Heavy snow closed the mountain pass overnight, and police said it would stay shut until
Wednesday.</p>]]></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:harbour</id>
<updated>2021-06-02T12:00:00Z</updated>
<entry><title>Harbour master retires after 30 years</title><id>urn:1</id>
<link href="https://harbour.example.com/master"/><published>2021-06-01T10:00:00Z</published>
<updated>2021-06-01T10:00:00Z</updated><author><name>Lucy Grant</name></author>
<content type="html">&lt;p&gt;The harbour master, Ian Doyle, retired on Tuesday after thirty years in the job.&lt;/p&gt;
&lt;p&gt;He said the harbour had changed beyond recognition.&lt;/p&gt;</content></entry>
<entry><title>New pontoon for visiting yachts</title><id>urn:2</id>
<link href="https://harbour.example.com/pontoon"/><published>2021-06-02T09:00:00Z</published>
<updated>2021-06-02T09:00:00Z</updated>
<summary>A new pontoon with space for forty visiting yachts opened on Wednesday.</summary></entry>
</feed>
"""

MARKDOWN = """---
title: "Town hall vote on parking charges"
date: 2024-02-14
source: Borough Bulletin
url: https://bulletin.example.com/parking
authors: [Nina Shah, Owen Price]
tags: [parking, council]
description: Councillors will decide on new evening charges.
---

# Town hall vote on parking charges

Councillors in **Hexham** will vote next week on plans to charge for parking after 6pm,
the [council](https://example.com) said.

- The charge would be £1.50 an hour.
- Residents' permits would not change.

> “Evening trade is fragile,” said shop owner Dev Patel.
"""

GERMAN = ("Bundestag beschließt neues Klimagesetz\n\n"
          "Der Bundestag hat am Donnerstag ein neues Klimagesetz beschlossen. Die Abgeordneten stimmten mit "
          "großer Mehrheit für den Entwurf der Bundesregierung, der strengere Ziele für den Verkehr vorsieht.\n\n"
          "„Das ist ein wichtiger Tag für den Klimaschutz“, sagte die Ministerin in Berlin. Kritiker aus der "
          "Opposition bemängelten dagegen, dass die Maßnahmen nicht weit genug gingen.\n")


def _records(tmp_path: Path, name: str, content: str):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    return list(pipeline.run([f], jobs=1))


def test_html_page_main_text_and_metadata(tmp_path):
    (r,) = _records(tmp_path, "page.html", HTML_PAGE)
    body = " ".join(r.paragraphs)
    assert r.title == "Bridge closure to last six months"
    assert "corrosion in its steel frame" in body
    for junk in ("Accept all cookies", "Typical council incompetence", "Council tax to rise", "All rights reserved",
                 "Weather"):
        assert junk not in body
        assert junk not in " ".join([r.summary.lede, *r.summary.key_points])
    assert r.date.startswith("2023-04-18")
    assert r.authors == ["Helen Marsh"]
    assert r.source == "The Riverside Gazette"
    assert r.url == "https://gazette.example.com/news/bridge-closure"
    names = {a.name for a in r.actors}
    assert "Jonathan Nunn" in names and not any("cookie" in n.lower() for n in names)


def test_html_saved_as_txt_is_sniffed(tmp_path):
    (r,) = _records(tmp_path, "page.txt", HTML_PAGE)
    assert r.format == "html" and r.title == "Bridge closure to last six months"


def test_json_export_with_a_bad_item(tmp_path):
    f = tmp_path / "export.json"
    f.write_text(json.dumps(JSON_EXPORT), encoding="utf-8")
    items = list(pipeline.run([f], jobs=1))
    errors = [i for i in items if isinstance(i, IngestError)]
    records = [i for i in items if not isinstance(i, IngestError)]
    assert len(errors) == 1 and "item 1" in str(errors[0]) and "export.json" in str(errors[0])
    assert [r.title for r in records] == ["Strike shuts ports along the coast", "Ferry services resume after storm"]
    strike, ferry = records
    assert strike.date.startswith("2022-09-05") and strike.authors == ["Tom Reed"]
    assert strike.source == "news.example.org" and strike.url == "https://news.example.org/ports"
    assert strike.standfirst == "Three ports closed by a 48-hour walkout."
    assert ferry.date.startswith("2022-09-08") and ferry.source == "Island Times"
    assert len({r.id for r in records}) == 2


def test_json_lines(tmp_path):
    lines = "\n".join(json.dumps(x) for x in JSON_EXPORT) + "\n{not json\n"
    items = list(pipeline.run([_write(tmp_path, "export.jsonl", lines)], jobs=1))
    assert sum(isinstance(i, IngestError) for i in items) == 2
    assert sum(not isinstance(i, IngestError) for i in items) == 2


def _write(tmp_path: Path, name: str, content: str) -> Path:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    return f


@pytest.mark.parametrize("name", ["feed.xml", "feed.rss", "feed.txt"])
def test_rss_feed(tmp_path, name):
    records = _records(tmp_path, name, RSS)
    assert [r.title for r in records] == ["Library to open on Sundays", "Snow closes mountain pass"]
    library, snow = records
    assert "open on Sundays from February" in " ".join(library.paragraphs)  # full content, not the teaser
    assert "Short teaser" not in " ".join(library.paragraphs)
    assert library.url == "https://valley.example.net/library" and library.date.startswith("2023-01-02")
    assert library.source == "Valley News"
    assert "closed the mountain pass" in " ".join(snow.paragraphs)
    assert library.id != snow.id


def test_atom_feed(tmp_path):
    records = _records(tmp_path, "feed.atom", ATOM)
    assert [r.title for r in records] == ["Harbour master retires after 30 years", "New pontoon for visiting yachts"]
    assert records[0].authors == ["Lucy Grant"] and records[0].date.startswith("2021-06-01")
    assert "Ian Doyle" in {a.name for a in records[0].actors}


def test_markdown_front_matter(tmp_path):
    (r,) = _records(tmp_path, "note.md", MARKDOWN)
    assert r.title == "Town hall vote on parking charges"
    assert r.date == "2024-02-14" and r.source == "Borough Bulletin"
    assert r.authors == ["Nina Shah", "Owen Price"] and r.url == "https://bulletin.example.com/parking"
    body = " ".join(r.paragraphs)
    assert "**" not in body and "](" not in body and "Hexham" in body
    assert "Town hall vote on parking charges" not in body  # the heading is the title, not body text


def test_german_article_is_recorded_not_analysed(tmp_path):
    (r,) = _records(tmp_path, "klima.txt", GERMAN)
    assert r.language == "de"
    assert r.actors == [] and r.places == [] and r.quotes == []
    assert r.notes and "English" in r.notes[0]
    assert r.title == "Bundestag beschließt neues Klimagesetz"


def test_date_from_dateline(tmp_path):
    text = ("Mayor resigns over expenses\n\nLONDON, March 3, 2019 — The mayor resigned on Sunday after an "
            "inquiry into his expenses, his office said.\n\nHe denied any wrongdoing.\n")
    (r,) = _records(tmp_path, "dateline.txt", text)
    assert r.date == "2019-03-03"


def test_read_path_never_uses_file_time(tmp_path):
    (a,) = list(read_path(_write(tmp_path, "plain.txt", "Plain title\n\nA body sentence that is long enough.\n")))
    assert a.date is None


def test_mixed_folder_builds_one_site_with_a_timeline(tmp_path):
    from generator.cli import main
    from tests.conftest import make_project

    project = make_project(tmp_path / "p", {
        "page.html": HTML_PAGE, "export.json": json.dumps([JSON_EXPORT[0], JSON_EXPORT[2]]), "feed.xml": RSS,
        "harbour.atom": ATOM, "note.md": MARKDOWN, "klima.txt": GERMAN})
    code = main(["build", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                 "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")])
    assert code == 0
    pages = list((project / "site" / "articles").glob("*/index.html"))
    assert len(pages) == 1 + 1 + 2 + 2 + 2 + 1 + 1  # seed, html, json, rss, atom, markdown, german
    timeline = (project / "docs" / "articles" / "index.md").read_text(encoding="utf-8")
    order = [timeline.index(t) for t in ("Town hall vote on parking charges", "Bridge closure to last six months",
                                         "Snow closes mountain pass", "Library to open on Sundays",
                                         "Ferry services resume after storm", "Strike shuts ports along the coast",
                                         "New pontoon for visiting yachts")]
    assert order == sorted(order)  # newest first: 2024, 2023-04, 2023-01-03, 2023-01-02, 2022-09-08, ...
    assert timeline.index("Trump administration hosts") > max(order)  # the undated seed: after the dated ones
    bridge = next(p for p in pages if p.parent.name.startswith("bridge-closure")).read_text(encoding="utf-8")
    assert 'href="https://gazette.example.com/news/bridge-closure"' in bridge
    assert "Helen Marsh" in bridge and "The Riverside Gazette" in bridge

"""The site's way out to the data: downloads (CSV, JSON, JSON Lines), the Atom feed, share cards, page sizes.

Built from the seed article plus a dated article and a hostile one with the real CLI; the feed is parsed with
feedparser, the CSVs with the csv module as a spreadsheet would read them (UTF-8 with a byte-order mark).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

import feedparser
import pytest

from generator.cli import main
from tests.browser import DATED_ARTICLE
from tests.conftest import make_project

HOSTILE = """=HYPERLINK("http://evil.example","click") <script>alert(1)</script> & more

"+cmd|' /C calc'!A0," said Mallory Evil, a spokesman for Contoso Holdings.

Contoso Holdings denied everything on Tuesday.
"""
TAGGED = """---
title: Farmers pray for rain as the drought deepens
date: 2018-07-01
source: Example Wire
tags: [water, Agriculture, drought, Example Wire]
---

Farmers near Erbil have watched their wheat wither for a second summer without rain.

"We have never seen the river so low," said Layla Hassan, who farms near the city.
"""
MAX_PAGE = 250_000


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    project = make_project(tmp_path_factory.mktemp("downloads"), {"dated.md": DATED_ARTICLE, "hostile.txt": HOSTILE,
                                                                       "tagged.md": TAGGED})
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(project / "mkdocs.yml"),
                 "--site-dir", str(project / "site")])
    assert code == 0
    return project


def _csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_and_json_downloads_load(project):
    d = project / "site" / "downloads"
    for name, key in [("articles", "title"), ("actors", "name"), ("places", "name"), ("quotes", "text")]:
        rows = _csv(d / f"{name}.csv")
        data = json.loads((d / f"{name}.json").read_text(encoding="utf-8"))
        assert len(rows) == len(data) > 0, name
        assert [r[key].removeprefix("'") for r in rows] == [x[key] for x in data], name
    articles = {r["title"]: r for r in _csv(d / "articles.csv")}
    assert articles["Ministers meet in Mosul to plan reconstruction"]["date"] == "2017-03-09"
    assert articles["Ministers meet in Mosul to plan reconstruction"]["source"] == "Example Wire"
    quotes = _csv(d / "quotes.csv")
    bridge = [q for q in quotes if "every bridge in Mosul" in q["text"]]
    assert bridge and bridge[0]["speaker"] == "Adel Karim" and bridge[0]["speaker_id"] == "adel-karim"
    places = {r["name"]: r for r in _csv(d / "places.csv")}
    assert float(places["Raqqa"]["lat"]) == pytest.approx(35.95, abs=0.1)


def test_spreadsheet_formulas_from_articles_are_defused(project):
    d = project / "site" / "downloads"
    cells = [c for name in ("articles", "quotes") for row in _csv(d / f"{name}.csv") for c in row.values()]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c and (c[0] in "=+@" or (c[0] == "-" and not re.match(r"^-?\d", c)))]
    assert "\\u003cscript" in (d / "articles.json").read_text(encoding="utf-8")  # inert if inlined in HTML


def test_records_jsonl_round_trips(project):
    from generator.records import Record

    lines = (project / "site" / "downloads" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [Record.from_dict(json.loads(x)) for x in lines]
    assert len(records) == 4
    assert {r.title for r in records} >= {"Ministers meet in Mosul to plan reconstruction",
                                          "Trump administration hosts first anti-ISIL meeting"}


def test_actor_page_links_the_csv_of_its_quotes(project):
    site = project / "site"
    page = (site / "actors" / "adel-karim" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'href="([^"]*adel-karim\.csv)"', page)[1]
    target = (site / "actors" / "adel-karim" / href).resolve()
    rows = _csv(target)
    assert rows and all(r["speaker"] == "Adel Karim" for r in rows)
    assert any("every bridge in Mosul" in r["text"] for r in rows)
    for index in ("articles", "actors", "places", "quotes"):
        text = (site / index / "index.html").read_text(encoding="utf-8")
        assert f'href="../downloads/{index}.csv"' in text and f'data-src="../downloads/table/{index}"' in text
        assert (site / "downloads" / "table" / f"{index}-0.json").is_file()


def test_feed_parses_and_is_discoverable_from_every_page(project):
    site = project / "site"
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles[:2] == ["Farmers pray for rain as the drought deepens",
                          "Ministers meet in Mosul to plan reconstruction"]  # newest first, undated later
    assert len(titles) == 4
    mosul = feed.entries[1]
    assert mosul.link.startswith("http://127.0.0.1:8000/articles/ministers-meet-in-mosul")
    assert mosul.published.startswith("2017-03-09") and mosul.summary
    assert any(t.term == "Example Wire" for t in mosul.tags)
    assert any("<script>" in e.title for e in feed.entries)  # text, escaped by the XML writer, read back
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', text)
        assert link, page
        assert (page.parent / html.unescape(link[1])).resolve() == (site / "feed.xml").resolve(), page


def test_article_share_cards(project):
    page = next((project / "site" / "articles").glob("ministers-meet*/index.html")).read_text(encoding="utf-8")
    head = page[:page.index("</head>")]
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z_]+)" content="([^"]*)"', head))
    assert meta["og:title"] == meta["twitter:title"] == "Ministers meet in Mosul to plan reconstruction"
    assert meta["og:description"].startswith("Iraqi ministers met in Mosul")
    assert meta["og:site_name"] == "News summaries" and meta["og:type"] == "article"
    assert meta["twitter:card"] == "summary"
    hostile = next((project / "site" / "articles").glob("hyperlink*/index.html")).read_text(encoding="utf-8")
    head = hostile[:hostile.index("</head>")]
    assert "<script>alert" not in head and 'content="=HYPERLINK(&quot;http' in head


def test_site_url_default_is_reported(tmp_path, capsys, nlp):
    project = make_project(tmp_path / "p")
    args = ["build", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
            "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]
    assert main(args) == 0
    assert "site_url is http://127.0.0.1:8000/" in capsys.readouterr().err
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('"http://127.0.0.1:8000/"',
                                                                 '"https://news.example.org/"'), encoding="utf-8")
    assert main(args) == 0
    assert "site_url" not in capsys.readouterr().err
    feed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    assert feed.entries[0].link.startswith("https://news.example.org/articles/")


def test_tags_are_the_sources_topics_sorted_ignoring_case(project):
    page = (project / "site" / "tags" / "index.html").read_text(encoding="utf-8")
    tags = [html.unescape(t) for t in re.findall(r'<td data-sort="[^"]*" data-id="[^"]+"><a href="[^"]+">(.*?)</a>',
                                                 page)]
    assert tags == ["Agriculture", "drought", "Example Wire", "water"], tags
    assert "Adel Karim" not in page and "Raqqa" not in page  # actors and places have their own pages


def test_no_page_over_250_kb(project):
    sizes = {p: p.stat().st_size for p in (project / "site").rglob("*.html")}
    assert max(sizes.values()) < MAX_PAGE


def test_feed_of_undated_articles_is_reproducible_with_source_date_epoch(monkeypatch):
    from generator.render.feed import FeedItem, atom

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    items = [(FeedItem("a", "Undated story", None), "https://example.org/articles/a/")]
    one = atom(items, title="T", site_url="https://example.org/", feed_url="https://example.org/feed.xml")
    assert one == atom(items, title="T", site_url="https://example.org/", feed_url="https://example.org/feed.xml")
    assert feedparser.parse(one).feed.updated.startswith("2026-01-01")

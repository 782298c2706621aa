"""Working in the site as an analyst, in headless Chromium at 390 and 1280 px, each in light and dark: sort,
filter and page through the index tables and the tags, search for a person, find the feed, download the data.

Eight short articles (the seed, and seven written for the tests with named speakers, dates, outlets and
tags) are built once with the real CLI; the index pages are generated with 3 rows in their HTML and pages of 2 rows, so
the script has to load the rest from the JSON download and page through it, as on a 10,000-article site.
Screenshots go to screenshots/ (git-ignored).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import feedparser
import pytest

from generator.cli import main
from tests.browser import CHROMIUM, chromium, serve_directory, watched_page
from tests.conftest import ROOT, make_project
from tests.test_search_chunked import ARTICLES

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
MORE = {"port.md": """---
title: Umm Qasr dockers strike over unpaid wages
date: 2019-11-20
source: Gulf Daily
tags: [Labour, Ports, Wages]
---

Dockers at the port of Umm Qasr stopped work on Wednesday over three months of unpaid wages.

"We will not unload a single ship until we are paid," said Hamid Jabbar, who leads the dockers' union.

The Basra Port Authority said the wages would be paid next week. "The money is there," said Sami Ali, a
spokesman for the authority.
""", "nurses.md": """---
title: Nurses in Mosul walk out over late pay
date: 2020-02-11
source: Example Wire
tags: [labour, Health, Économie]
---

Nurses at the main hospital in Mosul walked out on Tuesday after their pay came two months late.

"We care for the sick every night and we cannot feed our own children," said Rana Aziz, a nurse.
""", "drivers.md": """---
title: Lorry drivers block the Basra road over fuel prices
date: 2020-06-30
source: Example Wire
tags: [Labour, Transport, Strikes]
---

Lorry drivers parked across the main road out of Basra on Monday to protest against the price of diesel.

"Every trip now costs us more than it pays," said Karim Nouri, who drives for a haulage firm.
""", "teachers.md": """---
title: Teachers in Erbil end a week-long strike
date: 2021-01-05
source: Valley Herald
tags: [Labour, Education, Strikes]
---

Teachers in Erbil went back to their classrooms on Monday after the regional government promised to pay
their salaries on time.

"We have a promise in writing this time," said Dilan Omer, who teaches at a secondary school in the city.
"""}
VIEWS = [(w, h, scheme) for w, h in [(1280, 900), (390, 844)] for scheme in ("light", "dark")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs Debian's chromium when run as root)")
    from generator.render import indexes

    SHOTS.mkdir(exist_ok=True)
    project = make_project(tmp_path_factory.mktemp("browse"), {**ARTICLES, **MORE})
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(indexes, "INDEX_ROWS", 3)
        mp.setattr(indexes, "PAGE_ROWS", 2)
        mp.setattr(indexes, "CHUNK_ROWS", 5)
        code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                     "--docs", str(project / "docs"), "-f", str(project / "mkdocs.yml"),
                     "--site-dir", str(project / "site")])
    assert code == 0
    with serve_directory(project / "site") as url:
        yield url, project / "site"


@pytest.fixture(scope="module")
def browser(site):
    with chromium() as b:
        yield b


@pytest.fixture(params=VIEWS, ids=lambda v: f"{v[0]}px-{v[2]}")
def page(browser, request):
    width, height, scheme = request.param
    with watched_page(browser, scheme, ("error", "warning")) as pg:
        pg.set_viewport_size({"width": width, "height": height})
        pg.view = f"{width}-{scheme}"
        yield pg


def _rows(pg) -> list[list[str]]:
    """The rows shown, once the table has loaded what it needed."""
    pg.wait_for_selector(".ss-table[data-enhanced]:not([data-busy])", timeout=10_000)
    return pg.locator(".ss-table tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.cells].map(td => td.textContent.trim()))")


def _loaded(pg, total: int) -> None:
    pg.wait_for_selector(".ss-table[data-enhanced]:not([data-busy])", timeout=10_000)
    assert f"of {total:,}" in pg.locator(".ss-table__count").inner_text()


def _no_sideways_scroll(pg) -> None:
    assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_actors_table_sorts_filters_and_pages(page, site):
    url, folder = site
    actors = json.loads((folder / "downloads" / "actors.json").read_text(encoding="utf-8"))
    assert len(actors) > 6
    chunks: list[str] = []
    page.on("request", lambda r: chunks.append(r.url.rsplit("/", 1)[1]) if "/downloads/table/" in r.url else None)
    page.goto(url + "actors/")
    assert page.locator(".ss-table").get_attribute("data-total") == str(len(actors))
    _loaded(page, len(actors))  # 3 rows in the HTML, the rest from JSON chunks of 5
    rows = _rows(page)
    assert len(rows) == 2  # pages of 2
    assert int(rows[0][2]) == max(a["articles"] for a in actors)  # most articles first
    assert chunks == ["actors-0.json"]
    order = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "downloads" / "table").glob(
        "actors-*.json"), key=lambda p: int(p.stem.split("-")[1]))]
    order = [a["name"] for part in order for a in part]
    for _ in range(3):  # page 4: rows 7 and 8, in the second chunk
        page.locator(".ss-table__next").click()
    assert [r[0] for r in _rows(page)] == order[6:8]
    assert chunks == ["actors-0.json", "actors-1.json"]
    page.locator(".ss-table__prev").click()
    page.locator(".ss-table__prev").click()
    page.locator(".ss-table__prev").click()
    page.screenshot(path=str(SHOTS / f"browse-actors-{page.view}.png"), full_page=True)
    _no_sideways_scroll(page)
    # sort by name, A-Z then Z-A, case-insensitively
    names = sorted((a["name"] for a in actors), key=str.casefold)
    page.locator("th .ss-table__sort", has_text="Actor").click()
    assert [r[0] for r in _rows(page)] == names[:2]
    assert page.locator("th[data-key=name]").get_attribute("aria-sort") == "ascending"
    page.locator("th .ss-table__sort", has_text="Actor").click()
    assert [r[0] for r in _rows(page)] == names[::-1][:2]
    # pages: next, previous; in the page's own order too, which loads the next chunk only when needed
    page.locator(".ss-table__next").click()
    assert [r[0] for r in _rows(page)] == names[::-1][2:4]
    assert "Page 2 of" in page.locator(".ss-table__where").inner_text()
    page.locator(".ss-table__prev").click()
    assert [r[0] for r in _rows(page)] == names[::-1][:2]
    # filter by kind, then by text
    kind = page.locator(".ss-table__select[aria-label='Filter by kind']")
    kind.select_option("organization")
    orgs = sorted((a["name"] for a in actors if a["kind"] == "organization"), key=str.casefold, reverse=True)
    assert orgs and [r[0] for r in _rows(page)] == orgs[:2] and {r[1] for r in _rows(page)} == {"Organisation"}
    kind.select_option("")
    page.locator(".ss-table__filter").fill("jabbar")
    page.wait_for_function("() => document.querySelectorAll('.ss-table tbody tr').length === 1")
    link = page.locator(".ss-table tbody a", has_text="Hamid Jabbar")
    assert link.count() == 1
    link.click()  # a row loaded from the JSON links to the actor's page
    page.wait_for_function("() => { const h = document.querySelector('article h1'); "
                           "return h && h.textContent.includes('Hamid Jabbar'); }")
    assert page.errors == [] and page.outside == []


def test_quotes_table_filters_by_outlet_and_links_the_paragraph(page, site):
    url, folder = site
    quotes = json.loads((folder / "downloads" / "quotes.json").read_text(encoding="utf-8"))
    page.goto(url + "quotes/")
    _loaded(page, len(quotes))
    page.locator(".ss-table__select[aria-label='Filter by outlet']").select_option("Gulf Daily")
    gulf = [q for q in quotes if q["source"] == "Gulf Daily"]
    assert len(gulf) >= 3
    rows = _rows(page)  # once every chunk is in
    assert f"of {len(gulf)}" in page.locator(".ss-table__count").inner_text()
    assert all(r[3] == "Gulf Daily" for r in rows) and rows[0][2] == "20 November 2019"  # newest first
    href = page.locator(".ss-table tbody tr").first.locator("td").nth(1).locator("a").get_attribute("href")
    assert re.search(r"articles/umm-qasr[^#]*/#p\d+$", href), href
    page.screenshot(path=str(SHOTS / f"browse-quotes-{page.view}.png"), full_page=True)
    _no_sideways_scroll(page)
    assert page.errors == [] and page.outside == []


def _plain(name: str) -> str:
    """A-Z ignoring case and accents, as the table script's collator sorts."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def test_tags_table_and_a_tag_page(page, site):
    url, folder = site
    tags = json.loads((folder / "downloads" / "tags.json").read_text(encoding="utf-8"))
    names = sorted((t["name"] for t in tags), key=_plain)
    assert len(tags) == 8 and "Labour" in names and "labour" not in names  # merged ignoring case
    page.goto(url + "tags/")
    _loaded(page, len(tags))  # 3 rows in the HTML, the rest from the JSON
    assert [r[0] for r in _rows(page)] == names[:2] == ["Économie", "Education"]  # A-Z, ignoring case and accents
    page.locator(".ss-table__next").click()
    page.locator(".ss-table__next").click()
    assert [r[0] for r in _rows(page)] == names[4:6]  # from the JSON
    page.locator("th .ss-table__sort", has_text="Articles").click()
    assert _rows(page) == [["Labour", "4"], ["Strikes", "2"]]  # most articles first
    page.screenshot(path=str(SHOTS / f"browse-tags-{page.view}.png"), full_page=True)
    _no_sideways_scroll(page)
    page.locator(".ss-table__filter").fill("lab")
    page.wait_for_function("() => document.querySelectorAll('.ss-table tbody tr').length === 1")
    page.locator(".ss-table tbody a", has_text="Labour").click()
    page.wait_for_url("**/tags/labour/")
    assert page.locator("article h1").inner_text().strip("¶ \n") == "Labour"
    _loaded(page, 4)
    records = [json.loads(x) for x in (folder / "downloads" / "records.jsonl").read_text(encoding="utf-8").split("\n")
               if x]
    labour = sorted((r for r in records if any(t.casefold() == "labour" for t in r["tags"])), key=lambda r: r["date"],
                    reverse=True)
    assert [r[0] for r in _rows(page)] == [r["title"] for r in labour[:2]]  # newest first
    page.locator(".ss-table__next").click()
    assert [r[0] for r in _rows(page)] == [r["title"] for r in labour[2:4]]  # the fourth row from the JSON
    page.screenshot(path=str(SHOTS / f"browse-tag-page-{page.view}.png"), full_page=True)
    _no_sideways_scroll(page)
    page.locator(".ss-table tbody a").last.click()  # a row from the JSON links to its article
    page.wait_for_selector("article h1")
    assert page.locator("article h1").inner_text().strip("¶ \n") == labour[3]["title"]
    tag = page.locator("nav.ss-tags a.md-tag", has_text="labour")  # the article's own spelling
    assert tag.count() == 1
    tag.click()
    page.wait_for_url("**/tags/labour/")
    assert page.errors == [] and page.outside == []


def test_index_pages_fit(page, site):
    """Every index page and a tag page, once their tables have loaded: screenshots, no sideways scroll."""
    url, _ = site
    for name in ("articles", "actors", "places", "quotes", "tags", "tags/labour"):
        page.goto(f"{url}{name}/")
        page.wait_for_selector(".ss-table[data-enhanced]:not([data-busy])", timeout=10_000)
        page.screenshot(path=str(SHOTS / f"index-{name.replace('/', '-')}-{page.view}.png"), full_page=True)
        _no_sideways_scroll(page)
    # the map's online tiles are blocked: they fail, as "request failed: <tile URL>" and unnamed console lines
    assert [x for x in page.errors if "tile.openstreetmap.org" not in x and "Failed to load resource" not in x] == []
    assert [u for u in page.outside if "tile.openstreetmap.org" not in u] == []


@pytest.mark.parametrize("query, first", [("Adel Karim", "actors/adel-karim/"),
                                          ("hamid jabbar", "actors/hamid-jabbar/"), ("Basra", "places/basra/")])
def test_search_shows_the_own_page_first(page, site, query, first):
    url, _ = site
    page.goto(url + "articles/")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 1", timeout=20_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert hrefs[0] == url + first, hrefs
    index_pages = {url + p for p in ("", "articles/", "actors/", "places/", "quotes/", "tags/")}
    assert not index_pages & set(hrefs), hrefs
    if query == "Adel Karim":  # a quote is shown with its speaker
        page.screenshot(path=str(SHOTS / f"browse-search-{page.view}.png"))
    assert page.errors == [] and page.outside == []


def test_feed_is_discovered_and_downloads_open(page, site):
    url, _ = site
    page.goto(url + "actors/adel-karim/")
    feed_href = page.locator("head link[rel=alternate][type='application/atom+xml']").evaluate("l => l.href")
    feed = feedparser.parse(page.request.get(feed_href).body())
    assert not feed.bozo and feed.entries[0].title == "Teachers in Erbil end a week-long strike"  # the newest
    csv_link = page.locator("a", has_text="as CSV")
    body = page.request.get(csv_link.evaluate("a => a.href")).body()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows and {r["speaker"] for r in rows} == {"Adel Karim"}
    page.goto(url + "quotes/")
    for name in ("quotes.csv", "quotes.json", "records.jsonl"):
        href = page.locator(f"a[href$='{name}']").first.evaluate("a => a.href")
        assert page.request.get(href).ok, href
    assert page.errors == [] and page.outside == []


def test_tables_read_without_javascript(browser, site):
    url, _ = site
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    try:
        pg.goto(url + "actors/")
        assert pg.locator(".ss-table tbody tr").count() == 3  # the first rows, as plain HTML
        assert pg.locator(".ss-table__tools").count() == 0
        assert "with JavaScript the table sorts" in pg.locator("article").inner_text()
    finally:
        context.close()

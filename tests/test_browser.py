"""The site as a reader meets it, in headless Chromium: search, an article page, the theme toggle, phone width.

Builds the seed article (plus one dated article) with the real CLI into a temporary project, serves it on
loopback with `http.server`, and drives Debian's /usr/bin/chromium through Playwright (no browser
download). Every request that leaves loopback is blocked: a page that needs a CDN shows it as an error.
Screenshots of home, an article, an actor and the map go to screenshots/ (git-ignored).
"""

from __future__ import annotations

import re

import pytest

from tests.browser import DATED_ARTICLE, built_site, chromium, watched_page
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
ARTICLE_TITLE = "Trump administration hosts first anti-ISIL meeting"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    with built_site(tmp_path_factory.mktemp("browser"), {"dated.md": DATED_ARTICLE}) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site_url):
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, site_url):
    """A fresh page (own storage, light colour scheme) that records console errors and outside requests."""
    with watched_page(browser) as pg:
        yield pg


def _article_url(pg) -> str:
    """The article's address, as the link on the current page resolves it."""
    return pg.locator("a", has_text=ARTICLE_TITLE).first.evaluate("a => a.href")


def test_search_finds_the_article_by_speaker(page, site_url):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("Pahon", delay=40)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20_000)
    page.wait_for_function(
        "t => [...document.querySelectorAll('.md-search-result__item')].some(e => e.textContent.includes(t))",
        arg=ARTICLE_TITLE, timeout=20_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert any("articles/trump-administration" in h for h in hrefs), hrefs
    assert any("actors/eric-pahon" in h for h in hrefs), hrefs
    # words from a quote find the article too
    box.fill("")
    box.press_sequentially("strategic target", delay=40)
    page.wait_for_function(
        "t => [...document.querySelectorAll('.md-search-result__item')].some(e => e.textContent.includes(t))",
        arg="significant strategic target", timeout=20_000)
    assert page.errors == [] and page.outside == []


def test_article_page_loads_without_console_errors(page, site_url):
    page.goto(site_url)
    page.goto(_article_url(page))
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().strip("¶ \n") == ARTICLE_TITLE
    assert page.locator("a[href*='actors/eric-pahon']").count() >= 1
    page.wait_for_timeout(500)  # late script errors
    assert page.errors == [], page.errors
    assert page.outside == [], page.outside  # nothing from a CDN


def test_light_dark_toggle_changes_the_palette(page, site_url):
    page.goto(site_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    toggle = page.locator("form[data-md-component='palette'] label.md-header__button:visible")
    assert toggle.count() == 1
    toggle.click()
    page.wait_for_function(f"{scheme} === 'slate'", timeout=5_000)
    page.reload()  # the choice is kept
    assert page.evaluate(scheme) == "slate"
    toggle.click()
    page.wait_for_function(f"{scheme} === 'default'", timeout=5_000)
    assert page.errors == []


def test_timeline_and_home(page, site_url):
    page.goto(site_url)
    latest = page.locator("#latest-articles ~ ul li")
    assert latest.count() == 2
    assert "Ministers meet in Mosul" in latest.nth(0).inner_text() and "9 March 2017" in latest.nth(0).inner_text()
    assert ARTICLE_TITLE in latest.nth(1).inner_text() and "undated" in latest.nth(1).inner_text()
    page.goto(site_url + "articles/")
    page.wait_for_selector(".ss-table__tools")  # the table script ran
    rows = page.locator(".ss-table tbody tr").all_inner_texts()
    assert len(rows) == 2
    assert "Ministers meet in Mosul" in rows[0] and "9 March 2017" in rows[0] and "Example Wire" in rows[0]
    assert ARTICLE_TITLE in rows[1] and "undated" in rows[1]  # undated last


def test_map_plots_places_with_coordinates_and_keeps_the_list(page, site_url):
    page.goto(site_url + "places/")
    page.locator(".ss-map .leaflet-interactive").first.wait_for(timeout=10_000)
    plotted = page.locator(".ss-map .leaflet-interactive").count()
    listed = page.locator("article table a").count()
    assert 3 <= plotted <= listed
    assert page.locator("article table a", has_text="Raqqa").count() == 1
    # tiles come from OpenStreetMap, which this test blocks: only tile requests may have failed
    assert [u for u in page.outside if "tile.openstreetmap.org" not in u] == []
    page.goto(site_url + "places/raqqa/")
    page.locator(".ss-map .leaflet-interactive").first.wait_for(timeout=10_000)
    assert page.locator(".ss-map .leaflet-interactive").count() == 1


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)])
def test_screenshots_and_phone_width(browser, site_url, width, height):
    """Screenshots for a person to look at; at phone width no page may scroll sideways."""
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    pg = context.new_page()
    try:
        pg.goto(site_url)
        article = _article_url(pg).removeprefix(site_url)
        for name, path in [("home", ""), ("article", article), ("actor", "actors/eric-pahon/"),
                           ("map", "places/"), ("timeline", "articles/")]:
            pg.goto(site_url + path)
            pg.wait_for_load_state("load")
            if name == "map":
                pg.locator(".ss-map .leaflet-interactive").first.wait_for(timeout=10_000)
            pg.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=width < 1000)
            overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()


def test_map_data_from_articles_cannot_inject_markup(page):
    """A place name is data: JSON in an HTML-escaped attribute, read back exactly, never run."""
    from generator.aggregate import Entry
    from generator.render.pages import map_block

    hostile = """Ra"qqa' </div><script>window.pwned=1</script> <img src=x onerror="window.pwned=2"> &amp; \\u003c"""
    places = [Entry(id="raqqa", name=hostile, kind="city", lat=35.95, lon=39.0, articles=["a"]),
              Entry(id="nowhere", name="No coordinates", kind="city"),
              Entry(id="null-island", name="Placeholder", kind="city", lat=0.0, lon=0.0),
              Entry(id="bad", name="Out of range", kind="city", lat=123.0, lon=10.0)]
    block = map_block(places)
    assert "<script" not in block and "<img" not in block and block.count("<div") == 1
    page.set_content(f"<!doctype html><body>{block}<p id=after>after</p></body>")
    data = page.evaluate("JSON.parse(document.querySelector('.ss-map').dataset.places)")
    assert [d["name"] for d in data] == [hostile]  # only the place with real coordinates, name intact
    assert page.evaluate("window.pwned") is None
    assert page.locator("script, img").count() == 0 and page.locator("#after").count() == 1

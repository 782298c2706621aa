"""A story page in headless Chromium (every outside request blocked), at phone and desktop width in both
palettes: it fits, lists its articles side by side, and its links lead to the articles and back.
Screenshots go to screenshots/."""

from __future__ import annotations

import pytest

from tests import story_texts as T
from tests.browser import built_site, chromium, watched_page
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
SIZES = [(1280, 900), (390, 844)]


def _md(spec) -> str:
    title, source, date, paragraphs = spec
    return f"---\ntitle: {title}\ndate: {date}\nsource: {source}\n---\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    articles = {"gazette.md": _md(T.FLOOD_GAZETTE), "courier.md": _md(T.FLOOD_COURIER),
                "sport.md": _md(T.FILLERS[0]), "museum.md": _md(T.FILLERS[3])}
    with built_site(tmp_path_factory.mktemp("stories"), articles) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site_url):
    with chromium() as b:
        yield b


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_story_page_fits_and_links_both_ways(browser, site_url, width, height, scheme):
    with watched_page(browser, color_scheme=scheme) as pg:
        pg.set_viewport_size({"width": width, "height": height})
        pg.goto(site_url + "stories/")
        link = pg.locator("article table a").first
        assert "Tewkesbury" in link.inner_text() or "Severn" in link.inner_text()
        link.click()
        pg.wait_for_selector("section.ss-story-article")
        sections = pg.locator("section.ss-story-article")
        assert sections.count() == 2
        heads = [sections.nth(k).locator("h2").inner_text() for k in range(2)]
        assert heads[0].startswith("Harbour Gazette") and heads[1].startswith("Western Courier"), heads
        assert "Helen Pryce" in sections.nth(0).inner_text()  # the quotes it chose, with their speaker
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, overflow
        colour = pg.evaluate("getComputedStyle(document.querySelector('.ss-story-article h2')).color")
        light_text = sum(map(int, colour[colour.index("(") + 1:-1].split(",")[:3])) > 3 * 128
        assert light_text == (scheme == "dark"), colour
        SHOTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(SHOTS / f"story-{scheme}-{width}.png"), full_page=True)
        sections.nth(1).locator("strong a").first.click()
        pg.wait_for_selector("#same-story-elsewhere")
        assert "Harbour Gazette" in pg.locator("ul.ss-same-story").inner_text()
        pg.locator("#same-story-elsewhere + p a").click()
        pg.wait_for_selector("section.ss-story-article")
        assert pg.outside == [] and pg.errors == []

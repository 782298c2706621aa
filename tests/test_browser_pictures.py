"""The pictures in headless Chromium with every outside request blocked: the map's offline country outlines
and the timelines, at phone and desktop width, in both palettes. Screenshots go to screenshots/."""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.browser import DATED_ARTICLE, built_site, chromium, watched_page
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
SIZES = [(1280, 900), (390, 844)]
SECOND = DATED_ARTICLE.replace("2017-03-09", "2017-05-02").replace("Ministers meet in Mosul", "Mosul bridges")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    with built_site(tmp_path_factory.mktemp("pictures"), {"dated.md": DATED_ARTICLE, "later.md": SECOND}) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site_url):
    with chromium() as b:
        yield b


def _sized(pg, width, height):
    pg.set_viewport_size({"width": width, "height": height})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_map_has_country_outlines_offline(browser, site_url, width, height, scheme):
    with watched_page(browser, color_scheme=scheme) as pg:
        _sized(pg, width, height)
        pg.goto(site_url + "places/")
        # Natural Earth's 177 countries, most of them in view
        pg.wait_for_function("document.querySelectorAll('.ss-map path.ss-map__land').length > 150", timeout=15_000)
        shown = pg.evaluate("[...document.querySelectorAll('.ss-map path.ss-map__land')]"
                            ".filter(p => p.getBoundingClientRect().width > 2).length")
        assert shown > 120, shown
        assert pg.locator(".ss-map .ss-map__marker").count() >= 3
        land = pg.evaluate("getComputedStyle(document.querySelector('.ss-map__land')).fill")
        water = pg.evaluate("getComputedStyle(document.querySelector('.ss-map')).backgroundColor")
        assert land != water
        dark = scheme == "dark"
        assert (sum(map(int, land[4:-1].split(","))) < 3 * 128) == dark, land  # dark land in the dark palette
        # only the online extra (tiles) was asked of the outside world, and nothing else failed
        assert [u for u in pg.outside if "tile.openstreetmap.org" not in u] == []
        assert [x for x in pg.errors if x.startswith("uncaught")] == []  # the failed tiles log unnamed lines
        pg.wait_for_timeout(300)
        SHOTS.mkdir(exist_ok=True)
        pg.locator(".ss-map").first.screenshot(path=str(SHOTS / f"map-offline-{scheme}-{width}.png"))
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0


def _crowded(route):
    """The Places page with 80 made-up places around the Tigris in its map's data: clustered markers."""
    body = route.fetch().text()
    places = [{"id": "raqqa", "name": f"Village {k}", "lat": 33 + (k % 10) * 0.3, "lon": 43 + (k // 10) * 0.3,
               "n": 1 + k % 5} for k in range(80)]
    data = html.escape(json.dumps(places), quote=True)
    body = re.sub(r'(<div class="ss-map" data-places=")[^"]*"', lambda m: m[1] + data + '"', body, count=1)
    route.fulfill(body=body, content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_crowded_map_clusters_in_the_palette(browser, site_url, width, height, scheme):
    with watched_page(browser, color_scheme=scheme) as pg:
        _sized(pg, width, height)
        pg.route(site_url + "places/", _crowded)
        pg.goto(site_url + "places/")
        pg.locator(".ss-map .marker-cluster").first.wait_for(timeout=15_000)
        pg.wait_for_function("document.querySelectorAll('.ss-map path.ss-map__land').length > 150", timeout=15_000)
        colours = pg.evaluate("""() => { const d = document.querySelector('.ss-map .marker-cluster div');
            const s = getComputedStyle(d); return [s.backgroundColor, s.color,
            getComputedStyle(d.parentElement).backgroundColor]; }""")
        fill, text, halo = (_rgb(c) for c in colours)
        assert _contrast(fill, text) >= 4.5, colours  # the count reads in either palette
        assert sum(fill) < 3 * 160, colours  # not the plugin's pale green, which glared on the dark map
        assert (sum(halo[:3]) > 3 * 128) == (scheme == "dark"), colours  # the halo shows on the map's water
        SHOTS.mkdir(exist_ok=True)
        pg.wait_for_timeout(300)
        pg.locator(".ss-map").first.screenshot(path=str(SHOTS / f"map-clusters-{scheme}-{width}.png"))
        assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert [x for x in pg.errors if x.startswith("uncaught")] == []


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css))


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """WCAG contrast ratio of two opaque sRGB colours."""
    def lum(c):
        ch = [x / 255 for x in c[:3]]
        ch = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_timelines_fit_and_have_a_text_equivalent(browser, site_url, width, height, scheme):
    with watched_page(browser, color_scheme=scheme) as pg:
        _sized(pg, width, height)
        pg.goto(site_url + "actors/adel-karim/")
        chart = pg.locator("figure.ss-chart").first
        chart.wait_for()
        svg = chart.locator("svg")
        assert svg.get_attribute("role") == "img"
        assert pg.evaluate("document.querySelector('.ss-chart svg').getAttribute('aria-labelledby')"
                           ".split(' ').every(id => document.getElementById(id).textContent.length > 10)")
        box = svg.bounding_box()
        assert 0 < box["width"] <= width and box["height"] > 40
        bars = pg.evaluate("[...document.querySelectorAll('.ss-chart rect')].map(r => getComputedStyle(r).fill)")
        assert len(bars) >= 2 and all(b not in ("none", "rgb(0, 0, 0)") for b in bars), bars
        chart.locator("summary").click()
        assert "March 2017" in chart.locator("table").inner_text()
        SHOTS.mkdir(exist_ok=True)
        chart.screenshot(path=str(SHOTS / f"timeline-actor-{scheme}-{width}.png"))
        pg.goto(site_url + "articles/")
        wide = pg.locator("figure.ss-chart--wide")
        wide.wait_for()
        assert "undated" in wide.inner_text()
        wide.screenshot(path=str(SHOTS / f"timeline-outlets-{scheme}-{width}.png"))
        assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert pg.errors == [] and pg.outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_explore_network_zooms_pans_and_links_to_actor_pages(browser, site_url, width, height, scheme):
    with watched_page(browser, color_scheme=scheme) as pg:
        _sized(pg, width, height)
        pg.goto(site_url + "explore/")
        svg = pg.locator("figure.ss-net svg")
        svg.wait_for()
        assert svg.get_attribute("role") == "img"
        assert pg.locator("figure.ss-net circle").count() >= 3
        box = svg.bounding_box()
        assert 0 < box["width"] <= width
        before = svg.get_attribute("viewBox")
        pg.get_by_role("button", name="Zoom in").click()
        zoomed = svg.get_attribute("viewBox")
        assert zoomed != before and float(zoomed.split()[2]) < float(before.split()[2])
        pg.mouse.move(box["x"] + 5, box["y"] + 5)
        pg.mouse.down()
        pg.mouse.move(box["x"] + 60, box["y"] + 40, steps=4)
        pg.mouse.up()
        assert svg.get_attribute("viewBox").split()[:2] != zoomed.split()[:2]  # dragged
        pg.get_by_role("button", name="Reset the view").click()
        assert svg.get_attribute("viewBox") == before
        SHOTS.mkdir(exist_ok=True)
        pg.locator("figure.ss-net").screenshot(path=str(SHOTS / f"network-{scheme}-{width}.png"))
        pg.locator("figure.ss-net summary").click()
        assert pg.locator("figure.ss-net table tbody tr").count() >= 2  # the text equivalent
        node = pg.locator("figure.ss-net svg a", has_text="Eric Pahon")
        node.locator("circle").click()
        pg.wait_for_url("**/actors/eric-pahon/")
        assert pg.locator("h1").first.inner_text().strip("¶ \n") == "Eric Pahon"
        pg.locator("figure.ss-net--small svg").wait_for()
        assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert pg.errors == [] and pg.outside == []

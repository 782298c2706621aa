"""A light first visit: sitemap.xml is a small index of parts, so no file that grows with the collection is
fetched by the theme on every first visit."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

import pytest

from generator.render import sitemap
from tests.browser import CHROMIUM, chromium, serve_directory, watched_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _mkdocs_sitemap(n: int) -> str:
    urls = "\n".join(f"    <url>\n         <loc>https://example.org/news/articles/a-{i}/</loc>\n"
                     f"         <lastmod>2026-12-01</lastmod>\n    </url>" for i in range(n))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n{urls}\n</urlset>')


def test_parts_hold_every_url_once_and_the_index_points_at_them(monkeypatch):
    monkeypatch.setattr(sitemap, "PART_URLS", 4)
    files = sitemap.parts(_mkdocs_sitemap(10), "https://example.org/news")
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locs = [x.text for x in index.findall("s:sitemap/s:loc", NS)]
    assert locs == [f"https://example.org/news/sitemaps/pages-{k}.xml" for k in (1, 2, 3)]
    urls = [x.text for k in (1, 2, 3)
            for x in ET.fromstring(files[f"sitemaps/pages-{k}.xml"]).findall("s:url/s:loc", NS)]
    assert urls == [f"https://example.org/news/articles/a-{i}/" for i in range(10)]


def test_the_index_stays_small_at_any_size():
    small = sitemap.parts(_mkdocs_sitemap(10), "https://example.org/")["sitemap.xml"]
    large = sitemap.parts(_mkdocs_sitemap(25_000), "https://example.org/")["sitemap.xml"]
    assert len(large) < 1000 and len(large) - len(small) < 200


@pytest.fixture(scope="module")
def site(seed_site):
    return seed_site / "site"


def test_built_site_has_the_index_and_its_parts(site):
    index = ET.fromstring((site / "sitemap.xml").read_text(encoding="utf-8"))
    (loc,) = [x.text for x in index.findall("s:sitemap/s:loc", NS)]
    assert loc.endswith("/sitemaps/pages-1.xml")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    part = (site / "sitemaps" / "pages-1.xml").read_text(encoding="utf-8")
    articles = [p.name for p in (site / "articles").iterdir() if p.is_dir()]
    assert articles and all(re.search(rf"<loc>[^<]*/articles/{re.escape(a)}/</loc>", part) for a in articles)
    assert "/actors/" in part and "/places/" in part


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_first_visit_fetches_only_the_small_sitemap(site):
    with serve_directory(site) as url, chromium() as browser, watched_page(browser) as pg:
        fetched: list[tuple[str, int]] = []
        pg.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
        pg.goto(url, wait_until="networkidle")
        pg.wait_for_timeout(500)
        assert pg.errors == []
        assert not [u for u, _ in fetched if "/sitemaps/" in u]
        assert all(n < 1000 for u, n in fetched if u.endswith("sitemap.xml"))

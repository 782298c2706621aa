"""The chunked search (Pagefind) in headless Chromium, and the built-in search kept for small sites.

A few short articles are built with the chunked search forced on (plugin option `search: chunked` in
mkdocs.yml), into a sub-path (`/news/`) of a loopback `http.server`, as on GitHub Pages: typing a speaker's
name in the header box lists the article, a facet narrows the results, nothing leaves loopback and the
console stays clean. `search: builtin` keeps Material's built-in search.
"""

from __future__ import annotations

import pytest

from generator.cli import main
from tests.browser import CHROMIUM, DATED_ARTICLE, chromium, serve_directory, watched_page
from tests.conftest import make_project

pytestmark = pytest.mark.browser

ARTICLES = {
    "mosul.md": DATED_ARTICLE,
    "basra.md": """---
title: Basra port reopens after dredging works
date: 2018-06-02
source: Gulf Daily
---

The port of Basra reopened to container ships on Monday after six months of dredging works.

"Trade will be back to normal within weeks," said Adel Karim, a spokesman for the transport ministry.
""",
    "erbil.md": """---
title: Farmers in Erbil count the cost of the drought
date: 2019-08-15
source: Example Wire
---

Farmers around Erbil say this year's wheat harvest is the smallest in a decade.

"We have never seen the river so low," said Layla Hassan, who farms near the city.
""",
}
MOSUL = "Ministers meet in Mosul to plan reconstruction"
BASRA = "Basra port reopens after dredging works"


@pytest.fixture(scope="module")
def chunked_url(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    project = make_project(tmp_path_factory.mktemp("chunked"), ARTICLES, seed=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      search: auto\n" in text
    config.write_text(text.replace("      search: auto\n", "      search: chunked\n"), encoding="utf-8")
    www = project / "www"
    site = www / "news"
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(config), "--site-dir", str(site)])
    assert code == 0
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "search" / "search_index.json").exists()  # Material's index is not shipped
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in home and "summary-site-search.js" in home

    with serve_directory(www) as url:
        yield url + "news/"


@pytest.fixture(scope="module")
def browser(chunked_url):
    with chromium() as b:
        yield b


@pytest.fixture(params=["light", "dark"])
def page(browser, request):
    with watched_page(browser, request.param, ("error", "warning")) as pg:
        yield pg


def _titles(pg) -> list[str]:
    return pg.locator(".md-search-result__item h1").all_inner_texts()


def _wait_titles(pg, check: str, arg) -> None:
    pg.wait_for_function(
        "([check, t]) => { const got = [...document.querySelectorAll('.md-search-result__item h1')]"
        ".map(e => e.textContent); return check === 'has' ? got.includes(t) : got.length && !got.includes(t); }",
        arg=[check, arg], timeout=20_000)


def test_speaker_search_and_facet(page, chunked_url):
    page.goto(chunked_url + "articles/")
    page.keyboard.press("/")  # Material's shortcut focuses the header box
    box = page.locator("input.md-search__input")
    assert page.evaluate("document.activeElement && document.activeElement.matches('input.md-search__input')")
    box.press_sequentially("Karim", delay=40)
    _wait_titles(page, "has", MOSUL)
    _wait_titles(page, "has", BASRA)
    titles = _titles(page)
    assert not any("Erbil" in t for t in titles), titles
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert all(h.startswith(chunked_url) for h in hrefs), hrefs  # the sub-path is kept
    excerpt = page.locator(".md-search-result__item mark").first
    assert excerpt.inner_text().lower().startswith("karim")  # a highlighted excerpt
    # a facet narrows the results: the source of one article
    source = page.locator(".ss-search-facets select[name=source]")
    assert any(o.startswith("Gulf Daily") for o in source.locator("option").all_inner_texts())
    before = len(_titles(page))
    source.select_option("Gulf Daily")
    _wait_titles(page, "lacks", MOSUL)
    after = _titles(page)
    assert BASRA in after and len(after) < before, (before, after)
    # Esc closes the search; a result opens the article
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    box.click()
    page.locator(".md-search-result__item a", has_text=BASRA).first.click()
    page.wait_for_function("t => document.querySelector('h1') && document.querySelector('h1').textContent"
                           ".includes(t)", arg=BASRA, timeout=10_000)
    page.wait_for_timeout(300)
    assert page.errors == [], page.errors
    assert page.outside == [], page.outside


def test_article_page_carries_facets(chunked_url, browser):
    context = browser.new_context()
    pg = context.new_page()
    try:
        pg.goto(chunked_url + "articles/")
        pg.locator("a", has_text=BASRA).first.click()
        pg.wait_for_load_state("load")
        filters = pg.locator("[data-pagefind-filter]").evaluate_all("els => els.map(e => e.dataset.pagefindFilter)")
        assert "source:Gulf Daily" in filters and "year:2018" in filters
        assert pg.locator(".ss-facets").is_hidden()
    finally:
        context.close()


def test_builtin_search_when_chosen(tmp_path):
    """`search: builtin` keeps Material's own search (the default is Pagefind at every size)."""
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      search: auto\n", "      search: builtin\n"),
                      encoding="utf-8")
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(config), "--site-dir", str(project / "site")])
    assert code == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' in home
    assert "summary-site-search" not in home and "data-pagefind-body" not in home
    assert (project / "site" / "search" / "search_index.json").is_file()
    assert not (project / "site" / "pagefind").exists()


def test_facet_values_are_escaped():
    from generator.records import Actor, Record, Summary
    from generator.render.pages import facets_block

    hostile = 'Ra"qqa\' </div><script>x()</script> & \x02wzxhzdk:0\x03'
    r = Record(path="x", id="x", title="t", standfirst="", source=hostile, date="2019-01-02",
               summary=Summary(), actors=[Actor(name=hostile, kind="person")], places=[], quotes=[], paragraphs=[])
    block = facets_block(r)
    assert "<script" not in block and "</div><" not in block and "\x02" not in block
    assert block.count("<div") == 1 and block.count("<span") == 2 + 1  # source, year, actor
    assert 'data-pagefind-filter="year:2019"' in block

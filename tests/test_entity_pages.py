"""Pages only where they add something: an actor or place named in one article lives on that article's page;
a second article gives it a page of its own, at the URL its name gives it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from generator.cli import main
from tests.browser import CHROMIUM, chromium, serve_directory, watched_page
from tests.conftest import make_project

BRIDGE = """Council approves new bridge over the Aire

Leeds City Council approved a new footbridge over the River Aire in Leeds on Tuesday after a long debate.

"This bridge will connect two neighbourhoods that have been cut off from each other for decades," said \
Margaret Okafor, the council's head of transport.

Margaret Okafor said work would begin in the spring and take about eighteen months.
"""

BUSES = """Night buses return to Leeds

Night buses will run again in Leeds from next month, the council said on Friday.

"People who work late deserve a safe way home," said Margaret Okafor, who leads transport at the council.

Okafor said the service would be reviewed after six months.
"""

FERRY = """Ferry operator adds winter sailings

A ferry operator in Aberdeen will add two winter sailings to Shetland, its chief executive said.

"Demand has never been higher in the dark months," said Tobias Lindqvist, the company's chief executive.

Lindqvist said the extra crossings would start in November.
"""


def _build(project: Path, *extra: str) -> int:
    return main(["build", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                 "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"), *extra])


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _article(site: Path, title_word: str) -> str:
    for page in (site / "articles").glob("*/index.html"):
        text = page.read_text(encoding="utf-8")
        if title_word in text.split("<title>")[1].split("</title>")[0]:
            return text
    raise AssertionError(f"no article page titled with {title_word!r}")


def test_one_article_actor_lives_on_its_article_two_get_a_page(tmp_path, nlp):
    project = make_project(tmp_path / "p", {"bridge.txt": BRIDGE, "buses.txt": BUSES, "ferry.txt": FERRY},
                           seed=False, min_articles=2)
    assert _build(project) == 0  # mkdocs --strict: no link to a page that is not there
    site = project / "site"
    assert (site / "actors" / "margaret-okafor" / "index.html").exists()
    assert not (site / "actors" / "tobias-lindqvist").exists()
    assert (site / "places" / "leeds" / "index.html").exists()
    assert not (site / "places" / "aberdeen").exists()
    ferry = _article(site, "Ferry")
    assert "Tobias Lindqvist" in ferry and "actors/tobias-lindqvist" not in ferry  # listed, not linked
    assert "name:tobias lindqvist" in ferry  # the search box finds his article as his page
    assert "../../actors/margaret-okafor/" in _article(site, "bridge")
    actors = {row["name"]: row for row in _csv(site / "downloads" / "actors.csv")}
    assert actors["Margaret Okafor"]["page"] == "actors/margaret-okafor/"
    assert actors["Tobias Lindqvist"]["page"] == "" and actors["Tobias Lindqvist"]["articles"] == "1"
    places = {row["name"]: row for row in _csv(site / "downloads" / "places.csv")}
    assert places["Leeds"]["page"] == "places/leeds/" and places["Aberdeen"]["page"] == ""
    table = json.loads((site / "downloads" / "table" / "actors-0.json").read_text(encoding="utf-8"))
    assert "Margaret Okafor" in {x["name"] for x in table} and "Tobias Lindqvist" not in {x["name"] for x in table}
    quotes = json.loads((site / "downloads" / "table" / "quotes-0.json").read_text(encoding="utf-8"))
    assert {x["speaker_id"] for x in quotes if x["speaker"] == "Tobias Lindqvist"} == {None}
    assert not (site / "downloads" / "quotes" / "tobias-lindqvist.csv").exists()
    assert "more people, organisations and groups are named in too few articles" in (
        site / "actors" / "index.html").read_text(encoding="utf-8")

    if CHROMIUM is not None:  # the search box shows his article first for his name
        with serve_directory(site) as url, chromium() as browser, watched_page(browser) as pg:
            pg.goto(url + "articles/")
            pg.keyboard.press("/")
            pg.locator("input.md-search__input").press_sequentially("Tobias Lindqvist", delay=30)
            pg.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0",
                                 timeout=20_000)
            first = pg.locator(".md-search-result__item a").first
            assert "Ferry operator adds winter sailings" in first.inner_text()
            assert pg.errors == [] and pg.outside == []

    # a second article names him: his page appears, at the URL his name gives, and the first article links it
    (project / "seeds" / "ferry2.txt").write_text(FERRY.replace("adds winter", "confirms summer").replace(
        "add two winter sailings", "keep its summer timetable"), encoding="utf-8")
    assert _build(project) == 0
    assert (site / "actors" / "tobias-lindqvist" / "index.html").exists()
    assert "../../actors/tobias-lindqvist/" in _article(site, "adds winter")


def test_threshold_is_a_plugin_option(tmp_path, nlp):
    project = make_project(tmp_path / "p", {"ferry.txt": FERRY}, seed=False, min_articles=1)
    assert "min_articles: 1" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert _build(project) == 0
    assert (project / "site" / "actors" / "tobias-lindqvist" / "index.html").exists()
    assert (project / "site" / "places" / "aberdeen" / "index.html").exists()

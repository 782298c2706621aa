"""A sharded build (generator/sharded.py): articles over three years, at most two articles a shard.

The merged site must be the site one MkDocs run makes (same article and hub pages), every link in it must
resolve, every shard must have its search bundle, and a new article must rebuild only its shard and the hub.
"""

from __future__ import annotations

import json
import os
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.render.plugin import SHARDED_META
from generator.shards import plan
from tests.conftest import make_project

ARTICLES = {
    "bridge.md": ("2019-03-02", "Harbour bridge reopens",
                  "Mayor Ellen Varga reopened the Harbour Bridge in Portmouth on Monday. \"The bridge is safe "
                  "again,\" Varga said. Engineer Tomas Rind said the repairs had taken six months."),
    "tram-vote.md": ("2019-11-20", "Portmouth council votes on a tram",
                     "The Portmouth council voted for a new tram line. Ellen Varga said the tram would open in "
                     "2022. Tomas Rind warned about the cost of the lighthouse quarter stop."),
    "flood.md": ("2020-05-14", "Flood closes the Harbour Bridge",
                 "Heavy rain flooded Portmouth overnight. Ellen Varga closed the Harbour Bridge. \"Stay at home "
                 "tonight,\" she said."),
    "tram-works.md": ("2020-08-01", "Tram works begin",
                      "Work on the tram began in Portmouth. Tomas Rind said the first rails were laid."),
    "tram-opens.md": ("2021-02-10", "Tram line opens early",
                      "The tram line opened in Portmouth a year early. Ellen Varga said: \"This is a great day "
                      "for the city.\""),
}
NEW = ("2021-06-30", "Tram fares cut for students",
       "Portmouth cut tram fares for students. Ellen Varga said the fares would be halved from July.")


def article(date: str, title: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndate: {date}\nsource: Portmouth Post\n---\n\n{body}\n\n"
            "It was the talk of the market for a week.\n")


def test_plan_by_year_then_runs_of_months():
    months = {"a": "2019-01", "b": "2019-02", "c": "2019-02", "d": "2019-07", "e": "2020-01", "f": "",
              "g": "2021-13x"}
    assert plan(months, 3) == {"2019-01--02": ["a", "b", "c"], "2019-07": ["d"], "2020": ["e"],
                               "undated": ["f", "g"]}
    assert plan(months, 10) == {"2019": ["a", "b", "c", "d"], "2020": ["e"], "undated": ["f", "g"]}
    big = {f"x{i}": "2018-05" for i in range(5)}  # a month is never split
    assert plan(big, 2) == {"2018-05": sorted(big)}


def _build(project: Path, config: str = "mkdocs.yml", site: str = "site") -> int:
    from generator.cli import main

    return main(["build", "-q", "--no-cache", "-j", "2", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(project / config), "--site-dir", str(project / site)])


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    project = make_project(tmp_path_factory.mktemp("shards"), {k: article(*v) for k, v in ARTICLES.items()},
                           seed=False)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      min_articles: 1\n",
                                                       "      min_articles: 1\n      shard_articles: 2\n"))
    (project / "one.yml").write_text(config.replace("      min_articles: 1\n",
                                                    "      min_articles: 1\n      shard_articles: 0\n"))
    assert _build(project) == 0
    return project


def _cache(project: Path) -> dict[str, list[str]]:
    root = project / ".site-shards"
    return {p.name: sorted(x.name for x in p.iterdir()) for p in root.iterdir() if not p.name.startswith(".")}


def test_every_article_is_in_the_merged_site_as_one_run_builds_it(project):
    assert sorted(_cache(project)) == ["2019", "2020", "2021", "hub"]
    assert _build(project, "one.yml", "site-one") == 0  # the same pages, one MkDocs run
    site, one = project / "site", project / "site-one"
    pages = sorted(p.relative_to(one).as_posix() for p in one.rglob("*.html"))
    assert len([p for p in pages if p.startswith("articles/") and p != "articles/index.html"]) == 5
    meta = SHARDED_META.encode() + b"\n"
    for rel in pages:
        assert (site / rel).is_file(), rel
        sharded = (site / rel).read_bytes()
        assert meta in sharded or rel == "404.html", rel  # the search merges the shards' bundles
        assert sharded.replace(meta, b"") == (one / rel).read_bytes(), rel
    urls = re.findall(r"<loc>([^<]*)</loc>", "".join(p.read_text() for p in (site / "sitemaps").glob("*.xml")))
    one_urls = re.findall(r"<loc>([^<]*)</loc>", "".join(p.read_text() for p in (one / "sitemaps").glob("*.xml")))
    assert sorted(urls) == sorted(one_urls) and len(urls) == len(set(urls))


def test_links_across_shards_resolve(project):
    site = project / "site"
    checked = 0
    for page in site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        for href in re.findall(r'(?<![\w-])(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(unescape(href))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            target = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)} -> {href}"
            checked += 1
    assert checked > 100


def test_each_shard_has_its_search_bundle_and_the_list_names_them(project):
    site = project / "site"
    names = json.loads((site / "pagefind-shards" / "shards.json").read_text())
    assert names == ["2019", "2020", "2021"]
    for name in names:
        assert (site / "pagefind-shards" / name / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    entry = json.loads((site / "pagefind-shards" / "2019" / "pagefind-entry.json").read_text())
    assert sum(x["page_count"] for x in entry["languages"].values()) == 2  # the two 2019 articles
    script = (site / "assets" / "summary-site-search.js").read_text()
    assert "pagefind-shards/shards.json" in script and "mergeIndex" in script


def test_a_new_article_rebuilds_its_shard_and_the_hub_only(project, tmp_path):
    before = _cache(project)
    old_2019 = os.stat(next((project / "site" / "articles").glob("harbour-bridge*")) / "index.html").st_ino
    (project / "seeds" / "fares.md").write_text(article(*NEW), encoding="utf-8")
    try:
        assert _build(project) == 0
        after = _cache(project)
        assert after["2019"] == before["2019"] and after["2020"] == before["2020"]
        assert after["2021"] != before["2021"] and after["hub"] != before["hub"]
        site = project / "site"
        assert any(p.name.startswith("tram-fares-cut") for p in (site / "articles").iterdir())
        page = next((site / "articles").glob("harbour-bridge*")) / "index.html"
        assert os.stat(page).st_ino == old_2019  # the kept 2019 output, linked into the new site
        assert _build(project) == 0 and _cache(project) == after  # nothing changed: nothing rebuilt
    finally:
        (project / "seeds" / "fares.md").unlink()
    assert _build(project) == 0
    assert _cache(project) == before


def test_a_failing_shard_fails_the_build_and_keeps_the_site(project, monkeypatch, capsys):
    site = project / "site"
    kept = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*")}
    before = _cache(project)
    (project / "seeds" / "fares.md").write_text(article(*NEW), encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")  # the search index of the 2021 shard fails
    try:
        assert _build(project) == 2
    finally:
        (project / "seeds" / "fares.md").unlink()
    assert "mkdocs build failed for shard" in capsys.readouterr().err
    assert {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*")} == kept
    assert _cache(project) == before



@pytest.mark.parametrize("point", ["site-built", "site-swapped"])
def test_a_sharded_build_killed_before_or_after_the_swap_leaves_a_whole_site(project, point):
    import subprocess
    import sys

    site = project / "site"
    (project / "seeds" / "fares.md").write_text(article(*NEW), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "generator", "build", "-q", "--no-cache", "-j", "2",
                               "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                               "-f", str(project / "mkdocs.yml"), "--site-dir", str(site)],
                              env=dict(os.environ, SUMMARY_SITE_FAULT=point), capture_output=True, timeout=600)
        assert done.returncode == -9
        articles = {p.name for p in (site / "articles").iterdir() if p.is_dir()}
        assert len(articles) == (5 if point == "site-built" else 6)  # the old site, or the new one: whole
        for name in json.loads((site / "pagefind-shards" / "shards.json").read_text()):
            assert (site / "pagefind-shards" / name / "pagefind-entry.json").is_file()
    finally:
        (project / "seeds" / "fares.md").unlink()
    assert _build(project) == 0  # the next build cleans up and puts the five articles back
    assert len([p for p in (site / "articles").iterdir() if p.is_dir()]) == 5
    assert not [p for p in project.iterdir() if p.name.startswith(".site-new-")]


@pytest.mark.browser
def test_search_finds_an_article_of_an_old_shard(project):
    from tests.browser import CHROMIUM, chromium, serve_directory, watched_page

    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    with serve_directory(project / "site") as url, chromium() as browser, watched_page(browser) as page:
        page.goto(url)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("lighthouse", delay=40)
        page.wait_for_function(  # only in a 2019 article: found through the merged 2019 bundle
            "t => [...document.querySelectorAll('.md-search-result__item')].some(e => e.textContent.includes(t))",
            arg="Portmouth council votes on a tram", timeout=20_000)
        hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
        assert any("articles/portmouth-council-votes" in h for h in hrefs), hrefs
        assert page.errors == [] and page.outside == []


def test_a_story_page_goes_to_the_shard_of_its_first_article(tmp_path):
    """Stories are named after their first article and built with it: the hub keeps only the stories index,
    however many stories a large collection has."""
    from generator import sharded

    docs = tmp_path / "docs"
    for rel in ("articles/index.md", "articles/a-2019.md", "articles/b-2020.md", "articles/c-2020.md",
                "stories/index.md", "stories/a-2019.md", "stories/b-2020.md", "actors/index.md", "index.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# page\n", encoding="utf-8")
    (docs / ".summary-site").mkdir()
    (docs / sharded.MONTHS).write_text(json.dumps({"a-2019": "2019-03", "b-2020": "2020-05", "c-2020": "2020-06"}))
    hub, *parts = sharded.plan_units(docs, limit=2)
    assert "stories/index.md" in hub.files and "articles/index.md" in hub.files
    assert not any(f.startswith("stories/") and f != "stories/index.md" for f in hub.files)
    assert {u.name: u.files for u in parts} == {
        "2019": ("articles/a-2019.md", "stories/a-2019.md"),
        "2020": ("articles/b-2020.md", "articles/c-2020.md", "stories/b-2020.md")}
    work = tmp_path / "work"
    sharded._work_docs(work, docs, parts[1], [], 3)
    assert sorted(str(p.relative_to(work)) for p in work.rglob("*.md")) == [
        "articles/b-2020.md", "articles/c-2020.md", "stories/b-2020.md"]

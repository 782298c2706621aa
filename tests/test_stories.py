"""Stories: articles about one event grouped across outlets (generator/stories.py), their pages and links.

The articles are made up for these tests (tests/story_texts.py), analysed with the real model."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from generator import aggregate, stories
from generator.render.pages import render_site
from tests import story_texts as T


@pytest.fixture(scope="module")
def make(analyse_text):
    def record(spec, rid, **changes):
        title, source, date, paragraphs = spec
        r = analyse_text(*paragraphs, title=changes.pop("title", title))
        return dataclasses.replace(r, **{"id": rid, "path": f"{rid}.txt", "source": source, "date": date, **changes})
    return record


@pytest.fixture(scope="module")
def collection(make):
    specs = {"flood-gazette": T.FLOOD_GAZETTE, "flood-courier": T.FLOOD_COURIER, "broadband-ledger": T.BROADBAND_LEDGER,
             "broadband-star": T.BROADBAND_STAR, "tariff": T.TARIFF_LATER, "hospital": T.HOSPITAL_SAME_WEEK,
             "wire": T.WIRE, "wire-copy": T.WIRE_COPY, "market": T.UNDATED_MARKET,
             "market-other": T.UNDATED_MARKET_OTHER}
    specs |= {f"filler-{k}": spec for k, spec in enumerate(T.FILLERS)}
    return [make(spec, rid) for rid, spec in specs.items()]


def _groups(records, options=None) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories.group(aggregate.build(records), options)}


def test_same_event_from_two_outlets_groups_and_nothing_else(collection):
    assert _groups(collection) == {frozenset({"flood-gazette", "flood-courier"}),
                                   frozenset({"broadband-ledger", "broadband-star"}),
                                   frozenset({"wire", "wire-copy"})}


def test_same_people_in_unrelated_events_stay_apart(collection):
    """Whitfield and Dubois again: months later (a tariff vote), and in the same week (a hospital opening)."""
    story = stories.by_article(stories.group(aggregate.build(collection)))
    assert "tariff" not in story and "hospital" not in story
    scores = stories.scored_pairs(aggregate.build(collection))
    assert all(s < stories.StoryOptions().threshold for pair, s in scores.items() if "hospital" in pair)


def test_a_story_lists_its_articles_by_date_then_outlet(collection):
    (flood,) = [s for s in stories.group(aggregate.build(collection)) if "flood-gazette" in s.articles]
    assert flood.articles == ["flood-gazette", "flood-courier"]
    assert flood.id == "flood-gazette"  # the first article's id: it stays when later articles join
    assert (flood.first, flood.last) == ("2026-03-03", "2026-03-04")
    assert flood.sources == ["Harbour Gazette", "Western Courier"]


def test_undated_pair_with_different_text_does_not_group(collection):
    story = stories.by_article(stories.group(aggregate.build(collection)))
    assert "market" not in story and "market-other" not in story


def test_wire_copy_groups_even_undated_but_not_years_apart(make):
    base = [make(T.WIRE, "wire"), *[make(spec, f"f{k}") for k, spec in enumerate(T.FILLERS)]]
    undated = make(T.WIRE_COPY, "copy", date=None)
    assert frozenset({"wire", "copy"}) in _groups([*base, undated])
    later = make(T.WIRE_COPY, "copy", date="2029-06-02")
    assert _groups([*base, later]) == set()


def test_a_wider_window_or_lower_threshold_is_an_option(collection):
    strict = stories.StoryOptions(threshold=0.99)
    assert _groups(collection, strict) == {frozenset({"wire", "wire-copy"})}
    narrow = stories.StoryOptions(window_days=0)
    assert frozenset({"flood-gazette", "flood-courier"}) not in _groups(collection, narrow)


def test_average_linkage_does_not_chain():
    """A-B and B-C close, A-C not at all: C stays out of A and B's story."""
    pairs = stories.Pairs.of(3, {(0, 1): 0.9, (1, 2): 0.8})
    assert stories._average_linkage(3, pairs, stories.StoryOptions(threshold=0.5)) == [[0, 1]]
    pairs = stories.Pairs.of(3, {(0, 1): 0.9, (1, 2): 0.8, (2, 0): 0.6})
    assert stories._average_linkage(3, pairs, stories.StoryOptions(threshold=0.5)) == [[0, 1, 2]]
    # an undated copy (0) of two dated ones a year apart (1, 2) joins one of them, never both
    copies = stories.Pairs.of(3, {(0, 1): 1.0, (0, 2): 1.0})
    assert stories._average_linkage(3, copies, stories.StoryOptions(), [None, 700_000, 700_365]) == [[0, 1]]


def test_story_pages_and_same_story_links(collection, make):
    hostile = make(T.FLOOD_COURIER, "flood-hostile", title="<script>alert(1)</script> Severn floods")
    records = [*collection, hostile]
    index = aggregate.build(records)
    pages = render_site(index)
    listing = pages["stories/index.md"]
    assert "flood-gazette.md" in listing and "broadband-ledger.md" in listing
    page = pages["stories/flood-gazette.md"]
    assert "Harbour Gazette" in page and "Western Courier" in page
    assert "Helen Pryce" in page and "Every resident is safe" in page  # the quotes each one chose
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.index("Harbour Gazette · 3 March 2026") < page.index("Western Courier · 4 March 2026")
    article = pages["articles/flood-gazette.md"]
    assert "## Same story elsewhere" in article
    assert "(../stories/flood-gazette.md)" in article and 'href="flood-courier.md"' in article
    assert "Same story elsewhere" not in pages["articles/tariff.md"]


def test_no_stories_still_has_a_page(make):
    pages = render_site(aggregate.build([make(T.FILLERS[0], "one")]))
    assert "No two articles report the same event yet" in pages["stories/index.md"]


def test_built_site_links_the_story_both_ways(tmp_path):
    """The real CLI, `mkdocs build --strict` (a broken link fails it): story page <-> its articles."""
    from generator.cli import main
    from tests.conftest import make_project

    def md(spec):
        title, source, date, paragraphs = spec
        return f"---\ntitle: {title}\ndate: {date}\nsource: {source}\n---\n\n" + "\n\n".join(paragraphs) + "\n"

    project = make_project(tmp_path, {"gazette.md": md(T.FLOOD_GAZETTE), "courier.md": md(T.FLOOD_COURIER),
                                      "ledger.md": md(T.BROADBAND_LEDGER), "sport.md": md(T.FILLERS[0])})
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs",
                 str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")])
    assert code == 0
    site = project / "site"
    (story,) = [p for p in (site / "stories").iterdir() if p.is_dir()]
    text = (story / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="\.\./\.\./articles/([^/"]+)/', text))
    assert len(links) == 2
    for slug in links:
        page = (site / "articles" / slug / "index.html").read_text(encoding="utf-8")
        assert f'href="../../stories/{story.name}/"' in page
        assert "Same story elsewhere" in page
    home = (site / "stories" / "index.html").read_text(encoding="utf-8")
    assert f'href="{story.name}/"' in home and html.escape("Western Courier") in home
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="stories/"' in nav


def test_story_options_from_mkdocs_yml(tmp_path):
    from generator.site import story_options

    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - summary-site:\n      stories_window_days: 2\n      stories_threshold: 0.5\n"
                      "      stories_duplicate: 7\n", encoding="utf-8")
    options = story_options(config)
    assert (options.window_days, options.threshold) == (2, 0.5)
    assert options.duplicate == stories.StoryOptions().duplicate  # out of range: the default


def test_stories_index_lists_dated_stories_newest_first_and_undated_last():
    from generator.render.story_pages import stories_index

    page = stories_index([
        stories.Story(id="undated", title="Two copies", articles=["a", "b"]),
        stories.Story(id="older", title="Older <b>event</b>", articles=["c", "d"], sources=["X", "Y"],
                      first="2026-01-01", last="2026-01-02"),
        stories.Story(id="newer", title="Newer", articles=["e", "f"], sources=["X"], first="2026-02-01",
                      last="2026-02-01")])
    assert page.index("newer.md") < page.index("older.md") < page.index("undated.md")
    assert "1 February 2026" in page and "1 January 2026 – 2 January 2026" in page
    assert "&lt;b&gt;event&lt;/b&gt;" in page and "3 stories of 6 articles" in page


def test_a_story_of_many_wire_copies_lists_a_few_on_each_article_page(make):
    """Twelve outlets run one wire text: each copy's page names five of the others and links the story's page
    for the rest, so a widely syndicated story does not swell every page that carries it."""
    from generator.render import story_pages

    copies = [make(T.WIRE, f"wire-{k:02d}", source=f"Outlet {k}") for k in range(12)]
    index = aggregate.build(copies)
    (story,) = stories.group(index)
    assert len(story.articles) == 12
    block = story_pages.same_story_block(copies[0], story, index)
    assert "11 other articles about this event" in block
    assert block.count("<li>") == story_pages.SAME_STORY_SHOWN + 1
    assert f'<a href="../stories/{story.id}.md">6 more</a> on the story' in block
    page = render_site(index)[f"stories/{story.id}.md"]
    assert all(f"../articles/{c.id}.md" in page for c in copies)

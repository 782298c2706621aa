"""Tags: one index table and a page per tag, merged ignoring case, sorted A-Z ignoring case, no copies of the
actors and places, and no tag page over 250 KB however many articles carry the tag."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator import aggregate
from generator.cli import main
from generator.records import Actor, Place, Record, Summary
from generator.render import indexes, pages
from generator.render.tags import article_tags, sort_key, tag_key, tag_slug
from tests.conftest import make_project

MAX_PAGE = 250_000
DROUGHT = """---
title: Farmers pray for rain as the drought deepens
date: 2018-07-01
source: Example Wire
tags: [water, Agriculture, drought, Layla Hassan, Erbil]
---

Farmers near Erbil have watched their wheat wither for a second summer without rain.

"We have never seen the river so low," said Layla Hassan, who farms near the city.
"""
WELLS = """---
title: Villagers dig new wells as the river shrinks
date: 2018-08-14
source: Valley Herald
tags: [Water, "zinc  mining", Côte d'Ivoire]
---

Villagers south of Erbil have dug six new wells this month as the river fell to its lowest level in decades.

"Every family here now carries water from the wells before dawn," said Omar Said, the village head.
"""


def _record(i: int, tags: list[str]) -> Record:
    return Record(path=f"{i}.txt", id=f"river-report-{i}", title=f"River report number {i} from the valley",
                  standfirst="", source="Valley Herald", date=f"{2010 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  summary=Summary(lede="The river is lower than anyone remembers."),
                  actors=[Actor(name="Omar Said", kind="person", mentions=1)],
                  places=[Place(name="Erbil", kind="city", mentions=1)], quotes=[], paragraphs=["The river fell."],
                  tags=tags)


def test_keys_and_slugs_are_stable_and_do_not_collide():
    assert tag_key(" Brexit ") == tag_key("BREXIT") == "brexit"
    assert tag_key("zinc  Mining") == "zinc mining" and tag_slug("zinc mining") == "zinc-mining"
    assert sorted(["zebra", "Éclair", "eagle", "Apple"], key=sort_key) == ["Apple", "eagle", "Éclair", "zebra"]
    odd = [tag_slug(tag_key(x)) for x in ("Côte d'Ivoire", "Cote d Ivoire", "U.S.", "US", "政治", "经济", "index")]
    assert len(set(odd)) == len(odd), odd
    assert odd[1] == "cote-d-ivoire" and odd[0].startswith("cote-d-ivoire-") and odd[3] == "us"
    assert odd[4].startswith("tag-") and odd[6].startswith("index-")
    assert tag_slug(tag_key("Côte d'Ivoire")) == odd[0]  # the same every time


def test_tags_that_name_the_article_s_actors_or_places_are_left_out():
    r = _record(1, ["Water", "omar said", "ERBIL", "water", "Politics"])
    assert article_tags(r) == ["Water", "Politics"]


def test_a_tag_of_thousands_of_articles_stays_under_250_kb_and_pages_through_json():
    records = [_record(i, ["Water" if i % 2 else "water", f"Topic {i % 300}"] + (["Mining"] if i % 7 == 0 else []))
               for i in range(3000)]
    index = aggregate.build(records)
    out = pages.render_site(index)
    page = out["tags/water.md"]
    assert len(page.encode()) < MAX_PAGE
    assert "tags/Water.md" not in out  # one tag, whatever the case
    rows = re.findall(r'<td data-id="([^"]+)"><a href="\.\./articles/\1\.md">', page)
    assert len(rows) == indexes.INDEX_ROWS
    chunks = sorted((k for k in out if k.startswith("downloads/table/tag-water-")),
                    key=lambda k: int(k.rsplit("-", 1)[1].split(".")[0]))
    assert f'data-chunks="{len(chunks)}" data-total="3000"' in page
    assert 'data-src="../../downloads/table/tag-water"' in page
    ids = [row["id"] for k in chunks for row in json.loads(out[k])]
    assert ids == [r.id for r in index.records]  # every article, newest first
    assert ids[:indexes.INDEX_ROWS] == rows
    listing = out["tags/index.md"]
    names = re.findall(r'data-id="[^"]+"><a href="[^"]+">([^<]+)</a>', listing)
    assert names[:4] == ["Mining", "Topic 0", "Topic 1", "Topic 10"]  # A-Z, ignoring case
    assert len(names) == indexes.INDEX_ROWS and len(listing.encode()) < MAX_PAGE
    listed = {t["name"]: t["articles"] for t in json.loads(out["downloads/tags.json"])}
    assert len(listed) == 302 and listed["Water"] == 3000  # the most used spelling (a tie: the first A-Z)


def test_tag_pages_in_a_built_site(tmp_path, nlp):
    project = make_project(tmp_path, {"drought.md": DROUGHT, "wells.md": WELLS})
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs",
                 str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")])
    assert code == 0  # mkdocs build --strict: every tag link resolves
    site = project / "site"
    index = (site / "tags" / "index.html").read_text(encoding="utf-8")
    names = [html.unescape(t) for t in re.findall(r'<td data-sort="[^"]*" data-id="[^"]+"><a href="[^"]+">([^<]+)</a>',
                                                  index)]
    assert names == ["Agriculture", "Côte d'Ivoire", "drought", "Water", "zinc mining"], names  # a tie: A-Z
    assert "Layla Hassan" not in index and "Erbil" not in index  # they have their own pages
    water = (site / "tags" / "water" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<a href="\.\./\.\./articles/[^"]+/">([^<]+)</a>', water)
    assert titles == ["Villagers dig new wells as the river shrinks", "Farmers pray for rain as the drought deepens"]
    assert re.search(r"<h1 [^>]*>Water<", water)
    article = next((site / "articles").glob("villagers-dig*/index.html")).read_text(encoding="utf-8")
    tags = re.findall(r'<a class="md-tag" href="([^"]+)">([^<]+)</a>', article)
    assert [html.unescape(t) for _, t in tags] == ["Water", "zinc mining", "Côte d'Ivoire"]
    for href, _ in tags:
        assert (site / "articles" / "x" / href / "index.html").resolve().is_file(), href
    assert not (site / "tags" / "index.html").read_text(encoding="utf-8").count("md-tags")  # no Material listing


@pytest.mark.parametrize("tags", [[], ["<script>alert(1)</script>", "{{ config }}", "a|b"]])
def test_odd_tags_are_text_or_nothing(tags):
    index = aggregate.build([_record(1, tags)])
    out = pages.render_site(index)
    markdown = "".join(v for k, v in out.items() if k.endswith(".md"))
    assert "<script" not in markdown and "{{" not in markdown and "a|b" not in markdown
    if not tags:
        assert "None of the articles came with topic tags" in out["tags/index.md"]
        assert "md-tag" not in out["articles/river-report-1.md"]

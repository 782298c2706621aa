"""Who appears with whom: pair counts, a deterministic layout, valid SVG with links and a text equivalent."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.aggregate import build
from generator.records import Actor, Record, Summary
from generator.render import RAW_END, RAW_START
from generator.render.network import cooccurrence, explore_page, neighbourhood_block

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def _record(rid: str, *names: str) -> Record:
    actors = [Actor(name=n, kind="organization" if n.endswith("Union") else "person", mentions=1) for n in names]
    return Record(path=f"{rid}.txt", id=rid, title=rid, standfirst="", source="", date="2026-01-01",
                  summary=Summary(), actors=actors, places=[], quotes=[], paragraphs=[])


RECORDS = [_record("a", "Ana Lucero", "Bram Okafor", "Dockers Union"), _record("b", "Ana Lucero", "Bram Okafor"),
           _record("c", "Ana Lucero", "Celia <Moss>"), _record("d", "Dov Amsel")]


def _svg(block: str) -> ET.Element:
    body = block.split(RAW_START, 1)[1].split(RAW_END, 1)[0]
    svg = re.search(r"<svg .*?</svg>", body, re.S)[0]
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_pairs_count_shared_articles():
    index = build(RECORDS)
    actors, pairs = cooccurrence(index)
    ids = {x.name: x.id for x in actors}
    assert pairs[tuple(sorted((ids["Ana Lucero"], ids["Bram Okafor"])))] == 2
    assert pairs[tuple(sorted((ids["Ana Lucero"], ids["Celia <Moss>"])))] == 1
    assert not any(ids["Dov Amsel"] in p for p in pairs)


def test_explore_page_is_deterministic_valid_svg_with_links_and_a_table():
    index = build(RECORDS)
    page = explore_page(index)
    assert page == explore_page(build(RECORDS))  # fixed seed: the same picture every build
    svg = _svg(page)
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "Who appears with whom"
    assert "Ana Lucero and Bram Okafor (2 articles)" in svg.find(f"{SVG}desc").text
    links = {a.get(XLINK) for a in svg.iter(f"{SVG}a")}
    assert links == {f"../actors/{index.actors[i].id}.md" for i in index.actors if index.actors[i].name != "Dov Amsel"}
    assert len(list(svg.iter(f"{SVG}line"))) == 4
    kinds = {g.get("class") for g in svg.iter(f"{SVG}g") if "ss-net__n" in (g.get("class") or "")}
    assert kinds == {"ss-net__n ss-net__person", "ss-net__n ss-net__organization"}
    assert "Celia &lt;Moss&gt;" in page and "<Moss>" not in page  # names escaped
    assert "Not drawn, sharing no article with the others: [Dov Amsel]" in page
    assert re.search(r"<td><a href=\"../actors/ana-lucero.md\">Ana Lucero</a></td><td><a href=\"../actors/"
                     r"bram-okafor.md\">Bram Okafor</a></td><td>2</td>", page)
    for c in svg.iter(f"{SVG}circle"):  # inside the picture
        assert 0 <= float(c.get("cx")) <= 900 and 0 <= float(c.get("cy")) <= 640


def test_no_pairs_no_picture():
    page = explore_page(build([_record("d", "Dov Amsel")]))
    assert "<svg" not in page and "Not enough actors" in page


def test_neighbourhood_of_an_actor():
    index = build(RECORDS)
    ana = next(x for x in index.actors.values() if x.name == "Ana Lucero")
    svg = _svg(neighbourhood_block(ana, index))
    names = [t.text for t in svg.iter(f"{SVG}text")]
    assert names[0] == "Ana Lucero" and set(names[1:]) == {"Bram Okafor", "Dockers Union", "Celia <Moss>"}
    dov = next(x for x in index.actors.values() if x.name == "Dov Amsel")
    assert neighbourhood_block(dov, index) == ""

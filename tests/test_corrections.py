"""User corrections in entities.yml (issue 14): merge, rename, kind, aliases, drop, pin; bad lines are named
and skipped, the rest applies; applied at aggregation without analysing any article again."""

from __future__ import annotations

import subprocess
import sys

from generator import corrections
from generator.aggregate import build
from generator.records import Actor, Place, Quote, Record, Summary

GOOD = """\
merge:
  Barack Obama: [Obama, President Obama]
rename:
  Trump 47.3: Donald Trump
kind:
  Amazon: organization
  Kent Valley: place
aliases:
  NHS: [National Health Service]
drop:
  - Injecting Clinton
pin:
  Selma: {lat: 32.4074, lon: -87.0211, country: US}
"""


def record(rid, actors=(), places=(), quotes=()) -> Record:
    return Record(path=f"{rid}.txt", id=rid, title=rid, standfirst="", source="", date="2024-01-01",
                  summary=Summary(), actors=list(actors), places=list(places), quotes=list(quotes), paragraphs=[])


def actor(name, kind="person", *aliases):
    return Actor(name=name, kind=kind, aliases=list(aliases), mentions=1)


def test_good_file_reads_every_entry():
    c = corrections.parse(GOOD)
    assert c.errors == []
    assert c.entries == 7
    assert c.summary() == "7 corrections from entities.yml (1 merge, 1 rename, 2 kind, 1 aliases, 1 drop, 1 pin)"


def test_merge_makes_one_page_and_keeps_the_old_names_as_aliases():
    c = corrections.parse(GOOD)
    recs = corrections.apply([record("a", [actor("Obama")]), record("b", [actor("Barack Obama")]),
                              record("c", [actor("President Obama"), actor("Barack Obama")])], c)
    idx = build(recs)
    pages = {idx.actor_page[(r, "Barack Obama")] for r in "abc"}
    assert len(pages) == 1
    entry = idx.actors[pages.pop()]
    assert entry.name == "Barack Obama" and "Obama" in entry.aliases and sorted(entry.articles) == ["a", "b", "c"]
    assert len([a for a in recs[2].actors if a.name == "Barack Obama"]) == 1  # one actor per article


def test_merge_of_compacted_records_combines_roles_and_affiliations():
    """generate compacts records (tuples, not lists) before corrections: merging two actors still works."""
    from generator.records import compact

    two = record("c", [Actor("President Obama", "person", roles=["president"], affiliations=["Democratic Party"]),
                       Actor("Barack Obama", "person", roles=["former senator"], mentions=2)])
    (fixed,) = corrections.apply([compact(two)], corrections.parse(GOOD))
    (obama,) = fixed.actors
    assert obama.name == "Barack Obama" and obama.mentions == 2
    assert sorted(obama.roles) == ["former senator", "president"] and list(obama.affiliations) == ["Democratic Party"]
    assert "President Obama" in obama.aliases


def test_rename_moves_quotes_and_drop_removes_the_name_everywhere():
    c = corrections.parse(GOOD)
    q1 = Quote(text="We will win.", speaker="Trump 47.3", kind="direct")
    q2 = Quote(text="No comment.", speaker="Injecting Clinton", kind="direct")
    (r,) = corrections.apply([record("a", [actor("Trump 47.3"), actor("Injecting Clinton"),
                                           actor("Hillary Clinton", "person", "Injecting Clinton")],
                                     quotes=[q1, q2])], c)
    assert [a.name for a in r.actors] == ["Donald Trump", "Hillary Clinton"]
    assert r.actors[0].aliases == []  # a rename drops the wrong name
    assert r.actors[1].aliases == []  # a dropped name is no alias either
    assert [q.speaker for q in r.quotes] == ["Donald Trump", None]


def test_kind_and_aliases():
    c = corrections.parse(GOOD)
    (r,) = corrections.apply([record("a", [actor("Amazon", "person"), actor("NHS", "organization"),
                                           actor("Kent Valley", "person")])], c)
    kinds = {a.name: a.kind for a in r.actors}
    assert kinds == {"Amazon": "organization", "NHS": "organization"}
    assert "National Health Service" in r.actors[1].aliases
    assert [p.name for p in r.places] == ["Kent Valley"]  # an actor that is a place moves to the places


def test_pin_sets_the_coordinates_and_keeps_the_place_apart_from_its_namesake():
    c = corrections.parse(GOOD)
    wrong = Place(name="Selma", kind="city", country="US", lat=36.57, lon=-119.61, mentions=1, geonameid=5394086)
    (r,) = corrections.apply([record("a", places=[wrong])], c)
    p = r.places[0]
    assert (p.lat, p.lon, p.country, p.geonameid) == (32.4074, -87.0211, "US", None)
    assert wrong.lat == 36.57  # the cached record is not changed


def test_bad_entries_are_one_line_each_naming_the_line_and_the_rest_applies():
    text = GOOD + "kind:\n  Zed Corp: company\nflavour:\n  a: b\npin:\n  Nowhere: {lat: north}\n"
    c = corrections.parse(text, "entities.yml")
    assert len(c.errors) == 3, c.errors
    assert c.errors[0].startswith("entities.yml:15: kind:") and "company" not in c.kind.values()
    assert c.errors[1].startswith("entities.yml:16: unknown section 'flavour'")
    assert c.errors[2].startswith("entities.yml:19: pin:")
    assert c.entries == 7  # the good ones


def test_broken_yaml_is_one_line_and_nothing_applies():
    c = corrections.parse("merge:\n  Obama: [Barack Obama\n", "entities.yml")
    assert len(c.errors) == 1 and c.errors[0].startswith("entities.yml:") and not c
    recs = [record("a", [actor("Obama")])]
    assert corrections.apply(recs, c) is recs


def test_generate_applies_the_file_beside_the_articles_and_names_a_bad_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(
        "Council agrees new bus lanes\n\nA short standfirst.\n\n"
        "Councillor Marjorie Quill said the lanes would open in May. Quill said drivers had been consulted.\n\n"
        "Source: Test\n", encoding="utf-8")
    (seeds / "two.txt").write_text(  # a second article: her own page (one article lives on its article's page)
        "Bus lanes open on the ring road\n\nA short standfirst.\n\n"
        "Councillor Marjorie Quill opened the lanes on Monday. Quill said buses were already faster.\n\n"
        "Source: Test\n", encoding="utf-8")
    (tmp_path / "entities.yml").write_text(
        "rename:\n  Marjorie Quill: Marjorie Quill-Harte\nkind:\n  Someone: planet\n", encoding="utf-8")
    docs = tmp_path / "docs"
    out = subprocess.run([sys.executable, "-m", "generator", "generate", "--seeds", str(seeds), "--docs", str(docs),
                          "--no-cache", "-j", "1", "-v"], capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {tmp_path / 'entities.yml'}:4: kind: 'Someone': kind must be one of "
                      "group, organization, person, place"]
    assert "1 correction from" in out.stderr
    pages = {p.name for p in (docs / "actors").iterdir()}
    assert "marjorie-quill-harte.md" in pages and "marjorie-quill.md" not in pages

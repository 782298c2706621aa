"""The seed article's record: the contract later evaluation reads, on the real model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from generator import pipeline

SCHEMA = json.loads((Path(__file__).parent.parent / "generator" / "schema" / "record.schema.json").read_text())


def test_seed_record_matches_the_schema(seed_record):
    jsonschema.validate(seed_record.to_dict(), SCHEMA)


def test_seed_persons(seed_record):
    persons = {a.name for a in seed_record.actors if a.kind == "person"}
    for name in ("Rex Tillerson", "Jim Mattis", "Haider al-Abadi", "Patty Culhane", "Eric Pahon",
                 "Bashar al-Assad", "Donald Trump"):
        assert name in persons
    assert "Levant" not in persons


def test_seed_places_are_geocoded(seed_record):
    places = {p.name: p for p in seed_record.places}
    for name, country in (("Raqqa", "SY"), ("Mosul", "IQ"), ("Tabqa", "SY"), ("Iraq", "IQ")):
        assert places[name].country == country
        assert places[name].lat is not None and places[name].lon is not None
    assert places["Washington, DC"].country == "US" and abs(places["Washington, DC"].lon + 77.0) < 0.2


def test_seed_quote_attributed_to_pahon(seed_record):
    quotes = {q.text: q for q in seed_record.quotes}
    q = quotes["This is a significant strategic target,"]
    assert q.speaker == "Eric Pahon" and q.kind == "direct" and q.cue == "said"
    speakers = {a.name for a in seed_record.actors}
    assert all(q.speaker is None or q.speaker in speakers for q in seed_record.quotes)


def test_seed_summary(seed_record):
    assert seed_record.summary.lede == seed_record.standfirst
    assert 3 <= len(seed_record.summary.key_points) <= 5
    body = " ".join(seed_record.paragraphs)
    assert all(p in body for p in seed_record.summary.key_points)
    assert not any("READ MORE" in p for p in seed_record.summary.key_points)


def test_boilerplate_is_not_counted(seed_record):
    # "READ MORE: 'US-led coalition air raid' hits refugee shelter" must not become a quote
    assert not any("air raid" in q.text for q in seed_record.quotes)


def test_same_title_in_two_files_gets_distinct_stable_ids(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Same headline\n\nThe council met on Monday to discuss the budget for "
                                     "next year, officials said.\n\nThe vote is due in March.\n")
    first = [r.id for r in pipeline.run([tmp_path], jobs=1)]
    second = [r.id for r in pipeline.run([tmp_path], jobs=1)]
    assert len(set(first)) == 2 and first == second

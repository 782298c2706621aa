"""Cross-article merging (issue 3): one page per real-world actor or place, and never a page for two people."""

from __future__ import annotations

from generator.aggregate import build
from generator.records import Actor, Place, Record, Summary


def record(rid: str, actors=(), places=(), date="2024-01-01") -> Record:
    return Record(path=f"{rid}.txt", id=rid, title=rid, standfirst="", source="", date=date, summary=Summary(),
                  actors=list(actors), places=list(places), quotes=[], paragraphs=[])


def person(name, *aliases, roles=()):
    return Actor(name=name, kind="person", aliases=list(aliases), roles=list(roles), mentions=1)


def org(name, *aliases):
    return Actor(name=name, kind="organization", aliases=list(aliases), mentions=1)


LONDON = Place(name="London", kind="city", country="GB", lat=51.50853, lon=-0.12574, mentions=1, geonameid=2643743)


def page(index, rid, name):
    return index.actor_page[(rid, name)]


def test_same_person_in_two_articles_is_one_page():
    idx = build([record("a", [person("Keir Starmer", "Starmer", roles=["Labour leader"])]),
                 record("b", [person("Keir Starmer", "Starmer")])])
    assert page(idx, "a", "Keir Starmer") == page(idx, "b", "Keir Starmer")
    entry = idx.actors[page(idx, "a", "Keir Starmer")]
    assert sorted(entry.articles) == ["a", "b"] and entry.roles == ["Labour leader"]


def test_bare_surname_joins_the_one_full_name():
    idx = build([record("a", [person("Priti Patel")]), record("b", [person("Patel")])])
    assert page(idx, "a", "Priti Patel") == page(idx, "b", "Patel")


def test_people_sharing_a_surname_stay_apart():
    idx = build([record("a", [person("Boris Johnson")]), record("b", [person("Gary Johnson")]),
                 record("c", [person("Johnson")])])
    ids = {page(idx, "a", "Boris Johnson"), page(idx, "b", "Gary Johnson"), page(idx, "c", "Johnson")}
    assert len(ids) == 3  # a bare "Johnson" is not guessed to be either


def test_middle_initial_joins_unless_it_tells_two_people_apart():
    idx = build([record("a", [person("Donald Trump")]), record("b", [person("Donald J. Trump")])])
    assert page(idx, "a", "Donald Trump") == page(idx, "b", "Donald J. Trump")
    idx = build([record("a", [person("George W. Bush")]), record("b", [person("George H. W. Bush")])])
    assert page(idx, "a", "George W. Bush") != page(idx, "b", "George H. W. Bush")


def test_organisation_acronym_and_expansion_share_a_page():
    idx = build([record("a", [org("European Union", "EU")]), record("b", [org("EU")]),
                 record("c", [org("The Guardian")]), record("d", [org("Guardian")])])
    assert page(idx, "a", "European Union") == page(idx, "b", "EU")
    assert page(idx, "c", "The Guardian") == page(idx, "d", "Guardian")


def test_place_merges_on_gazetteer_id_and_ids_are_stable():
    recs = [record("a", places=[LONDON]),
            record("b", places=[Place(name="London", kind="city", country="GB", lat=51.50853, lon=-0.12574,
                                      aliases=["Greater London"], mentions=2, geonameid=2643743)]),
            record("c", places=[Place(name="London", kind="city", country="CA", lat=42.98, lon=-81.23,
                                      mentions=1, geonameid=6058560)])]
    idx = build(recs)
    assert idx.place_page[("a", "London")] == idx.place_page[("b", "London")]
    assert idx.place_page[("c", "London")] != idx.place_page[("a", "London")]  # London, Ontario
    again = build(list(reversed(recs)))
    assert again.place_page == idx.place_page and set(again.actors) == set(idx.actors)
    assert idx.places[idx.place_page[("a", "London")]].mentions == 3

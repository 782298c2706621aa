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


# --- issue 14: one page per real thing across the collection ----------------------------------------------

def test_nickname_and_middle_initial_join_but_a_suffix_stays_apart():
    idx = build([record("a", [person("Joe Biden")]), record("b", [person("Joseph R. Biden")]),
                 record("c", [person("Donald Trump")]), record("d", [person("Donald Trump Jr.")])])
    assert page(idx, "a", "Joe Biden") == page(idx, "b", "Joseph R. Biden")
    assert page(idx, "c", "Donald Trump") != page(idx, "d", "Donald Trump Jr.")


def test_bare_surname_joins_the_full_name_the_collection_makes_unambiguous():
    recs = [record(f"b{i}", [person("Barack Obama")]) for i in range(4)]
    recs += [record("m", [person("Michelle Obama")]), record("x", [person("Obama", roles=["President"])])]
    idx = build(recs)
    assert page(idx, "x", "Obama") == page(idx, "b0", "Barack Obama")
    # ... but a "Mrs Obama" is the woman of that name
    idx = build(recs + [record("y", [person("Obama", "Mrs Obama")])])
    assert page(idx, "y", "Obama") == page(idx, "m", "Michelle Obama")


def test_bare_surname_with_two_equal_owners_takes_the_one_sharing_its_role():
    idx = build([record("a", [person("Jane Merrow", roles=["Vice President"])]), record("b", [person("Tom Merrow")]),
                 record("c", [person("Merrow", roles=["the Vice President"])]), record("d", [person("Merrow")])])
    assert page(idx, "c", "Merrow") == page(idx, "a", "Jane Merrow")
    assert page(idx, "d", "Merrow") not in (page(idx, "a", "Jane Merrow"), page(idx, "b", "Tom Merrow"))


def test_a_name_lives_under_one_kind():
    idx = build([record("a", [org("Politifact")]), record("b", [org("Politifact")]),
                 record("c", [person("Politifact")]),
                 record("d", places=[Place(name="Jordan", kind="country", country="JO", lat=31.0, lon=36.0,
                                           mentions=2, geonameid=248816)]),
                 record("e", places=[Place(name="Jordan", kind="country", country="JO", lat=31.0, lon=36.0,
                                           mentions=1, geonameid=248816)]),
                 record("f", [org("Jordan")])])
    assert page(idx, "a", "Politifact") == page(idx, "c", "Politifact")
    assert idx.actors[page(idx, "c", "Politifact")].kind == "organization"
    assert ("f", "Jordan") not in idx.actor_page
    assert idx.place_page[("f", "Jordan")] == idx.place_page[("d", "Jordan")]


def test_organisation_short_and_long_forms_join():
    idx = build([record("a", [org("Amazon.com")]), record("b", [org("Amazon")]),
                 record("c", [org("NBC News")]), record("d", [org("NBC")])])
    assert page(idx, "a", "Amazon.com") == page(idx, "b", "Amazon")
    assert page(idx, "c", "NBC News") == page(idx, "d", "NBC")


def test_a_company_short_name_read_as_a_person_joins_the_company_and_a_bare_title_is_no_page():
    idx = build([record("a", [org("Peabody Energy")]),
                 record("b", [person("Peabody"), person("Senator"), person("WNBX")])])
    assert idx.actors[page(idx, "b", "WNBX")].kind == "organization"
    assert page(idx, "b", "Peabody") == page(idx, "a", "Peabody Energy")
    assert idx.actors[page(idx, "a", "Peabody Energy")].kind == "organization"
    assert ("b", "Senator") not in idx.actor_page


def test_a_believers_name_is_a_group():
    idx = build([record("a", [org("Catholics")])])
    assert idx.actors[page(idx, "a", "Catholics")].kind == "group"


def test_nationalities_and_eras_are_no_pages_but_party_members_are():
    idx = build([record("a", [org("Europeans"), org("Reconstruction"), org("Democrats")])])
    assert ("a", "Europeans") not in idx.actor_page and ("a", "Reconstruction") not in idx.actor_page
    assert ("a", "Democrats") in idx.actor_page

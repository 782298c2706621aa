"""Ledes and key points a reader can use, with the real model on article text written for these tests."""

from __future__ import annotations

import pytest

from generator.analyse.summary import good_lede, kind_of
from tests.conftest import SHARED_EVAL
from tests.test_eval import _score

NEWS = [
    "The harbour board approved a plan on Monday to rebuild the town's storm-damaged sea wall before next winter.",
    "The wall was breached twice in January, flooding forty homes and the old fish market on the quay.",
    "Engineers said the new wall would be two metres higher and built from concrete blocks rather than stone.",
    "\"We cannot go through another winter like the last one. People lost everything. The town needs this "
    "wall,\" said the board's chair, Maria Lopes, after the vote.",
    "The work will cost £4.2m, most of it from a national flood defence fund, with the rest raised locally.",
    "Some fishermen had opposed the design, saying it would make the harbour entrance narrower for boats.",
    "The board said it had changed the plans to keep the entrance at its present width.",
    "Construction is due to start in April and should take about seven months to finish.",
    "Residents will be able to see the final drawings at the library from next week.",
]


def test_lede_is_the_standfirst_when_it_is_a_sentence(analyse_text):
    standfirst = "A town hit by winter floods will get a higher sea wall, its harbour board has said."
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt", standfirst=standfirst)
    assert r.summary.lede == standfirst and r.summary.kind == "news"


@pytest.mark.parametrize("standfirst", ["Letters.", "In her recording,.", "By Jane Porter, Coast Reporter",
                                        "Photo: the harbour wall after the January storm (Getty Images)."])
def test_a_label_fragment_or_byline_is_never_the_lede(analyse_text, standfirst):
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt", standfirst=standfirst)
    lede = r.summary.lede.split(": ", 1)[-1] if r.summary.kind != "news" else r.summary.lede
    assert lede == NEWS[0]


def test_key_points_are_whole_sentences_in_order_never_cut_quotes(analyse_text):
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt")
    points = r.summary.key_points
    body = " ".join(NEWS)
    assert 3 <= len(points) <= 5
    assert r.summary.lede not in points
    assert [body.index(p) for p in points] == sorted(body.index(p) for p in points)
    for p in points:
        assert p in body and p[-1] in ".!?\"”"
        assert p.count('"') % 2 == 0, p  # never a piece of Maria Lopes' three-sentence quote
    assert not any(p.startswith(("People lost", "The town needs")) for p in points)


@pytest.mark.parametrize("currency, said", [("£", "the council's report says"), ("$", "city officials said Tuesday")])
def test_a_long_article_still_gets_three_key_points(analyse_text, currency, said):
    """A news summary keeps its length when the article grows: 66 paragraphs give three points, not five."""
    places = ["Ashford", "Brampton", "Carlow", "Dunmore", "Elmsley", "Fairholt", "Glenview", "Harlow", "Ivybridge",
              "Kelso", "Lindale"]
    works = ["library", "bus station", "swimming pool", "primary school", "health centre", "market hall"]
    body = [f"The {w} in {p} will be repaired by {2027 + i % 4} at a cost of {currency}{i % 9 + 1}.{i % 7}m, {said}."
            for i, (p, w) in enumerate((p, w) for p in places for w in works)]
    r = analyse_text(*body, title="Repairs across the county",
                     standfirst="Sixty-six public buildings will be repaired over the next four years.")
    assert len(r.summary.key_points) == 3


@pytest.mark.parametrize("first", [
    # US style: the full stop inside the closing mark, which the parser tends to split off as a "sentence"
    "WICHITA, Kan. — The county's two hospitals will merge next year, officials said Tuesday, in a deal "
    "the smaller one's director called \"the only way to keep an emergency room open here.\"",
    # British style
    "Two hospital trusts in the county are to merge next year in a deal the smaller trust's chief "
    "executive called \"the only way to keep an A&E open here.\"",
])
def test_a_sentence_ending_on_its_quotation_can_lead(analyse_text, first):
    """A first sentence that closes on a quotation is whole: it leads, without the dateline."""
    rest = ["The merger needs the approval of the state health department, which is expected in the spring.",
            "About 1,400 people work at the two hospitals, and neither plans to cut jobs in the first year.",
            "The smaller hospital has lost money in each of the past five years, its accounts show.",
            "Patients will keep their doctors, and both sites will stay open under a single board."]
    r = analyse_text(first, *rest, title="Hospitals to merge")
    assert r.summary.lede.endswith('open here."') and r.summary.lede.startswith(("The county", "Two hospital"))
    assert not any(p.startswith(("WICHITA", "\"")) for p in r.summary.key_points)


def test_letters_opinion_roundup_and_live_say_what_they_are(analyse_text):
    letters = analyse_text("Letters.", "The new sea wall plan is a waste of money that the town cannot afford "
                           "this year.", "I have lived by the harbour for sixty years and never seen a flood "
                           "like the one in January.", "Why was nobody asked before the board decided?",
                           title="Your views on the sea wall")
    assert letters.summary.kind == "letters" and letters.summary.lede.startswith("Letters from readers: ")
    opinion = analyse_text("I have walked along the harbour wall every morning for twenty years, and I have "
                           "never seen it so badly broken.", "My neighbours lost their kitchens, their "
                           "photographs and their cars in the January flood.", *NEWS[4:],
                           title="The town must not wait for the next storm")
    assert opinion.summary.kind == "opinion" and opinion.summary.lede.startswith("Opinion: ")
    roundup = analyse_text(*NEWS, title="Five things we learned from the sea wall meeting")
    assert roundup.summary.kind == "roundup"
    assert roundup.summary.lede == "A round-up: Five things we learned from the sea wall meeting."
    live = analyse_text("10:05 The board meeting has started in the town hall, with about sixty residents "
                        "watching.", "10:20 The chair says the vote will be taken before lunch today.",
                        "10:42 Fishermen have asked for the harbour entrance to stay as wide as it is now.",
                        "11:15 The board has approved the plan by seven votes to two.",
                        title="Sea wall vote as it happened")
    assert live.summary.kind == "live" and live.summary.lede.startswith("Live coverage: ")


def test_kind_from_labels_urls_and_tags():
    assert kind_of("Opinion: Keep the harbour open", "", [], None, [], False) == "opinion"
    assert kind_of("Keep the harbour open", "", [], "https://example.org/opinion/2016/harbour", [], False) == "opinion"
    assert kind_of("Harbour news", "", [], None, ["Letters"], False) == "letters"
    assert kind_of("3 killed as storm hits harbour", "", [], None, [], False) == "news"
    assert kind_of("Sea wall to be rebuilt", "", NEWS, None, [], False) == "news"


@pytest.mark.parametrize("sentence, good", [
    ("The harbour board approved a plan on Monday to rebuild the sea wall.", True),
    ("Letters.", False),
    ("In her recording, the wife of the man says,.", False),
    ("\"We cannot go through another winter like the last one, not ever again.\"", False),
    ("\"We cannot go through another winter like the last one,\" said the chair of the board.", True),
    ("By Jane Porter and Tom Reyes, with additional reporting from the coast.", False),
])
def test_good_lede(sentence, good):
    assert good_lede(sentence) is good


@pytest.mark.skipif(not (SHARED_EVAL / "bbc-dev" / "gold").is_dir(), reason="../shared/eval is not here")
def test_bbc_dev_summaries_beat_lead_3(tmp_path):
    """Lede plus key points against the reference summaries: above the Lead-3 baseline on all three ROUGE."""
    scores = _score("bbc-dev", tmp_path)
    ours, lead3 = scores["summary"], scores["summary_lead3"]
    assert all(ours[k] > lead3[k] for k in ("rouge1", "rouge2", "rougeL")), (ours, lead3)

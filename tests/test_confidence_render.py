"""Uncertain attributions are marked beside the speaker on every page that shows the quote."""

from __future__ import annotations

from generator.aggregate import build
from generator.records import Actor, Quote, Record, Summary
from generator.render.pages import render_site


def test_uncertain_attribution_is_marked_and_sure_one_is_not():
    quotes = [Quote(text="We will rebuild the bridge.", speaker="Alice Brennan", kind="direct", cue="said",
                    paragraph=0, confidence=0.9),
              Quote(text="Nobody saw it coming.", speaker="Alice Brennan", kind="direct", cue=None,
                    paragraph=1, confidence=0.6)]
    r = Record(path="a.txt", id="a", title="Bridge", standfirst="", source="", date="2024-01-01",
               summary=Summary(), actors=[Actor(name="Alice Brennan", kind="person", mentions=2)],
               places=[], quotes=quotes, paragraphs=["p1", "p2"])
    pages = render_site(build([r]))
    article = pages["articles/a.md"]
    actor = next(v for k, v in pages.items()
                 if k.startswith("actors/") and k != "actors/index.md" and "Alice Brennan" in v)
    for page in (article, actor):
        assert page.count('class="ss-uncertain"') == 1
        sure, unsure = page.index("We will rebuild"), page.index("Nobody saw it coming")
        mark = page.index('class="ss-uncertain"')
        assert sure < unsure < mark  # in paragraph order, the mark in the unsure quote's byline
        assert 'ss-uncertain' not in page[sure:unsure]

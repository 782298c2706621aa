"""An actor's page for a busy speaker: quotes newest first, grouped by article with counts, bounded in size."""

from __future__ import annotations

import re

from generator import aggregate
from generator.records import Actor, Quote, Record, Summary
from generator.render import pages

SPEAKER = "Nadia Farouk"
LINES = ["The reservoir will be full again by the spring if the rain keeps coming",
         "We have asked every farm along the river to cut its use of water by a third",
         "Nobody in this valley remembers a summer as dry as this one"]


def _record(i: int, date: str, quotes: list[Quote]) -> Record:
    return Record(path=f"{i}.txt", id=f"dry-summer-{i}", title=f"Dry summer, part {i}", standfirst="",
                  source="Valley Herald", date=date, summary=Summary(lede="The valley is running out of water."),
                  actors=[Actor(name=SPEAKER, kind="person", mentions=2, roles=["water minister"])], places=[],
                  quotes=quotes, paragraphs=[q.text for q in quotes] or ["No quotes here."])


def _quotes(n: int, partial: str = "") -> list[Quote]:
    out = [Quote(text=LINES[k % 3] + f" ({k})", speaker=SPEAKER, kind="direct", cue="said", paragraph=k)
           for k in range(n)]
    if partial:
        out.append(Quote(text=partial, speaker=SPEAKER, kind="partial", paragraph=0))
    return out


def test_quotes_newest_first_grouped_with_counts():
    records = [_record(1, "2019-05-01", _quotes(1)), _record(2, "2021-02-03", _quotes(3, partial="bone dry")),
               _record(3, "2020-07-09", _quotes(2))]
    index = aggregate.build(records)
    page = pages.actor_page(index.actors["nadia-farouk"], index)
    heads = re.findall(r'class="ss-quote-group__head"[^>]*><strong><a href="[^"]*">(Dry summer, part \d)</a>'
                       r'</strong> · ([^<]*)</p>', page)
    assert [h[0] for h in heads] == ["Dry summer, part 2", "Dry summer, part 3", "Dry summer, part 1"]
    assert heads[0][1] == "3 February 2021 · Valley Herald · 4 quotes"
    assert "## Quotes (7 in 3 articles)" in page
    # a two-word fragment is on one line with the others of its article, not a block of its own
    assert re.search(r'<p class="ss-fragments">Also: <a href="[^"]*dry-summer-2\.md#p1">“bone dry”</a></p>', page)
    assert page.count("<blockquote>") == 6
    assert "Download: [all 7 quotes as CSV](../downloads/quotes/nadia-farouk.csv)" in page


def test_the_most_quoted_person_of_a_big_archive_stays_under_the_budget():
    records = [_record(i, f"20{10 + i // 365:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", _quotes(6))
               for i in range(3000)]
    index = aggregate.build(records)
    entry = index.actors["nadia-farouk"]
    page = pages.actor_page(entry, index)
    assert len(page.encode()) < 200_000  # Markdown; the theme adds about 20 KB
    assert f"## Quotes (18,000 in {len(records):,} articles)" in page
    assert re.search(r"\*1[0-9,]+ older quotes are not shown here: they are all in the CSV above\.\*", page)
    assert "## Articles (3,000)" in page and f"The latest {pages.MAX_ENTRY_ARTICLES}" in page
    assert page.count("<details") >= 2  # older articles' quotes and the longer lists are folded
    files = pages.render_site(index)
    assert files["downloads/quotes/nadia-farouk.csv"].count("\r\n") == 18_000 + 1  # every quote is in its CSV

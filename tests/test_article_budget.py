"""An article page stays small however many quotes its article has: each quote is in its full text too."""

from __future__ import annotations

import html

from generator import aggregate
from generator.render import pages

SPEAKERS = ["Marta Kowalczyk", "Daniel Okoro", "Ines Carvalho", "Pieter de Wit"]


def test_a_long_interview_lists_quotes_within_the_budget_and_says_how_many_more(analyse_text):
    paragraphs = [f'"The harbour authority will publish the full dredging plan for the {n}th berth before the '
                  f'council meets again, and every resident will be able to comment on it," said '
                  f'{SPEAKERS[n % 4]}.' for n in range(60)]
    paragraphs += [f"{SPEAKERS[n % 4]} said the ferry timetable for route {n} would change in the spring, "
                   "after a long consultation with the unions." for n in range(40)]
    record = analyse_text(*paragraphs, title="The harbour interviews")
    direct = [q for q in record.quotes if q.kind != "indirect"]
    reported = [q for q in record.quotes if q.kind == "indirect"]
    assert len(direct) >= 50 and len(reported) >= 20  # the real model finds them
    page = pages.article_page(record, aggregate.build([record], min_articles=1))
    quotes = page[page.index("## Quotes"):page.index("## Reported speech")]
    said = page[page.index("## Reported speech"):page.index("## Full text")]
    assert len(quotes) < pages.ARTICLE_QUOTES_BUDGET + 1_000 and len(said) < pages.ARTICLE_REPORTED_BUDGET + 1_000
    shown = quotes.count("<blockquote>")
    assert 0 < shown < len(direct)
    assert f"{len(direct) - shown} more quotes: in the [full text](#full-text)" in quotes
    assert "(../downloads/quotes.csv)" in quotes and "more reported statements" in said
    full = page[page.index("## Full text"):]
    assert all(html.escape(p) in full for p in paragraphs)  # nothing is lost: every quote is in the full text


def test_a_short_article_lists_every_quote(analyse_text):
    record = analyse_text('"We will open the library on Sunday," said Marta Kowalczyk.',
                          "Daniel Okoro said the reading room would stay closed.", title="Library hours")
    page = pages.article_page(record, aggregate.build([record], min_articles=1))
    assert "more quote" not in page and "more reported" not in page and "Marta Kowalczyk" in page


def test_a_long_article_lists_fewer_quotes_its_text_holds_them_all(analyse_text):
    """Quotes share the page with the full text: a long article's page lists fewer, so it stays small."""
    quotes = [f'"We will rebuild the {n}th pier before the winter storms arrive," said {SPEAKERS[n % 4]}.'
              for n in range(30)]
    filler = ["The council's report on the harbour runs to several hundred pages and covers the dredging, the "
              "ferry routes, the old warehouses and the cost of each option in detail. " * 4] * 40
    short, long = analyse_text(*quotes, title="Short"), analyse_text(*quotes, *filler, title="Long")
    assert sum(map(len, long.paragraphs)) > pages.LONG_TEXT + 10_000

    def listed(record):
        page = pages.article_page(record, aggregate.build([record], min_articles=1))
        return page[page.index("## Quotes"):page.index("## Full text")].count("<blockquote>")
    assert 0 < listed(long) < listed(short)
    assert pages._budget(pages.ARTICLE_QUOTES_BUDGET, long.paragraphs) >= pages.ARTICLE_QUOTES_BUDGET // 4

"""Render: SiteIndex -> {relative path: Markdown or data file}. Pure; writing happens in `generator.site`.

Every value that came from an article goes through `escape.text` (or `escape.yaml_str`,
`escape.safe_url`, `escape.tag`). Structure (links, headings, anchors) is ours. The index pages are in
`indexes`, the tag pages in `tags`, the downloads in `downloads`, the feed in `feed`, shared small pieces in
`common`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby

from generator.aggregate import Entry, SiteIndex
from generator.records import UNCERTAIN, Quote, Record
from generator.render import downloads as dl
from generator.render import escape as e
from generator.render import raw
from generator.render.charts import timeline_block
from generator.render.common import (
    KIND_LABEL,
    _a,
    _article_link,
    _blockquote,
    _byline,
    _date,
    _front,
    _has_coordinates,
    _items,
    _plural,
    _table,
    _ymd,
    map_block,
)
from generator.render.feed import feed_items
from generator.render.indexes import actors_index, articles_index, places_index, quotes_index, table_files
from generator.render.network import explore_page, neighbourhood_block
from generator.render.story_pages import render_stories, same_story_block
from generator.render.tags import render_tags, tags_line
from generator.shards import month
from generator.stories import Story, by_article
from generator.stories import group as group_stories

__all__ = ["GENERATED_DIRS", "map_block", "render_pages", "render_site"]

GENERATED_DIRS = ("articles", "actors", "places", "quotes", "tags", "explore", "stories", dl.DIR, ".summary-site")
"""Folders under docs/ that belong to the generator; everything else in docs/ is the user's."""

HOME_LATEST = 10
MAX_PLACE_QUOTES = 20
ARTICLE_QUOTES_BUDGET = 6_000
ARTICLE_REPORTED_BUDGET = 3_000
"""Characters of quotes (with their markup) on an article's page: each is in its full text too, so a long
interview stays under 60 KB of HTML (benchmarks/shards.py); the rest are counted, with a link."""
LONG_TEXT = 15_000
"""Characters of article text from which the quote budgets shrink (by one character per two of text, to a
quarter): the text is on the page too, and holds every quote."""
MAX_ENTRY_ARTICLES = 200
"""Articles listed on an actor's or place's page (newest first); the count says how many there are."""
QUOTE_BUDGET = 110_000
"""Bytes of quotes (with their markup) on an actor's page; the rest is in the speaker's CSV: no page over
250 KB, however often the person is quoted (benchmarks/page_sizes.py)."""
MAX_REPORTED = 40
OPEN_GROUPS = 5
SHOWN_ITEMS = 10
"""Items of an entity page's lists shown open; the rest are folded under "N more"."""
FRAGMENT_WORDS = 4
"""Partial quotes this short are listed on one line with their article, not as a block each."""
ZOOM = {"country": 4, "region": 6, "water": 6, "city": 10, "landmark": 13}
FACET_ACTORS = 10
FACET_PLACES = 6
_FACET_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+|\s+")
NOT_SEARCHED = " data-pagefind-ignore"
"""Tables of an article's actors and places: the search finds the names in the text and on their own pages."""


Content = str | Iterable[str]
"""A file's text, whole or as chunks written one after the other (a download of 100,000 records)."""


def render_site(index: SiteIndex, stories: list[Story] | None = None) -> dict[str, str]:
    """Every file as one dict (for tests and small sites; `generate` writes `render_pages` as it goes)."""
    return {rel: text if isinstance(text, str) else "".join(text) for rel, text in render_pages(index, stories)}


def render_pages(index: SiteIndex, stories: list[Story] | None = None, part: str | None = None
                 ) -> Iterator[tuple[str, Content]]:
    """(path under docs/, text) for every generated file, one at a time, so a site's pages are never all in
    memory at once. `stories`: the grouping of `generator.stories` (made here with its default options when
    not given). `part`: only the files that show the grouping ("stories": the article and story pages) or
    only the others ("rest"), which two processes can write at once; None: all."""
    if part in (None, "stories"):
        yield from _grouped_pages(index, group_stories(index) if stories is None else stories)
    if part in (None, "rest"):
        yield from _other_pages(index)


def _grouped_pages(index: SiteIndex, stories: list[Story]) -> Iterator[tuple[str, Content]]:
    """The article pages (each links its story) and the story pages."""
    story_of = by_article(stories)
    for r in index.records:
        yield f"articles/{r.id}.md", article_page(r, index, story_of.get(r.id))
    yield from render_stories(stories, index).items()


def _other_pages(index: SiteIndex) -> Iterator[tuple[str, Content]]:
    """Every file that does not depend on the story grouping."""
    for entry in index.actors.values():
        if entry.page:
            yield f"actors/{entry.id}.md", actor_page(entry, index)
    for entry in index.places.values():
        if entry.page:
            yield f"places/{entry.id}.md", place_page(entry, index)
    yield "articles/index.md", articles_index(index)
    yield "actors/index.md", actors_index(index)
    yield "places/index.md", places_index(index)
    yield "quotes/index.md", quotes_index(index)
    yield "explore/index.md", explore_page(index)
    yield from render_tags(index)
    yield ".summary-site/latest.md", latest_fragment(index)
    yield ".summary-site/feed.json", json.dumps(feed_items(index), ensure_ascii=False)
    yield ".summary-site/months.json", json.dumps({r.id: month(r) for r in index.records})  # the shard plan
    yield from dl.render_downloads(index)
    yield from table_files(index)


# --- small pieces --------------------------------------------------------------------------------------

def _meta_line(r: Record) -> str:
    bits = [e.text(_date(r))]
    if r.source:
        bits.append(e.text(r.source))
    if r.authors:
        bits.append("by " + e.text(", ".join(r.authors[:6])))
    url = e.safe_url(r.url)
    if url:
        bits.append(f"[original article]({url})")
    elif r.url:
        bits.append("original: " + e.text(r.url))
    return " · ".join(bits)


def _anchor(q: Quote) -> str:
    """The quote's paragraph in the article's full text (`#p3`), or "" when unknown."""
    return f"#p{q.paragraph + 1}" if q.paragraph is not None else ""


def _paragraph_link(q: Quote) -> str:
    return _a(_anchor(q), f"¶ {q.paragraph + 1}") if q.paragraph is not None else ""


def _actor_link(index: SiteIndex, rid: str, name: str | None, prefix: str = "../actors/") -> str:
    if not name:
        return "<em>speaker not named</em>"
    eid = index.actor_link(rid, name)
    return _a(f"{prefix}{eid}.md", e.html_text(name)) if eid else e.html_text(name)


def _speaker(index: SiteIndex, rid: str, q: Quote) -> str:
    """The speaker's link, marked when the attribution is uncertain so the reader knows to check it."""
    return _actor_link(index, rid, q.speaker) + _uncertain(q)


def _uncertain(q: Quote) -> str:
    if not q.speaker or q.confidence is None or q.confidence >= UNCERTAIN:
        return ""
    return (' <span class="ss-uncertain" title="Uncertain attribution: the text does not name the speaker '
            f'beside this quote (confidence {q.confidence:.2f}). Check the article.">(uncertain)</span>')


# --- article --------------------------------------------------------------------------------------------

def article_page(r: Record, index: SiteIndex, story: Story | None = None) -> str:
    paragraphs = index.paragraphs(r)
    out = [_front(r.title, r.summary.lede)]
    out.append(f"[Home](../index.md) › [Articles](index.md) › {e.text(_date(r))}\n")
    out.append(f"# {e.text(r.title)}\n")
    out.append(_meta_line(r) + "\n")
    tags = tags_line(r)
    if tags:
        out.append(tags)
    facets = facets_block(r, _pageless_names(r, index))
    if facets:
        out.append(facets)
    if r.notes:
        out += [f"!!! note \"Note\"\n    {e.text(n)}\n" for n in r.notes]
    out.append("## Summary\n")
    if r.summary.lede:
        out.append(f"**{e.text(r.summary.lede)}**\n")
    if r.summary.key_points:
        out.append("\n".join(f"- {e.text(p)}" for p in r.summary.key_points) + "\n")
    if story is not None:
        out.append(same_story_block(r, story, index))
    if r.actors:
        out.append("## Actors\n")
        rows = []
        for a in r.actors:
            roles = "; ".join([*a.roles[:3], *(f"({x})" for x in a.affiliations[:2] if x not in " ".join(a.roles))])
            rows.append([_actor_link(index, r.id, a.name), KIND_LABEL.get(a.kind, e.html_text(a.kind)),
                         e.html_text(roles), str(a.mentions)])
        out.append(_table(["Actor", "Kind", "Role", "Mentions"], rows, NOT_SEARCHED))
    if r.places:
        out.append("## Places\n")
        rows = []
        for p in r.places:
            pid = index.place_link(r.id, p.name)
            link = _a(f"../places/{pid}.md", e.html_text(p.name)) if pid else e.html_text(p.name)
            rows.append([link, KIND_LABEL.get(p.kind, e.html_text(p.kind)), e.html_text(p.country or "—"),
                         str(p.mentions)])
        out.append(_table(["Place", "Kind", "Country", "Mentions"], rows, NOT_SEARCHED))
    direct = [q for q in r.quotes if q.kind != "indirect"]
    reported = [q for q in r.quotes if q.kind == "indirect"]
    if direct:
        out.append("## Quotes\n")
        shown = _within([_blockquote(f"“{e.html_text(q.text)}”", _byline(
            _speaker(index, r.id, q) + (f" ({e.html_text(q.cue)})" if q.cue else ""), _paragraph_link(q)))
            for q in direct], _budget(ARTICLE_QUOTES_BUDGET, paragraphs))
        out += shown
        out += _more_quotes(len(direct) - len(shown), "quote")
    if reported:
        out.append("## Reported speech\n")
        shown = _within([_byline(f"{_speaker(index, r.id, q)} ({e.html_text(q.cue or 'said')}): "
                                 f"{e.html_text(q.text)}", _paragraph_link(q)) for q in reported],
                        _budget(ARTICLE_REPORTED_BUDGET, paragraphs))
        out.append(_items(shown))
        out += _more_quotes(len(reported) - len(shown), "reported statement")
    out.append("## Full text\n")
    out.append(full_text_block(paragraphs))
    return "\n".join(out)


def _budget(budget: int, paragraphs: list[str]) -> int:
    """A quote section's budget on the page of an article with this text: smaller for a long text, so the page
    stays under 60 KB of HTML (benchmarks/shards.py)."""
    over = sum(len(p) for p in paragraphs) - LONG_TEXT
    return max(budget // 4, budget - over // 2) if over > 0 else budget


def _within(items: list[str], budget: int) -> list[str]:
    """The first items whose markup fits in `budget` characters (at least one)."""
    used = 0
    for i, item in enumerate(items):
        used += len(item)
        if used > budget and i:
            return items[:i]
    return items


def _more_quotes(n: int, what: str) -> list[str]:
    if n <= 0:
        return []
    return [f"{_plural(n, 'more ' + what)}: in the [full text](#full-text), and in the "
            f"[quotes download](../{dl.DIR}/quotes.csv).\n"]


def full_text_block(paragraphs: list[str]) -> str:
    """The article text as one raw HTML block, escaped with html.escape: Markdown leaves raw blocks alone,
    which keeps the text inert and the build fast (inline Markdown parsing of long text is MkDocs' main cost).
    Same markup as a collapsed `??? abstract` block, so it looks the same."""
    body = "\n".join(f'<p id="p{i}">{html.escape(" ".join(p.split()))}</p>' for i, p in enumerate(paragraphs, 1))
    return raw(f'<details class="abstract">\n<summary>Read the full article text</summary>\n{body}\n</details>')



def _pageless_names(r: Record, index: SiteIndex) -> list[str]:
    """This article's actors and places that have no page of their own: the article is their page."""
    actors = [a.name for a in r.actors if not index.actor_link(r.id, a.name)]
    return actors + [p.name for p in r.places if not index.place_link(r.id, p.name)]


def facets_block(r: Record, names: list[str] = ()) -> str:
    """Invisible search facets for Pagefind: source, year, actors (speakers first) and places; no text.

    `<span data-pagefind-filter="place:Mosul"></span>`: Pagefind takes everything after the first colon as
    the value. Values come from articles: control characters go, whitespace is folded, and the value is
    HTML-escaped for the attribute; the block is raw HTML on one line, which Markdown passes through.
    Built-in search sees no text in it; a few hundred bytes per page. `names`: the actors and places that
    live on this page (no page of their own) get the `name` filter an entity page has (`names_block`), so the
    search box shows this article first for them.
    """
    pairs: list[tuple[str, str]] = []
    if r.source:
        pairs.append(("source", r.source))
    ymd = _ymd(r)
    if ymd:
        pairs.append(("year", str(ymd[0])))
    speakers = {q.speaker for q in r.quotes if q.speaker}
    actors = [a for a in r.actors if a.name in speakers] + [a for a in r.actors if a.name not in speakers]
    pairs += [("actor", a.name) for a in actors[:FACET_ACTORS]]
    pairs += [("place", p.name) for p in r.places[:FACET_PLACES]]
    spans = []
    for key, value in dict.fromkeys(pairs):
        value = _FACET_JUNK.sub(" ", value or "").strip()[:100]
        if value:
            spans.append(f'<span data-pagefind-filter="{key}:{html.escape(value, quote=True)}"></span>')
    keys = [k for k in dict.fromkeys(name_key(n) for n in names) if k]
    spans += [f'<span data-pagefind-filter="name:{html.escape(k, quote=True)}"></span>' for k in keys]
    sort = ' data-pagefind-sort="articles:1"' if keys else ""
    return raw(f'<div class="ss-facets" hidden{sort}>{"".join(spans)}</div>') if spans else ""


def name_key(name: str) -> str:
    """A name as the search box compares it: accents and punctuation gone, case folded ("Donald J. Trump" ->
    "donald j trump"). docs/assets/summary-site-search.js normalises the query the same way."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())[:100]


def names_block(entry: Entry) -> str:
    """Invisible search keys of an actor's or place's own page: a `name` filter per name and alias, and its
    number of articles to sort by. The search box asks for the page whose `name` is the query and shows it
    first (a busy person's page otherwise comes after the many articles with the name in their title)."""
    keys = [k for k in dict.fromkeys(name_key(n) for n in [entry.name, *entry.aliases]) if k]
    spans = "".join(f'<span data-pagefind-filter="name:{html.escape(k, quote=True)}"></span>' for k in keys)
    return raw(f'<div class="ss-facets" hidden data-pagefind-sort="articles:{len(entry.articles)}">{spans}</div>')


# --- actor and place pages ------------------------------------------------------------------------------

def _articles_list(entry: Entry, index: SiteIndex) -> list[str]:
    """The latest `MAX_ENTRY_ARTICLES` articles; a busy actor's page stays small at any archive size."""
    items = []
    for rid in entry.articles[:MAX_ENTRY_ARTICLES]:
        r = index.by_id[rid]
        items.append(_byline(_article_link(r), e.html_text(_date(r)), e.html_text(r.source)))
    out = [f"## Articles ({len(entry.articles):,})\n"]
    if len(entry.articles) > MAX_ENTRY_ARTICLES:
        out.append(f"The latest {MAX_ENTRY_ARTICLES}; search with the filter for this name to find the others.\n")
    return out + [_folded(items, SHOWN_ITEMS, attrs=NOT_SEARCHED)]  # titles: found on the articles' own pages


def _folded(items: list[str], shown: int, attrs: str = "") -> str:
    """A list whose first `shown` items are open and the rest folded under "N more" (one raw block)."""
    if len(items) <= shown + 2:
        return _items(items, attrs=attrs)
    head = "\n".join(f"<li>{x}</li>" for x in items[:shown])
    rest = "\n".join(f"<li>{x}</li>" for x in items[shown:])
    return raw(f"<ul{attrs}>\n{head}\n</ul>\n<details class=\"ss-more\"{attrs}>\n"
               f"<summary>{len(items) - shown:,} more</summary>\n<ul>\n{rest}\n</ul>\n</details>")


def _also_named(entry: Entry) -> str:
    """The other names, weighted up for the search: the query "Obama" finds Barack Obama's own page first."""
    names = ", ".join(e.html_text(x) for x in entry.aliases)
    return raw(f'<p data-pagefind-weight="8"><strong>Also named:</strong> {names}</p>')


def _appears_with(entry: Entry, index: SiteIndex, here: str) -> list[str]:
    """The actors and places most often in the same articles, with how many articles they share."""
    if not entry.with_actors and not entry.with_places:
        return []
    out = ["## Appears with\n", "Most often in the same articles (number of shared articles).\n"]
    a_prefix = "" if here == "actors" else "../actors/"
    p_prefix = "" if here == "places" else "../places/"
    if entry.with_actors:
        links = ", ".join(f"{_a(f'{a_prefix}{a}.md', e.html_text(index.actors[a].name))} ({n})"
                          for a, n in entry.with_actors)
        out.append(raw(f"<p><strong>People and organisations:</strong> {links}</p>"))
    if entry.with_places:
        links = ", ".join(f"{_a(f'{p_prefix}{p}.md', e.html_text(index.places[p].name))} ({n})"
                          for p, n in entry.with_places)
        out.append(raw(f"<p><strong>Places:</strong> {links}</p>"))
    return out


def actor_page(entry: Entry, index: SiteIndex) -> str:
    kind = KIND_LABEL.get(entry.kind, entry.kind)
    out = [_front(entry.name, f"{kind} in {_plural(len(entry.articles), 'article')}")]
    out.append("[Home](../index.md) › [Actors](index.md)\n")
    out.append(f"# {e.text(entry.name)}\n")
    out.append(names_block(entry))
    direct = dl.direct_quotes(entry)
    reported = [(rid, q) for rid, q in entry.quotes if q.kind == "indirect"]
    facts = [f"**{kind}**", _plural(len(entry.articles), "article"), _plural(entry.mentions, "mention")]
    if direct:
        facts.append(_plural(len(direct), "quote"))
    out.append(" · ".join(facts) + "\n")
    if entry.roles:
        out.append("**Roles:** " + "; ".join(e.text(x) for x in entry.roles) + "\n")
    if entry.affiliations:
        out.append("**Affiliations:** " + "; ".join(e.text(x) for x in entry.affiliations) + "\n")
    if entry.aliases:
        out.append(_also_named(entry))
    out.append(timeline_block("ss-timeline", entry.name, [index.by_id[rid] for rid in entry.articles],
                              Counter(rid for rid, _ in direct)))
    if entry.quotes:
        out.append(f"Download: [all {_plural(len(entry.quotes), 'quote')} as CSV](../{dl.actor_quotes_path(entry)})"
                   " (with the reported speech)\n")
    if direct:
        out += _quotes_by_article(direct, index)
    if reported:
        out.append(f"## Reported speech ({len(reported):,})\n")
        items = [f"{e.html_text(q.text)} — in {_article_link(index.by_id[rid])}" for rid, q in reported[:MAX_REPORTED]]
        if len(reported) > MAX_REPORTED:
            items.append(f"<em>{len(reported) - MAX_REPORTED:,} more in the CSV</em>")
        out.append(_folded(items, SHOWN_ITEMS))
    out += _articles_list(entry, index)
    out += _appears_with(entry, index, "actors")
    out.append(neighbourhood_block(entry, index))
    return "\n".join(out)


def _quotes_by_article(quotes: list[tuple[str, Quote]], index: SiteIndex) -> list[str]:
    """Newest article first (the order of `entry.quotes`), each article's quotes under one heading line with
    their count (the newest `OPEN_GROUPS` open, the older ones folded); short fragments on one line; at most
    `QUOTE_BUDGET` bytes, then a pointer to the CSV."""
    groups = [(rid, [q for _, q in qs]) for rid, qs in groupby(quotes, key=lambda x: x[0])]
    out = [f"## Quotes ({len(quotes):,} in {_plural(len(groups), 'article')})\n", "Newest first.\n"]
    blocks, used, shown = [], 0, 0
    for rid, qs in groups:
        r = index.by_id[rid]
        head = _byline(f"<strong>{_article_link(r)}</strong>", e.html_text(_date(r)), e.html_text(r.source),
                       _plural(len(qs), "quote"))
        parts = []
        fragments = [q for q in qs if q.kind == "partial" and len(q.text.split()) <= FRAGMENT_WORDS]
        for q in qs:
            if q in fragments:
                continue
            cue = f" ({e.html_text(q.cue)})" if q.cue else ""
            link = _a(f"../articles/{rid}.md{_anchor(q)}", f"¶ {q.paragraph + 1}") if q.paragraph is not None else ""
            note = (cue + _uncertain(q)).strip()
            text = f"<p>“{e.html_text(q.text)}”</p>"
            parts.append(f"<blockquote>\n{text}\n<p>{_byline(note, link)}</p>\n</blockquote>" if note or link
                         else f"<blockquote>{text}</blockquote>")
        if fragments:
            words = ", ".join(_a(f"../articles/{rid}.md{_anchor(q)}", f"“{e.html_text(q.text)}”") for q in fragments)
            parts.append(f'<p class="ss-fragments">Also: {words}</p>')
        if len(blocks) < OPEN_GROUPS:
            block = (f'<section class="ss-quote-group">\n<p class="ss-quote-group__head"{NOT_SEARCHED}>{head}</p>\n'
                     + "\n".join(parts) + "\n</section>")
        else:  # older articles folded: one line each until opened
            block = (f'<details class="ss-quote-group">\n<summary{NOT_SEARCHED}>{head}</summary>\n'
                     + "\n".join(parts) + "\n</details>")
        if blocks and used + len(block) > QUOTE_BUDGET:
            break
        used += len(block)
        shown += len(qs)
        blocks.append(block)
    out.append(raw("\n".join(blocks)))
    if shown < len(quotes):
        out.append(f"*{len(quotes) - shown:,} older quotes are not shown here: they are all in the CSV above.*\n")
    return out


def _place_quotes(entry: Entry, index: SiteIndex) -> list[tuple[Record, Quote]]:
    """Quotes in this place's articles that name the place (or one of its other names), newest first."""
    names = [n for n in dict.fromkeys([entry.name, *entry.aliases]) if len(n) >= 3]
    if not names:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
    found = []
    for rid in entry.articles:
        r = index.by_id[rid]
        found += [(r, q) for q in r.quotes if pattern.search(q.text)]
    return found


def place_page(entry: Entry, index: SiteIndex) -> str:
    kind = KIND_LABEL.get(entry.kind, entry.kind)
    out = [_front(entry.name, f"{kind} in {_plural(len(entry.articles), 'article')}")]
    out.append("[Home](../index.md) › [Places](index.md)\n")
    out.append(f"# {e.text(entry.name)}\n")
    out.append(names_block(entry))
    facts = [f"**{kind}**"]
    if entry.country:
        facts.append(f"country {e.text(entry.country)}")
    if _has_coordinates(entry):
        facts.append(f"{entry.lat:.4f}, {entry.lon:.4f}")
    else:
        facts.append("no coordinates")
    facts += [_plural(len(entry.articles), "article"), _plural(entry.mentions, "mention")]
    out.append(" · ".join(facts) + "\n")
    if entry.aliases:
        out.append(_also_named(entry))
    block = map_block([entry], small=True, zoom=ZOOM.get(entry.kind, 8))
    if block:
        out.append(block)
    quotes = _place_quotes(entry, index)
    out.append(timeline_block("ss-timeline", entry.name, [index.by_id[rid] for rid in entry.articles],
                              Counter(r.id for r, _ in quotes)))
    out += _articles_list(entry, index)
    if quotes:
        shown = f"the latest {MAX_PLACE_QUOTES} of {len(quotes):,}" if len(quotes) > MAX_PLACE_QUOTES else len(quotes)
        out.append(f"## Quotes naming {e.text(entry.name)} ({shown})\n")
        for r, q in quotes[:MAX_PLACE_QUOTES]:
            anchor = _anchor(q)
            text = e.html_text(q.text) if q.kind == "indirect" else f"“{e.html_text(q.text)}”"
            out.append(_blockquote(text, f"{_speaker(index, r.id, q)} in "
                                         f"{_article_link(r, anchor=anchor)}"))
    out += _appears_with(entry, index, "places")
    return "\n".join(out)


# --- home ---------------------------------------------------------------------------------------------

def _article_item(r: Record, prefix: str) -> str:
    """Title, date and source, lede: one `<li>` of an article list."""
    lede = f"<br>\n{e.html_text(r.summary.lede[:280])}" if r.summary.lede else ""
    return (f"<strong>{_article_link(r, prefix=prefix)}</strong><br>\n"
            f"{_byline(e.html_text(_date(r)), e.html_text(r.source))}{lede}")


def raw_link(href: str, label: str) -> str:
    """Inline HTML link to a file MkDocs does not know (the feed is written after the build)."""
    return f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>'


def latest_fragment(index: SiteIndex) -> str:
    """The Home page's "Latest articles" (inserted into the hand-written docs/index.md by the plugin)."""
    quotes = sum(1 for r in index.records for q in r.quotes if q.kind != "indirect")
    out = [f"{_plural(len(index.records), 'article')} · [{_plural(len(index.actors), 'actor')}](actors/index.md)"
           f" · [{_plural(len(index.places), 'place')}](places/index.md) · "
           f"[{_plural(quotes, 'quote')}](quotes/index.md)\n", "## Latest articles\n"]
    if index.records:
        out.append(_items([_article_item(r, "articles/") for r in index.records[:HOME_LATEST]], "ss-articles",
                          NOT_SEARCHED))  # the articles are found on their own pages
    else:
        out.append("*No articles yet: put some in the seeds folder and run `make site`.*")
    out.append("\n[All articles by date →](articles/index.md)\n")
    out.append(f"Follow the latest articles in a feed reader ({raw_link('feed.xml', 'Atom feed')}), or download the "
               f"data: [articles](downloads/articles.csv), [actors](downloads/actors.csv), "
               f"[places](downloads/places.csv) and [quotes](downloads/quotes.csv) as CSV, or every record as "
               f"[JSON Lines](downloads/records.jsonl).\n")
    return "\n".join(out)

"""Render: the stories (`generator.stories`) -> the Stories index, one page per story, and the "Same story
elsewhere" section of each grouped article's page.

A story page puts its articles side by side, by date then outlet: what each one led with, the actors it named
and the quotes it chose, so a reader sees how the outlets told one event. Article text goes through `escape`;
links to actors only where the actor has a page (`SiteIndex.actor_link`). The listings are left out of the
chunked search (`data-pagefind-ignore`): the titles, ledes and quotes are found on the articles' own pages.
"""

from __future__ import annotations

from generator.aggregate import SiteIndex
from generator.records import Record
from generator.render import escape as e
from generator.render import raw
from generator.render.common import MONTHS, _a, _article_link, _byline, _date, _front, _items, _plural, _table
from generator.stories import Story

DIR = "stories"
QUOTES_SHOWN = 8
"""Quotes listed per article on a story page; the rest are on the article's own page."""
ACTORS_SHOWN = 15
MAX_LISTED = 2000
"""Stories in the index table (newest first): a page that stays small at any size of archive."""
NOT_SEARCHED = " data-pagefind-ignore"


def render_stories(stories: list[Story], index: SiteIndex) -> dict[str, str]:
    pages = {f"{DIR}/index.md": stories_index(stories)}
    for s in stories:
        pages[f"{DIR}/{s.id}.md"] = story_page(s, index)
    return pages


def _dates(s: Story) -> str:
    if not s.first:
        return "undated"
    first, last = _day_label(s.first), _day_label(s.last or s.first)
    return first if first == last else f"{first} – {last}"


def _day_label(iso: str) -> str:
    try:
        y, m, d = (int(x) for x in iso[:10].split("-"))
        return f"{d} {MONTHS[m - 1]} {y}"
    except (ValueError, IndexError):
        return iso


def stories_index(stories: list[Story]) -> str:
    out = [_front("Stories", "Articles about the same event, grouped across outlets."),
           "[Home](../index.md) › Stories\n", "# Stories\n"]
    if not stories:
        out.append("No two articles report the same event yet. Articles are grouped into a story when they are "
                   "copies of one text, or when they appeared within a few days of each other and share most of "
                   "their distinctive words and names; when in doubt they stay apart.\n")
        return "\n".join(out)
    grouped = sum(len(s.articles) for s in stories)
    count = "1 story" if len(stories) == 1 else f"{len(stories):,} stories"
    out.append(f"{count} of {_plural(grouped, 'article')}: articles about the same event, across outlets (copies "
               "of one text, or articles a few days apart that share most of their distinctive words and names). "
               "Newest first.\n")
    ordered = sorted(stories, key=lambda s: (s.last is None, _neg(s.last or ""), s.id))  # undated last
    rows = [[_a(f"{s.id}.md", e.html_text(s.title)), e.html_text(_dates(s)),
             e.html_text(", ".join(s.sources) or "—"), str(len(s.articles))] for s in ordered[:MAX_LISTED]]
    out.append(_table(["Story", "Dates", "Outlets", "Articles"], rows, NOT_SEARCHED))
    if len(ordered) > MAX_LISTED:
        out.append(f"The newest {MAX_LISTED:,}; each article's page links its own story.\n")
    return "\n".join(out)


def _neg(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def story_page(s: Story, index: SiteIndex) -> str:
    records = [index.by_id[rid] for rid in s.articles]
    outlets = {r.source for r in records if r.source}
    out = [_front(s.title, f"{_plural(len(records), 'article')} about one event"),
           "[Home](../index.md) › [Stories](index.md)\n", f"# {e.text(s.title)}\n"]
    out.append(" · ".join([f"**{_plural(len(records), 'article')}**",
                           _plural(len(outlets), "outlet") if outlets else "outlets not known",
                           e.text(_dates(s))]) + "\n")
    common = _named_by_all(records, index)
    if common:
        out.append(raw(f"<p><strong>Named by every article:</strong> {', '.join(common)}</p>"))
    out.append(raw(_comparison(records, index)))
    for r in records:
        out.append(raw(_article_block(r, index)))
    return "\n".join(out)


def _comparison(records: list[Record], index: SiteIndex) -> str:
    """The text equivalent at a glance: one row per article (outlet, date, how many actors and quotes)."""
    rows = "\n".join(f"<tr><td>{e.html_text(r.source or '—')}</td><td>{e.html_text(_date(r))}</td>"
                     f"<td>{_article_link(r)}</td><td>{len(r.actors)}</td>"
                     f"<td>{sum(1 for q in r.quotes if q.kind != 'indirect')}</td></tr>" for r in records)
    return (f"<table{NOT_SEARCHED}>\n<thead><tr><th>Outlet</th><th>Date</th><th>Article</th><th>Actors</th>"
            f"<th>Quotes</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>")


def _named_by_all(records: list[Record], index: SiteIndex) -> list[str]:
    """Actors every article names (by their page across the collection), linked where they have a page."""
    keys = None
    first: dict[str, tuple[str, str]] = {}
    for r in records:
        mine = {}
        for a in r.actors:
            key = index.actor_page.get((r.id, a.name), a.name)
            mine[key] = (r.id, a.name)
        keys = set(mine) if keys is None else keys & set(mine)
        for k, v in mine.items():
            first.setdefault(k, v)
    return [_actor(index, *first[k]) for k in sorted(keys or (), key=lambda k: index.actors[k].name.lower()
                                                         if k in index.actors else k.lower())][:ACTORS_SHOWN]


def _actor(index: SiteIndex, rid: str, name: str) -> str:
    eid = index.actor_link(rid, name)
    label = e.html_text(index.actors[eid].name if eid else name)
    return _a(f"../actors/{eid}.md", label) if eid else label


def _article_block(r: Record, index: SiteIndex) -> str:
    head = _byline(e.html_text(r.source or "source not known"), e.html_text(_date(r)))
    parts = [f'<section class="ss-story-article"{NOT_SEARCHED}>',
             f"<h2>{head}</h2>", f"<p><strong>{_article_link(r)}</strong></p>"]
    if r.summary.lede:
        parts.append(f"<p>{e.html_text(r.summary.lede)}</p>")
    if r.actors:
        names = [_actor(index, r.id, a.name) for a in r.actors[:ACTORS_SHOWN]]
        more = f" and {len(r.actors) - ACTORS_SHOWN} more" if len(r.actors) > ACTORS_SHOWN else ""
        parts.append(f"<p><strong>Actors named:</strong> {', '.join(names)}{more}</p>")
    else:
        parts.append("<p><strong>Actors named:</strong> <em>none found</em></p>")
    quotes = [q for q in r.quotes if q.kind != "indirect"]
    if quotes:
        items = []
        for q in quotes[:QUOTES_SHOWN]:
            who = _actor(index, r.id, q.speaker) if q.speaker else "<em>speaker not named</em>"
            anchor = f"#p{q.paragraph + 1}" if q.paragraph is not None else ""
            items.append(f"{who}: “{e.html_text(q.text)}” {_a(f'../articles/{r.id}.md{anchor}', '¶')}")
        parts.append(f"<p><strong>Quotes it chose</strong> ({len(quotes)}):</p>")
        parts.append("<ul>\n" + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>")
        if len(quotes) > QUOTES_SHOWN:
            parts.append(f"<p>{len(quotes) - QUOTES_SHOWN} more on {_article_link(r)}.</p>")
    else:
        parts.append("<p><strong>Quotes it chose:</strong> <em>none</em></p>")
    parts.append("</section>")
    return "\n".join(parts)


SAME_STORY_SHOWN = 5
"""Other articles of its story listed on an article's page (all are on the story's page): a story of 40 wire
copies must not push an article page over its 60 KB (benchmarks/shards.py)."""


def same_story_block(r: Record, story: Story | None, index: SiteIndex) -> str:
    """The article page's section: its story's page and the other articles, by date then outlet."""
    if story is None:
        return ""
    others = [index.by_id[rid] for rid in story.articles if rid != r.id]
    items = [_byline(_article_link(x, prefix=""), e.html_text(x.source), e.html_text(_date(x)))
             for x in others[:SAME_STORY_SHOWN]]
    if len(others) > SAME_STORY_SHOWN:
        items.append(_a(f"../{DIR}/{story.id}.md", f"{len(others) - SAME_STORY_SHOWN:,} more") + " on the story's page")
    return "\n".join(["## Same story elsewhere\n",
                      f"[{_plural(len(others), 'other article')} about this event](../{DIR}/{story.id}.md), "
                      "compared side by side:\n", _items(items, "ss-same-story", NOT_SEARCHED)])

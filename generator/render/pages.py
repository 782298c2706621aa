"""Render: SiteIndex -> {relative path: Markdown}. Pure; writing happens in `generator.site`.

Every value that came from an article goes through `escape.text` (or `escape.yaml_str`,
`escape.safe_url`, `escape.tag`). Structure (links, headings, anchors) is ours.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict

from generator.aggregate import Entry, SiteIndex
from generator.records import UNCERTAIN, Quote, Record
from generator.render import escape as e
from generator.render import raw

GENERATED_DIRS = ("articles", "actors", "places", "quotes", "tags", ".summary-site")
"""Folders under docs/ that belong to the generator; everything else in docs/ is the user's."""

KIND_LABEL = {"person": "Person", "organization": "Organisation", "group": "Group", "country": "Country",
              "city": "City", "region": "Region", "landmark": "Landmark", "water": "Water", "other": "Place"}
MAX_TAGS = 10
HOME_LATEST = 10
MAX_PLACE_QUOTES = 20
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ZOOM = {"country": 4, "region": 6, "water": 6, "city": 10, "landmark": 13}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
FACET_ACTORS = 10
FACET_PLACES = 6
_FACET_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+|\s+")


def render_site(index: SiteIndex) -> dict[str, str]:
    pages: dict[str, str] = {}
    for r in index.records:
        pages[f"articles/{r.id}.md"] = article_page(r, index)
    for entry in index.actors.values():
        pages[f"actors/{entry.id}.md"] = actor_page(entry, index)
    for entry in index.places.values():
        pages[f"places/{entry.id}.md"] = place_page(entry, index)
    pages["articles/index.md"] = articles_index(index)
    pages["actors/index.md"] = actors_index(index)
    pages["places/index.md"] = places_index(index)
    pages["quotes/index.md"] = quotes_index(index)
    pages["tags/index.md"] = ("---\ntitle: Tags\n---\n\n[Home](../index.md) › Tags\n\n# Tags\n\n"
                              "Articles by the actors and places they mention.\n\n<!-- material/tags -->\n")
    pages[".summary-site/latest.md"] = latest_fragment(index)
    return pages


# --- small pieces --------------------------------------------------------------------------------------
# Headings, breadcrumbs and short lines are Markdown. The long repeated parts (tables, quote and article
# lists) are raw HTML blocks, which Markdown passes through untouched: its inline parser was most of the
# build's time. Their text goes through `e.html_text`; their links point at .md files, as Markdown links
# do, and the plugin turns them into page URLs (`plugin.resolve_md_links`).

def _a(href: str, label: str) -> str:
    """A link in a raw HTML block; `label` is already escaped, `href` is ours (a page path and anchor)."""
    return f'<a href="{html.escape(href, quote=True)}">{label}</a>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return raw(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def _items(items: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return raw(f"<ul{attr}>\n" + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>")


def _blockquote(text: str, byline: str) -> str:
    return raw(f"<blockquote>\n<p>{text}</p>\n<p>— {byline}</p>\n</blockquote>")


def _front(title: str, description: str = "", tags: list[str] | None = None) -> str:
    lines = ["---", f"title: {e.yaml_str(title)}"]
    if description:
        lines.append(f"description: {e.yaml_str(description[:300])}")
    if tags:
        lines.append("tags:")
        lines += [f"  - {e.yaml_str(t)}" for t in tags]
    return "\n".join(lines + ["---", "", ""])


def _ymd(r: Record) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) from the record's ISO date; None when undated or unreadable."""
    m = _ISO_DATE.match(r.date or "")
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    return int(m[1]), int(m[2]), int(m[3]) if m[3] else None


def _date(r: Record) -> str:
    """A readable date: 22 March 2017 (or the raw value, unescaped, when it is not ISO), else "undated"."""
    ymd = _ymd(r)
    if ymd is None:
        return r.date[:10] if r.date else "undated"
    y, mo, d = ymd
    return f"{d} {MONTHS[mo - 1]} {y}" if d else f"{MONTHS[mo - 1]} {y}"


def _month_heading(y: int, mo: int) -> str:
    return f"{MONTHS[mo - 1]} {y}"


def _month_anchor(y: int, mo: int) -> str:
    return f"{MONTHS[mo - 1].lower()}-{y}"  # the id the toc extension gives "## March 2017"


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


def _byline(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _actor_link(index: SiteIndex, rid: str, name: str | None, prefix: str = "../actors/") -> str:
    if not name:
        return "<em>speaker not named</em>"
    eid = index.actor_page.get((rid, name))
    return _a(f"{prefix}{eid}.md", e.html_text(name)) if eid else e.html_text(name)


def _speaker(index: SiteIndex, rid: str, q: Quote) -> str:
    """The speaker's link, marked when the attribution is uncertain so the reader knows to check it."""
    return _actor_link(index, rid, q.speaker) + _uncertain(q)


def _uncertain(q: Quote) -> str:
    if not q.speaker or q.confidence is None or q.confidence >= UNCERTAIN:
        return ""
    return (' <span class="ss-uncertain" title="Uncertain attribution: the text does not name the speaker '
            f'beside this quote (confidence {q.confidence:.2f}). Check the article.">(uncertain)</span>')


def _article_link(r: Record, prefix: str = "../articles/", anchor: str = "") -> str:
    return _a(f"{prefix}{r.id}.md{anchor}", e.html_text(r.title))


# --- article --------------------------------------------------------------------------------------------

def article_page(r: Record, index: SiteIndex) -> str:
    tags = [e.tag(a.name) for a in r.actors[:6]] + [e.tag(p.name) for p in r.places[:4]]
    tags = [t for t in dict.fromkeys(tags) if t][:MAX_TAGS]
    out = [_front(r.title, r.summary.lede, tags)]
    ymd = _ymd(r)
    when = (f"[{_month_heading(*ymd[:2])}](index.md#{_month_anchor(*ymd[:2])})" if ymd
            else "[Undated](index.md#undated)")
    out.append(f"[Home](../index.md) › [Articles](index.md) › {when}\n")
    out.append(f"# {e.text(r.title)}\n")
    out.append(_meta_line(r) + "\n")
    facets = facets_block(r)
    if facets:
        out.append(facets)
    if r.notes:
        out += [f"!!! note \"Note\"\n    {e.text(n)}\n" for n in r.notes]
    out.append("## Summary\n")
    if r.summary.lede:
        out.append(f"**{e.text(r.summary.lede)}**\n")
    if r.summary.key_points:
        out.append("\n".join(f"- {e.text(p)}" for p in r.summary.key_points) + "\n")
    if r.actors:
        out.append("## Actors\n")
        rows = []
        for a in r.actors:
            roles = "; ".join(a.roles[:3] + [f"({x})" for x in a.affiliations[:2] if x not in " ".join(a.roles)])
            rows.append([_actor_link(index, r.id, a.name), KIND_LABEL.get(a.kind, e.html_text(a.kind)),
                         e.html_text(roles), str(a.mentions)])
        out.append(_table(["Actor", "Kind", "Role", "Mentions"], rows))
    if r.places:
        out.append("## Places\n")
        rows = []
        for p in r.places:
            pid = index.place_page.get((r.id, p.name))
            link = _a(f"../places/{pid}.md", e.html_text(p.name)) if pid else e.html_text(p.name)
            rows.append([link, KIND_LABEL.get(p.kind, e.html_text(p.kind)), e.html_text(p.country or "—"),
                         str(p.mentions)])
        out.append(_table(["Place", "Kind", "Country", "Mentions"], rows))
    direct = [q for q in r.quotes if q.kind != "indirect"]
    reported = [q for q in r.quotes if q.kind == "indirect"]
    if direct:
        out.append("## Quotes\n")
        for q in direct:
            cue = f" ({e.html_text(q.cue)})" if q.cue else ""
            out.append(_blockquote(f"“{e.html_text(q.text)}”",
                                   _byline(_speaker(index, r.id, q) + cue, _paragraph_link(q))))
    if reported:
        out.append("## Reported speech\n")
        out.append(_items([_byline(f"{_speaker(index, r.id, q)} ({e.html_text(q.cue or 'said')}): "
                                   f"{e.html_text(q.text)}", _paragraph_link(q)) for q in reported]))
    out.append("## Full text\n")
    out.append(full_text_block(r.paragraphs))
    return "\n".join(out)


def full_text_block(paragraphs: list[str]) -> str:
    """The article text as one raw HTML block, escaped with html.escape: Markdown leaves raw blocks alone,
    which keeps the text inert and the build fast (inline Markdown parsing of long text is MkDocs' main cost).
    Same markup as a collapsed `??? abstract` block, so it looks the same."""
    body = "\n".join(f'<p id="p{i}">{html.escape(" ".join(p.split()))}</p>' for i, p in enumerate(paragraphs, 1))
    return raw(f'<details class="abstract">\n<summary>Read the full article text</summary>\n{body}\n</details>')



def facets_block(r: Record) -> str:
    """Invisible search facets for Pagefind: source, year, actors (speakers first) and places; no text.

    `<span data-pagefind-filter="place:Mosul"></span>`: Pagefind takes everything after the first colon as
    the value. Values come from articles: control characters go, whitespace is folded, and the value is
    HTML-escaped for the attribute; the block is raw HTML on one line, which Markdown passes through.
    Built-in search sees no text in it; a few hundred bytes per page.
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
    return raw(f'<div class="ss-facets" hidden>{"".join(spans)}</div>') if spans else ""


# --- actor and place pages ------------------------------------------------------------------------------

def _articles_list(entry: Entry, index: SiteIndex) -> list[str]:
    items = []
    for rid in entry.articles:
        r = index.by_id[rid]
        items.append(_byline(_article_link(r), e.html_text(_date(r)), e.html_text(r.source)))
    return [f"## Articles ({len(entry.articles)})\n", _items(items)]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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
    direct = [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]
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
        out.append("**Also named:** " + ", ".join(e.text(x) for x in entry.aliases) + "\n")
    if direct:
        out.append(f"## Quotes ({len(direct)})\n")
        for rid, q in direct:
            r = index.by_id[rid]
            anchor = _anchor(q)
            cue = f" ({e.html_text(q.cue)})" if q.cue else ""
            byline = _byline(f"in {_article_link(r, anchor=anchor)}{cue}{_uncertain(q)}", e.html_text(_date(r)))
            out.append(_blockquote(f"“{e.html_text(q.text)}”", byline))
    if reported:
        out.append(f"## Reported speech ({len(reported)})\n")
        out.append(_items([f"{e.html_text(q.text)} — in {_article_link(index.by_id[rid])}" for rid, q in reported]))
    out += _articles_list(entry, index)
    out += _appears_with(entry, index, "actors")
    return "\n".join(out)


def _has_coordinates(entry: Entry) -> bool:
    """Real coordinates only: both present, finite, in range, and not the 0,0 placeholder."""
    lat, lon = entry.lat, entry.lon
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return False
    return not (lat == 0 and lon == 0)


def map_block(entries: list[Entry], *, small: bool = False, zoom: int | None = None) -> str:
    """A Leaflet map drawn by docs/assets/summary-site.js from a JSON data attribute.

    Place names come from articles: the data is JSON (json.dumps), with `<`, `>` and `&` turned into
    JSON escapes, then HTML-escaped for the attribute; the script only ever sets names as text.
    """
    data = [{"id": x.id, "name": x.name, "lat": round(x.lat, 4), "lon": round(x.lon, 4), "n": len(x.articles)}
            for x in entries if _has_coordinates(x)]
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    cls = "ss-map ss-map--small" if small else "ss-map"
    z = f' data-zoom="{int(zoom)}"' if zoom is not None else ""
    return raw(f'<div class="{cls}" data-places="{html.escape(payload, quote=True)}"{z}></div>')


def _place_quotes(entry: Entry, index: SiteIndex) -> list[tuple[Record, Quote]]:
    """Quotes in this place's articles that name the place (or one of its other names)."""
    names = [n for n in dict.fromkeys([entry.name, *entry.aliases]) if len(n) >= 3]
    if not names:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
    found = []
    for rid in entry.articles:
        r = index.by_id[rid]
        found += [(r, q) for q in r.quotes if pattern.search(q.text)]
    return found[:MAX_PLACE_QUOTES]


def place_page(entry: Entry, index: SiteIndex) -> str:
    kind = KIND_LABEL.get(entry.kind, entry.kind)
    out = [_front(entry.name, f"{kind} in {_plural(len(entry.articles), 'article')}")]
    out.append("[Home](../index.md) › [Places](index.md)\n")
    out.append(f"# {e.text(entry.name)}\n")
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
        out.append("**Also named:** " + ", ".join(e.text(x) for x in entry.aliases) + "\n")
    block = map_block([entry], small=True, zoom=ZOOM.get(entry.kind, 8))
    if block:
        out.append(block)
    out += _articles_list(entry, index)
    quotes = _place_quotes(entry, index)
    if quotes:
        out.append(f"## Quotes naming {e.text(entry.name)} ({len(quotes)})\n")
        for r, q in quotes:
            anchor = _anchor(q)
            text = e.html_text(q.text) if q.kind == "indirect" else f"“{e.html_text(q.text)}”"
            out.append(_blockquote(text, f"{_speaker(index, r.id, q)} in "
                                         f"{_article_link(r, anchor=anchor)}"))
    out += _appears_with(entry, index, "places")
    return "\n".join(out)


# --- indexes --------------------------------------------------------------------------------------------

def _article_item(r: Record, prefix: str) -> str:
    """Title, date and source, lede: one `<li>` of an article list."""
    lede = f"<br>\n{e.html_text(r.summary.lede[:280])}" if r.summary.lede else ""
    return (f"<strong>{_article_link(r, prefix=prefix)}</strong><br>\n"
            f"{_byline(e.html_text(_date(r)), e.html_text(r.source))}{lede}")


def articles_index(index: SiteIndex) -> str:
    """The archive as a timeline: years, then months, newest first; undated articles apart at the end."""
    by_month: dict[tuple[int, int], list[Record]] = defaultdict(list)
    undated = []
    for r in index.records:
        ymd = _ymd(r)
        if ymd:
            by_month[ymd[:2]].append(r)
        else:
            undated.append(r)
    n = len(index.records)
    out = [_front("Articles", "All articles by date, newest first."), "[Home](../index.md) › Articles\n",
           "# Articles\n"]
    summary = f"{_plural(n, 'article')}, by date, newest first"
    if undated:
        summary += f"; {len(undated)} without a date at the end"
    out.append(summary + ".\n")
    years = sorted({y for y, _ in by_month}, reverse=True)
    jumps = [f"[{y}](#{y})" for y in years] + (["[Undated](#undated)"] if undated else [])
    if len(jumps) > 1:
        out.append("Jump to: " + " · ".join(jumps) + "\n")
    for year in years:
        months = sorted((m for y, m in by_month if y == year), reverse=True)
        count = sum(len(by_month[(year, m)]) for m in months)
        out.append(f"## {year}\n")
        out.append(f"{_plural(count, 'article')}.\n")
        for month in months:
            out.append(f"### {_month_heading(year, month)}\n")
            out.append(_items([_article_item(r, "") for r in by_month[(year, month)]], "ss-articles"))
    if undated:
        out.append("## Undated\n")
        out.append("The source of these articles gave no publication date.\n")
        out.append(_items([_article_item(r, "") for r in undated], "ss-articles"))
    return "\n".join(out)


def _initial(name: str) -> str:
    c = name[:1].upper()
    return c if c.isalpha() and c.isascii() else "#"


def _a_to_z(entries: list[Entry], headers: list[str], row) -> list[str]:
    """One table per initial letter; `row(entry)` gives the cells after the linked name and kind."""
    by_letter: dict[str, list[list[str]]] = {}
    for entry in sorted(entries, key=lambda x: (x.name.lower(), x.id)):
        kind = KIND_LABEL.get(entry.kind, e.html_text(entry.kind))
        cells = [_a(f"{entry.id}.md", e.html_text(entry.name)), kind, *row(entry)]
        by_letter.setdefault(_initial(entry.name), []).append(cells)
    out: list[str] = []
    for letter, rows in by_letter.items():
        out += [f"## {letter}\n", _table(headers, rows)]
    return out


def actors_index(index: SiteIndex) -> str:
    out = [_front("Actors"), "[Home](../index.md) › Actors\n", "# Actors\n",
           f"{len(index.actors)} people, organisations and groups, A–Z.\n"]

    def row(entry: Entry) -> list[str]:
        return [str(len(entry.articles)), str(sum(1 for _, q in entry.quotes if q.kind != "indirect"))]

    out += _a_to_z(list(index.actors.values()), ["Actor", "Kind", "Articles", "Quotes"], row)
    return "\n".join(out)


def places_index(index: SiteIndex) -> str:
    """The map of every place with coordinates, then the A–Z list (useful when map tiles cannot load)."""
    entries = sorted(index.places.values(), key=lambda x: (x.name.lower(), x.id))
    mapped = [x for x in entries if _has_coordinates(x)]
    out = [_front("Places", "Every place named in the articles, on a map and A–Z."),
           "[Home](../index.md) › Places\n", "# Places\n"]
    out.append(f"{_plural(len(entries), 'place')}; {len(mapped)} with coordinates are on the map.\n")
    block = map_block(mapped)
    if block:
        out.append(block)
        out.append("*Every place is also in the list below, with or without the map.*\n")
    out += _a_to_z(entries, ["Place", "Kind", "Country", "Articles"],
                   lambda entry: [e.html_text(entry.country or "—"), str(len(entry.articles))])
    return "\n".join(out)


QUOTES_PER_SPEAKER = 5
UNNAMED_QUOTES = 50


def quotes_index(index: SiteIndex) -> str:
    """Speakers by number of quotes, each with their latest few (the actor page has them all): one page
    that stays readable, and quick to build, at thousands of articles."""
    out = [_front("Quotes"), "[Home](../index.md) › Quotes\n", "# Quotes\n",
           f"Direct and partial quotes by speaker, the latest {QUOTES_PER_SPEAKER} each; "
           "every quote is on its speaker's page.\n"]
    speakers = [x for x in index.actors.values() if any(q.kind != "indirect" for _, q in x.quotes)]
    speakers.sort(key=lambda x: (-sum(1 for _, q in x.quotes if q.kind != "indirect"), x.name.lower()))
    for entry in speakers:
        quotes = [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]
        out.append(f"## [{e.text(entry.name)}](../actors/{entry.id}.md)\n")
        items = []
        for rid, q in quotes[:QUOTES_PER_SPEAKER]:
            r = index.by_id[rid]
            text = q.text if len(q.text) <= 300 else q.text[:297] + "…"
            anchor = _anchor(q)
            items.append(f"“{e.html_text(text)}” — {_article_link(r, anchor=anchor)}")
        if len(quotes) > QUOTES_PER_SPEAKER:
            items.append(_a(f"../actors/{entry.id}.md",
                            f"all {len(quotes)} quotes by {e.html_text(entry.name)} →"))
        out.append(_items(items))
    unattributed = [(r, q) for r in index.records for q in r.quotes if q.kind != "indirect" and not q.speaker]
    if unattributed:
        out.append(f"## Speaker not named ({len(unattributed)})\n")
        out.append(_items([f"“{e.html_text(q.text[:300])}” — {_article_link(r)}"
                           for r, q in unattributed[:UNNAMED_QUOTES]]))
    return "\n".join(out)


def latest_fragment(index: SiteIndex) -> str:
    """The Home page's "Latest articles" (inserted into the hand-written docs/index.md by the plugin)."""
    quotes = sum(1 for r in index.records for q in r.quotes if q.kind != "indirect")
    out = [f"{_plural(len(index.records), 'article')} · [{_plural(len(index.actors), 'actor')}](actors/index.md)"
           f" · [{_plural(len(index.places), 'place')}](places/index.md) · "
           f"[{_plural(quotes, 'quote')}](quotes/index.md)\n", "## Latest articles\n"]
    if index.records:
        out.append(_items([_article_item(r, "articles/") for r in index.records[:HOME_LATEST]], "ss-articles"))
    else:
        out.append("*No articles yet: put some in the seeds folder and run `make site`.*")
    out.append("\n[All articles by date →](articles/index.md)\n")
    return "\n".join(out)

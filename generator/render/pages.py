"""Render: SiteIndex -> {relative path: Markdown}. Pure; writing happens in `generator.site`.

Every value that came from an article goes through `escape.text` (or `escape.yaml_str`,
`escape.safe_url`, `escape.tag`). Structure (links, headings, anchors) is ours.
"""

from __future__ import annotations

from collections import defaultdict

from generator.aggregate import Entry, SiteIndex
from generator.render import escape as e
from generator.records import Quote, Record

GENERATED_DIRS = ("articles", "actors", "places", "quotes", "tags", ".summary-site")
"""Folders under docs/ that belong to the generator; everything else in docs/ is the user's."""

KIND_LABEL = {"person": "Person", "organization": "Organisation", "group": "Group", "country": "Country",
              "city": "City", "region": "Region", "landmark": "Landmark", "water": "Water", "other": "Place"}
MAX_TAGS = 10
HOME_LATEST = 10


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
    pages["tags/index.md"] = "---\ntitle: Tags\n---\n\n# Tags\n\nArticles by the actors and places they mention.\n\n<!-- material/tags -->\n"
    pages[".summary-site/latest.md"] = latest_fragment(index)
    return pages


# --- small pieces --------------------------------------------------------------------------------------

def _front(title: str, description: str = "", tags: list[str] | None = None) -> str:
    lines = ["---", f"title: {e.yaml_str(title)}"]
    if description:
        lines.append(f"description: {e.yaml_str(description[:300])}")
    if tags:
        lines.append("tags:")
        lines += [f"  - {e.yaml_str(t)}" for t in tags]
    return "\n".join(lines + ["---", "", ""])


def _date(r: Record) -> str:
    return e.text(r.date[:10]) if r.date else "undated"


def _meta_line(r: Record) -> str:
    bits = [_date(r)]
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


def _quote_block(q: Quote, speaker_link: str, where: str) -> str:
    body = e.text(q.text)
    open_, close = ("“", "”") if q.kind != "indirect" else ("", "")
    cue = f" ({e.text(q.cue)})" if q.cue else ""
    return f"> {open_}{body}{close}\n>\n> — {speaker_link}{cue} · {where}\n"


def _actor_link(index: SiteIndex, rid: str, name: str | None, prefix: str = "../actors/") -> str:
    if not name:
        return "*speaker not named*"
    eid = index.actor_page.get((rid, name))
    return f"[{e.text(name)}]({prefix}{eid}.md)" if eid else e.text(name)


def _article_link(r: Record, prefix: str = "../articles/", anchor: str = "") -> str:
    return f"[{e.text(r.title)}]({prefix}{r.id}.md{anchor})"


# --- article --------------------------------------------------------------------------------------------

def article_page(r: Record, index: SiteIndex) -> str:
    tags = [e.tag(a.name) for a in r.actors[:6]] + [e.tag(p.name) for p in r.places[:4]]
    tags = [t for t in dict.fromkeys(tags) if t][:MAX_TAGS]
    out = [_front(r.title, r.summary.lede, tags)]
    out.append(f"# {e.text(r.title)}\n")
    out.append("[Home](../index.md) › [Articles](index.md)\n")
    out.append(_meta_line(r) + "\n")
    if r.notes:
        out += [f"!!! note \"Note\"\n    {e.text(n)}\n" for n in r.notes]
    out.append("## Summary\n")
    if r.summary.lede:
        out.append(f"**{e.text(r.summary.lede)}**\n")
    if r.summary.key_points:
        out.append("\n".join(f"- {e.text(p)}" for p in r.summary.key_points) + "\n")
    if r.actors:
        out.append("## Actors\n")
        out.append("| Actor | Kind | Role | Mentions |\n|---|---|---|---|")
        for a in r.actors:
            roles = "; ".join(a.roles[:3] + [f"({x})" for x in a.affiliations[:2] if x not in " ".join(a.roles)])
            out.append(f"| {_actor_link(index, r.id, a.name)} | {KIND_LABEL.get(a.kind, a.kind)} | "
                       f"{e.text(roles)} | {a.mentions} |")
        out.append("")
    if r.places:
        out.append("## Places\n")
        out.append("| Place | Kind | Country | Mentions |\n|---|---|---|---|")
        for p in r.places:
            pid = index.place_page.get((r.id, p.name))
            link = f"[{e.text(p.name)}](../places/{pid}.md)" if pid else e.text(p.name)
            out.append(f"| {link} | {KIND_LABEL.get(p.kind, p.kind)} | {e.text(p.country or '—')} | {p.mentions} |")
        out.append("")
    direct = [q for q in r.quotes if q.kind != "indirect"]
    reported = [q for q in r.quotes if q.kind == "indirect"]
    if direct:
        out.append("## Quotes\n")
        for q in direct:
            where = f"[¶ {q.paragraph + 1}](#p{q.paragraph + 1})" if q.paragraph is not None else ""
            out.append(_quote_block(q, _actor_link(index, r.id, q.speaker), where))
    if reported:
        out.append("## Reported speech\n")
        for q in reported:
            where = f" · [¶ {q.paragraph + 1}](#p{q.paragraph + 1})" if q.paragraph is not None else ""
            out.append(f"- {_actor_link(index, r.id, q.speaker)} ({e.text(q.cue or 'said')}): "
                       f"{e.text(q.text)}{where}")
        out.append("")
    out.append("## Full text\n")
    out.append('??? abstract "Read the full article text"\n')
    for i, para in enumerate(r.paragraphs, 1):
        out.append(f'    <a id="p{i}"></a>{e.text(para)}\n')
    return "\n".join(out)


# --- actor and place pages ------------------------------------------------------------------------------

def _articles_list(entry: Entry, index: SiteIndex) -> list[str]:
    out = [f"## Articles ({len(entry.articles)})\n"]
    for rid in entry.articles:
        r = index.by_id[rid]
        source = f" · {e.text(r.source)}" if r.source else ""
        out.append(f"- {_article_link(r)} · {_date(r)}{source}")
    out.append("")
    return out


def _appears_with(entry: Entry, index: SiteIndex, here: str) -> list[str]:
    if not entry.with_actors and not entry.with_places:
        return []
    out = ["## Appears with\n"]
    a_prefix = "" if here == "actors" else "../actors/"
    p_prefix = "" if here == "places" else "../places/"
    if entry.with_actors:
        out.append("**Actors:** " + ", ".join(
            f"[{e.text(index.actors[a].name)}]({a_prefix}{a}.md) ({n})" for a, n in entry.with_actors) + "\n")
    if entry.with_places:
        out.append("**Places:** " + ", ".join(
            f"[{e.text(index.places[p].name)}]({p_prefix}{p}.md) ({n})" for p, n in entry.with_places) + "\n")
    return out


def actor_page(entry: Entry, index: SiteIndex) -> str:
    out = [_front(entry.name, f"{KIND_LABEL.get(entry.kind, entry.kind)} in {len(entry.articles)} articles")]
    out.append(f"# {e.text(entry.name)}\n")
    out.append("[Home](../index.md) › [Actors](index.md)\n")
    facts = [f"**{KIND_LABEL.get(entry.kind, entry.kind)}**", f"{entry.mentions} mentions"]
    out.append(" · ".join(facts) + "\n")
    if entry.roles:
        out.append("**Roles:** " + "; ".join(e.text(x) for x in entry.roles) + "\n")
    if entry.affiliations:
        out.append("**Affiliations:** " + "; ".join(e.text(x) for x in entry.affiliations) + "\n")
    if entry.aliases:
        out.append("**Also named:** " + ", ".join(e.text(x) for x in entry.aliases) + "\n")
    out += _articles_list(entry, index)
    direct = [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]
    reported = [(rid, q) for rid, q in entry.quotes if q.kind == "indirect"]
    if direct:
        out.append(f"## Quotes ({len(direct)})\n")
        for rid, q in direct:
            r = index.by_id[rid]
            anchor = f"#p{q.paragraph + 1}" if q.paragraph is not None else ""
            cue = f" ({e.text(q.cue)})" if q.cue else ""
            out.append(f"> “{e.text(q.text)}”\n>\n> — in {_article_link(r, anchor=anchor)}{cue}\n")
    if reported:
        out.append(f"## Reported speech ({len(reported)})\n")
        for rid, q in reported:
            r = index.by_id[rid]
            out.append(f"- {e.text(q.text)} — in {_article_link(r)}")
        out.append("")
    out += _appears_with(entry, index, "actors")
    return "\n".join(out)


def place_page(entry: Entry, index: SiteIndex) -> str:
    out = [_front(entry.name, f"{KIND_LABEL.get(entry.kind, entry.kind)} in {len(entry.articles)} articles")]
    out.append(f"# {e.text(entry.name)}\n")
    out.append("[Home](../index.md) › [Places](index.md)\n")
    facts = [f"**{KIND_LABEL.get(entry.kind, entry.kind)}**"]
    if entry.country:
        facts.append(f"country {e.text(entry.country)}")
    if entry.lat is not None and entry.lon is not None:
        facts.append(f"{entry.lat:.4f}, {entry.lon:.4f}")
    else:
        facts.append("no coordinates")
    facts.append(f"{entry.mentions} mentions")
    out.append(" · ".join(facts) + "\n")
    if entry.aliases:
        out.append("**Also named:** " + ", ".join(e.text(x) for x in entry.aliases) + "\n")
    out += _articles_list(entry, index)
    out += _appears_with(entry, index, "places")
    return "\n".join(out)


# --- indexes --------------------------------------------------------------------------------------------

def _article_item(r: Record, prefix: str) -> str:
    source = f" · {e.text(r.source)}" if r.source else ""
    lede = f"  \n  {e.text(r.summary.lede[:280])}" if r.summary.lede else ""
    return f"- **{_article_link(r, prefix=prefix)}** · {_date(r)}{source}{lede}"


def articles_index(index: SiteIndex) -> str:
    """The archive: by month, newest first; undated articles apart."""
    out = [_front("Articles"), "# Articles\n", f"{len(index.records)} articles, newest first.\n"]
    by_month: dict[str, list[Record]] = defaultdict(list)
    undated = []
    for r in index.records:
        if r.date:
            by_month[r.date[:7]].append(r)
        else:
            undated.append(r)
    for month in sorted(by_month, reverse=True):
        out.append(f"## {e.text(month)}\n")
        out += [_article_item(r, "") for r in by_month[month]]
        out.append("")
    if undated:
        out.append("## Undated\n")
        out += [_article_item(r, "") for r in undated]
        out.append("")
    return "\n".join(out)


def _initial(name: str) -> str:
    c = name[:1].upper()
    return c if c.isalpha() and c.isascii() else "#"


def actors_index(index: SiteIndex) -> str:
    out = [_front("Actors"), "# Actors\n", f"{len(index.actors)} people, organisations and groups, A–Z.\n"]
    entries = sorted(index.actors.values(), key=lambda x: (x.name.lower(), x.id))
    current = None
    for entry in entries:
        letter = _initial(entry.name)
        if letter != current:
            if current is not None:
                out.append("")
            out.append(f"## {letter}\n")
            out.append("| Actor | Kind | Articles | Quotes |\n|---|---|---|---|")
            current = letter
        quotes = sum(1 for _, q in entry.quotes if q.kind != "indirect")
        out.append(f"| [{e.text(entry.name)}]({entry.id}.md) | {KIND_LABEL.get(entry.kind, entry.kind)} | "
                   f"{len(entry.articles)} | {quotes} |")
    out.append("")
    return "\n".join(out)


def places_index(index: SiteIndex) -> str:
    out = [_front("Places"), "# Places\n", f"{len(index.places)} places, A–Z.\n"]
    entries = sorted(index.places.values(), key=lambda x: (x.name.lower(), x.id))
    current = None
    for entry in entries:
        letter = _initial(entry.name)
        if letter != current:
            if current is not None:
                out.append("")
            out.append(f"## {letter}\n")
            out.append("| Place | Kind | Country | Articles |\n|---|---|---|---|")
            current = letter
        out.append(f"| [{e.text(entry.name)}]({entry.id}.md) | {KIND_LABEL.get(entry.kind, entry.kind)} | "
                   f"{e.text(entry.country or '—')} | {len(entry.articles)} |")
    out.append("")
    return "\n".join(out)


def quotes_index(index: SiteIndex) -> str:
    out = [_front("Quotes"), "# Quotes\n", "Every direct and partial quote, grouped by speaker.\n"]
    speakers = [x for x in index.actors.values() if any(q.kind != "indirect" for _, q in x.quotes)]
    speakers.sort(key=lambda x: (-sum(1 for _, q in x.quotes if q.kind != "indirect"), x.name.lower()))
    for entry in speakers:
        quotes = [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]
        out.append(f"## [{e.text(entry.name)}](../actors/{entry.id}.md)\n")
        for rid, q in quotes:
            r = index.by_id[rid]
            text = q.text if len(q.text) <= 400 else q.text[:397] + "…"
            anchor = f"#p{q.paragraph + 1}" if q.paragraph is not None else ""
            out.append(f"- “{e.text(text)}” — {_article_link(r, anchor=anchor)}")
        out.append("")
    unattributed = [(r, q) for r in index.records for q in r.quotes if q.kind != "indirect" and not q.speaker]
    if unattributed:
        out.append("## Speaker not named\n")
        for r, q in unattributed:
            out.append(f"- “{e.text(q.text[:400])}” — {_article_link(r)}")
        out.append("")
    return "\n".join(out)


def latest_fragment(index: SiteIndex) -> str:
    """The Home page's "Latest articles" (inserted into the hand-written docs/index.md by the plugin)."""
    out = ["## Latest articles\n"]
    out += [_article_item(r, "articles/") for r in index.records[:HOME_LATEST]]
    if not index.records:
        out.append("*No articles yet: put some in the seeds folder and run `make site`.*")
    out.append("\n[All articles](articles/index.md) · [Actors](actors/index.md) · [Places](places/index.md) · "
               "[Quotes](quotes/index.md)\n")
    return "\n".join(out)

"""Tags: the sources' own topic tags (keywords, categories) as an index table and one page per tag.

Tags that differ only in case or spacing are one tag ("Brexit", "brexit"), shown in its most used spelling
and sorted A-Z ignoring case and accents. A tag that is the name of one of the article's actors or places is left out:
those have pages of their own, and a tag page would be a second copy of them. A tag's page lists its
articles newest first in the same table as the Articles index (`indexes.article_table`): the first
`INDEX_ROWS` rows in the HTML, the rest in JSON chunks, so no page passes 250 KB however many articles a
tag has. Slugs come from the tag alone, so a tag's address does not change when other tags come or go.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.aggregate import SiteIndex
from generator.analyse import slugify
from generator.records import Record
from generator.render import downloads as dl
from generator.render import escape as e
from generator.render import indexes as ix
from generator.render import raw
from generator.render.common import _a, _front, _plural

MAX_TAGS = 8
"""Tags of one article that are kept (sources sometimes send dozens)."""
DIR = "tags"
FIELDS = ("id", "name", "articles", "page")
_LOSSLESS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


@dataclass
class Tag:
    id: str
    name: str
    articles: list[str] = field(default_factory=list)
    """Record ids, in the index's order (newest first)."""


def tag_key(name: str) -> str:
    """What makes two tags the same: case and spacing ignored."""
    return " ".join(e.tag(name).casefold().split())


def sort_key(name: str) -> tuple[str, str]:
    """A-Z ignoring case and accents ("Éclair" between "eagle" and "edge"), as the table script sorts."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold(), name


def tag_slug(key: str) -> str:
    """`key`'s page name: its words joined by hyphens; a short hash of the key is added when that loses
    something (accents, punctuation, other scripts) or would be the index page, so slugs never collide."""
    slug = slugify(key)
    if _LOSSLESS.fullmatch(key) and slug == key.replace(" ", "-") and slug != "index":
        return slug
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}" if slug else f"tag-{digest}"


def _entity_keys(r: Record) -> set[str]:
    names = [n for x in [*r.actors, *r.places] for n in [x.name, *x.aliases]]
    return {tag_key(n) for n in names if n}


def article_tags(r: Record) -> list[str]:
    """The article's tags as its source spelled them: cleaned, one per key, not an actor's or place's name."""
    entities = _entity_keys(r)
    seen: dict[str, str] = {}
    for x in r.tags:
        name, key = " ".join(e.tag(x).split()), tag_key(x)
        if key and key not in seen and key not in entities:
            seen[key] = name
    return list(seen.values())[:MAX_TAGS]


def collect(index: SiteIndex) -> list[Tag]:
    """Every tag with its articles, A-Z ignoring case; named by its most used spelling."""
    spellings: dict[str, Counter] = {}
    articles: dict[str, list[str]] = {}
    for r in index.records:
        for name in article_tags(r):
            key = tag_key(name)
            spellings.setdefault(key, Counter())[name] += 1
            articles.setdefault(key, []).append(r.id)
    tags = [Tag(tag_slug(k), min(c, key=lambda s: (-c[s], s)), articles[k]) for k, c in spellings.items()]
    return sorted(tags, key=lambda t: (*sort_key(t.name), t.id))


def tags_line(r: Record, prefix: str = "../tags/") -> str:
    """The article's tags as links to their pages (Material's tag style), or "" when it has none."""
    links = [f'<a class="md-tag" href="{prefix}{tag_slug(tag_key(t))}.md">{e.html_text(t)}</a>'
             for t in article_tags(r)]
    return raw(f'<nav class="md-tags ss-tags" aria-label="Tags">{"".join(links)}</nav>') if links else ""


def render_tags(index: SiteIndex) -> Iterator[tuple[str, str]]:
    """tags/index.md, a page per tag, their tables' JSON chunks and the list of tags as CSV and JSON."""
    tags = collect(index)
    yield f"{DIR}/index.md", tags_index(tags)
    rows = [{"id": t.id, "name": t.name, "articles": len(t.articles), "page": f"{DIR}/{t.id}/"} for t in tags]
    yield f"{dl.DIR}/tags.csv", dl.to_csv(rows, FIELDS)
    yield f"{dl.DIR}/tags.json", dl.to_json(rows)
    yield from ix.chunked("tags", [{"id": t.id, "name": t.name, "articles": len(t.articles)} for t in tags])
    for t in tags:
        records = [index.by_id[rid] for rid in t.articles]
        yield f"{DIR}/{t.id}.md", tag_page(t, records)
        yield from ix.chunked(f"tag-{t.id}", (ix.article_json(r) for r in records))


def tags_index(tags: list[Tag]) -> str:
    out = [_front("Tags", "The articles by the topics their sources gave them."), "[Home](../index.md) › Tags\n",
           "# Tags\n"]
    if not tags:
        out.append("None of the articles came with topic tags from its source (people and places have their own "
                   "pages: see [Actors](../actors/index.md) and [Places](../places/index.md)).\n")
        return "\n".join(out)
    out.append(f"{_plural(len(tags), 'tag')} that the articles' sources gave them (keywords, categories; people and "
               "places have their own pages). " + ix._shown(len(tags), "A–Z"))
    out.append(f"Download the tags: [CSV](../{dl.DIR}/tags.csv) · [JSON](../{dl.DIR}/tags.json).\n")
    headers = [ix._th("Tag", "name", link="id", sort="ascending"), ix._th("Articles", "articles", "num")]
    rows = [f"<tr>{ix._td(_a(f'{t.id}.md', e.html_text(t.name)), t.name, t.id)}{ix._td(str(len(t.articles)))}</tr>"
            for t in tags[:ix.INDEX_ROWS]]
    out.append(ix.data_table("tags", headers, rows, len(tags)))
    return "\n".join(out)


def tag_page(tag: Tag, records: list[Record]) -> str:
    n = len(records)
    out = [_front(f"Tag: {tag.name}", f"{_plural(n, 'article')} tagged {tag.name}"),
           f"[Home](../index.md) › [Tags](index.md) › {e.text(tag.name)}\n", f"# {e.text(tag.name)}\n"]
    out.append(f"{_plural(n, 'article')} tagged “{e.text(tag.name)}” by their sources. " + ix._shown(n, "newest first"))
    out.append(f"Download: [all tags](../{dl.DIR}/tags.csv) · [all articles](../{dl.DIR}/articles.csv) · "
               f"all records as [JSON Lines](../{dl.DIR}/records.jsonl).\n")
    out.append(ix.article_table(f"tag-{tag.id}", records, prefix="../articles/", up="../../",
                             attrs=' data-pagefind-ignore'))  # the titles are found on the articles' pages
    return "\n".join(out)

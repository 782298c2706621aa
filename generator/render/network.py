"""Who appears with whom: the co-occurrence network of the most connected actors, laid out at build time.

The Explore page's picture is an inline SVG: the `TOP_ACTORS` actors in the most articles, joined by a line
per pair that shares articles (thicker for more), coloured by kind, each node a link to its page. The
layout is networkx's spring layout with a fixed seed, so the same articles always give the same picture;
bounded to the top N, it takes the same few milliseconds at 10 articles or 10,000. A table of the pairs is
the text equivalent. An actor's own page gets a small picture of its "appears with" neighbours on a circle.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import networkx as nx

from generator.aggregate import Entry, SiteIndex
from generator.render import escape as e
from generator.render import raw
from generator.render.common import KIND_LABEL, _front, _plural

TOP_ACTORS = 40
MAX_EDGES = 160
"""The strongest pairs drawn; the weaker ones would only grey the picture."""
LABELS = 20
"""Nodes named on the picture (the busiest); the others are named on hover and in the table."""
WIDTH, HEIGHT, MARGIN_X, MARGIN_Y = 900, 640, 150, 40
"""Room at the sides for the names, written outward."""
SEED = 17
KINDS = ("person", "organization", "group")
XLINK = "http://www.w3.org/1999/xlink"
"""Node links are `xlink:href`: Material's instant navigation assigns `a.href` of every `[href]` element,
which an SVG link does not allow (an uncaught error on every page change)."""


def _node_class(kind: str) -> str:
    return f"ss-net__n ss-net__{kind if kind in KINDS else 'other'}"


def cooccurrence(index: SiteIndex, top: int = TOP_ACTORS) -> tuple[list[Entry], Counter[tuple[str, str]]]:
    """The `top` actors in the most articles, and the number of articles each pair of them shares."""
    actors = sorted((x for x in index.actors.values() if x.page),  # only actors with a page to link to
                    key=lambda x: (-len(x.articles), x.name.casefold(), x.id))[:top]
    chosen = {x.id for x in actors}
    pairs: Counter[tuple[str, str]] = Counter()
    for r in index.records:
        ids = sorted({index.actor_page[(r.id, a.name)] for a in r.actors} & chosen)
        pairs.update(combinations(ids, 2))
    return actors, pairs


def layout(nodes: list[str], edges: dict[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed, scaled into the picture (x, y in SVG units)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    top = max(edges.values(), default=1)
    g.add_weighted_edges_from((a, b, 0.2 + w / top) for (a, b), w in edges.items())
    pos = nx.spring_layout(g, seed=SEED, weight="weight", k=2.5 / math.sqrt(max(len(nodes), 1)), iterations=300)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (WIDTH - 2 * MARGIN_X) / ((x1 - x0) or 1)
    sy = (HEIGHT - 2 * MARGIN_Y) / ((y1 - y0) or 1)
    return {n: (MARGIN_X + (p[0] - x0) * sx, MARGIN_Y + (p[1] - y0) * sy) for n, p in pos.items()}


def network_svg(uid: str, actors: list[Entry], edges: dict[tuple[str, str], int],
                pos: dict[str, tuple[float, float]], prefix: str, title: str, desc: str,
                labels: int = LABELS, size: tuple[int, int] = (WIDTH, HEIGHT)) -> str:
    """Lines (pairs), then nodes as links to the actors' pages, the busiest `labels` named."""
    by_id = {x.id: x for x in actors}
    top_w = max(edges.values(), default=1)
    most = max((len(x.articles) for x in actors), default=1)
    out = [f'<svg class="ss-net__svg" xmlns:xlink="{XLINK}" viewBox="0 0 {size[0]} {size[1]}" role="img" '
           f'aria-labelledby="{uid}-t {uid}-d">', f'<title id="{uid}-t">{e.html_text(title)}</title>',
           f'<desc id="{uid}-d">{e.html_text(desc)}</desc>', '<g class="ss-net__edges">']
    for (a, b), w in sorted(edges.items(), key=lambda kv: (kv[1], kv[0])):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        width = 0.8 + 5 * math.log1p(w) / math.log1p(top_w)
        tip = f"{by_id[a].name} and {by_id[b].name}: {_plural(w, 'shared article')}"
        out.append(f'<line x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" y2="{yb:.1f}" stroke-width="{width:.1f}">'
                   f"<title>{e.html_text(tip)}</title></line>")
    out.append("</g>")
    named = {x.id for x in sorted(actors, key=lambda x: -len(x.articles))[:labels]}
    for x in actors:
        cx, cy = pos[x.id]
        radius = 5 + 13 * math.sqrt(len(x.articles) / most)
        tip = f"{x.name} ({KIND_LABEL.get(x.kind, x.kind)}): {_plural(len(x.articles), 'article')}"
        label = ""
        if x.id in named:  # outward: to the left on the left half, under a node in the middle
            side = cx - size[0] / 2
            anchor = "middle" if abs(side) < 1 else "end" if side < 0 else "start"
            dx = 0 if anchor == "middle" else -radius - 3 if anchor == "end" else radius + 3
            dy = radius + 14 if anchor == "middle" else 4
            label = (f'<text x="{cx + dx:.1f}" y="{cy + dy:.1f}" text-anchor="{anchor}">'
                     f"{e.html_text(x.name)}</text>")
        out.append(f'<a xlink:href="{prefix}{x.id}.md"><g class="{_node_class(x.kind)}">'
                   f'<title>{e.html_text(tip)}</title><circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}"/>'
                   f"{label}</g></a>")
    out.append("</svg>")
    return "".join(out)


def _legend(actors: list[Entry]) -> str:
    kinds = [k for k in KINDS if any(x.kind == k for x in actors)]
    keys = "".join(f'<span class="ss-net__key ss-net__{k}">{KIND_LABEL[k]}</span>' for k in kinds)
    return f"<figcaption>{keys} · line width: shared articles</figcaption>"


def explore_page(index: SiteIndex) -> str:
    """The Explore page: the network of the most connected actors, and its pairs as a table."""
    out = [_front("Explore", "Who appears with whom: the actors in the most articles and the articles they share."),
           "[Home](../index.md) › Explore\n", "# Explore\n", "## Who appears with whom\n"]
    actors, pairs = cooccurrence(index)
    edges = dict(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_EDGES])
    if len(actors) < 2 or not edges:
        out.append("Not enough actors named together in the same articles to draw a network yet.\n")
        return "\n".join(out)
    out.append(f"The {len(actors)} people, organisations and groups in the most articles; a line joins two of them "
               f"when they are named in the same articles, thicker for more. Select a circle for the actor's page; "
               f"drag to move the picture, zoom with the buttons.\n")
    linked = {n for pair in edges for n in pair}
    alone = [x for x in actors if x.id not in linked]
    actors = [x for x in actors if x.id in linked]  # an actor that shares no article with these would float off
    pos = layout([x.id for x in actors], edges)
    busiest = max(edges.items(), key=lambda kv: (kv[1], kv[0]))
    by_id = {x.id: x for x in actors}
    desc = (f"Network of {len(actors)} actors and {len(edges)} pairs named in the same articles; the pair in the "
            f"most articles is {by_id[busiest[0][0]].name} and {by_id[busiest[0][1]].name} "
            f"({_plural(busiest[1], 'article')}). The table below lists every pair.")
    svg = network_svg("ss-net", actors, edges, pos, "../actors/", "Who appears with whom", desc)
    rows = "\n".join(f'<tr><td><a href="../actors/{a}.md">{e.html_text(by_id[a].name)}</a></td>'
                     f'<td><a href="../actors/{b}.md">{e.html_text(by_id[b].name)}</a></td><td>{w}</td></tr>'
                     for (a, b), w in edges.items())
    table = ("<details class=\"ss-chart__data\">\n<summary>The pairs as a table</summary>\n<table>\n"
             "<thead><tr><th>Actor</th><th>Appears with</th><th>Shared articles</th></tr></thead>\n<tbody>\n"
             f"{rows}\n</tbody>\n</table>\n</details>")
    if alone:
        out.append("Not drawn, sharing no article with the others: "
                   + ", ".join(f"[{e.text(x.name)}](../actors/{x.id}.md)" for x in alone) + ".\n")
    out.append(raw(f'<figure class="ss-net" data-pan-zoom>\n<div class="ss-net__frame">{svg}</div>\n'
                   f"{_legend(actors)}\n{table}\n</figure>"))
    return "\n".join(out)


def neighbourhood_block(entry: Entry, index: SiteIndex) -> str:
    """The actor in the middle, the actors it appears with most on a circle around it; "" without any."""
    near = [(index.actors[a], n) for a, n in entry.with_actors if a in index.actors and index.actors[a].page]
    if not near:
        return ""
    w, h, r = 640, 300, 110
    pos = {entry.id: (w / 2, h / 2)}
    for i, (x, _) in enumerate(near):
        angle = -math.pi / 2 + 2 * math.pi * i / len(near)
        pos[x.id] = (w / 2 + 1.6 * r * math.cos(angle), h / 2 + r * math.sin(angle))
    edges = {(entry.id, x.id): n for x, n in near}
    actors = [entry] + [x for x, _ in near]
    desc = (f"{entry.name} and the {_plural(len(near), 'actor')} most often in the same articles: "
            + "; ".join(f"{x.name} {n}" for x, n in near) + ".")
    svg = network_svg("ss-near", actors, edges, pos, "", f"{entry.name}: appears with", desc,
                      labels=len(actors), size=(w, h))
    return raw(f'<figure class="ss-net ss-net--small">\n{svg}\n</figure>')

"""Timelines drawn at build time as inline SVG: no script, no CDN, readable with a screen reader.

Each chart is a `<figure>` holding an `<svg role="img">` with a `<title>` and a `<desc>` that say what it
shows, one bar per period (each bar has its own `<title>`: the browser shows it on hover), and a folded
table with the same numbers. Colours are CSS custom properties (Material's `--md-*`, set in
docs/assets/summary-site.css), so the chart follows the light and dark palettes. Undated articles have no
place on a time axis: they are counted in a line under the chart and in the table, never dropped.

Periods: months from the first dated article to the last (empty months included, so distance on the axis
is time); weeks when they all fall within `WEEKS_UP_TO` months and have a day; years past `MAX_MONTHS`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator.records import Record
from generator.render import escape as e
from generator.render import raw
from generator.render.common import MONTHS, _plural, _ymd

MAX_MONTHS = 48
"""More months than this between the first and last article: one bar per year (a page of a busy actor in a
long archive stays small: at 120 months the chart alone was 20 KB)."""
WEEKS_UP_TO = 4
"""Articles within this many months (all with a day in their date): one bar per week."""
WIDTH, HEIGHT = 640, 150
TOP, BOTTOM, LEFT, RIGHT = 10, 24, 34, 6
MAX_SLOT = 60
"""Widest space per period: a few months stay narrow bars rather than filling the width."""
TICK_GAP = 100
"""Least distance between labelled periods, in the chart's units (a label is 20 px high on a phone)."""
OUTLET_CLASSES = 7
"""Colours for outlets (.ss-chart__s0 … s6 in summary-site.css): more outlets than this, and the smaller
ones share the last colour as "other outlets"."""

Period = dt.date
"""The first day of a week (Monday), month or year."""


def _day(r: Record) -> tuple[int, int, dt.date | None] | None:
    """(year, month, the day as a date or None) of a dated record; None when undated."""
    ymd = _ymd(r)
    if ymd is None:
        return None
    y, m, d = ymd
    try:
        return y, m, dt.date(y, m, d) if d else None
    except ValueError:  # 2016-02-31: the month is still worth counting
        return y, m, None


def _unit(records: list[Record]) -> str | None:
    days = [x for x in map(_day, records) if x]
    if not days:
        return None
    months = [y * 12 + m - 1 for y, m, _ in days]
    span = max(months) - min(months) + 1
    if span > MAX_MONTHS:
        return "year"
    if span <= WEEKS_UP_TO and all(d for _, _, d in days):
        return "week"
    return "month"


def _period_of(r: Record, unit: str) -> Period | None:
    x = _day(r)
    if x is None:
        return None
    y, m, d = x
    if unit == "year":
        return dt.date(y, 1, 1)
    if unit == "week" and d:
        return d - dt.timedelta(days=d.weekday())
    return dt.date(y, m, 1)


def _next(p: Period, unit: str) -> Period:
    if unit == "week":
        return p + dt.timedelta(days=7)
    if unit == "year":
        return dt.date(p.year + 1, 1, 1)
    return dt.date(p.year + 1, 1, 1) if p.month == 12 else dt.date(p.year, p.month + 1, 1)


def _bucket(records: list[Record]) -> tuple[list[Period], str]:
    """Every period from the first dated article's to the last's, empty ones included (distance is time)."""
    unit = _unit(records)
    if unit is None:
        return [], "month"
    dated = [p for p in (_period_of(r, unit) for r in records) if p]
    out, p = [], min(dated)
    while p <= max(dated):
        out.append(p)
        p = _next(p, unit)
    return out, unit


def _label(p: Period, unit: str, short: bool = False) -> str:
    if unit == "year":
        return str(p.year)
    if unit == "week":
        return f"{p.day} {MONTHS[p.month - 1][:3]}" if short else f"week of {p.day} {MONTHS[p.month - 1]} {p.year}"
    return f"{MONTHS[p.month - 1][:3]} {p.year}" if short else f"{MONTHS[p.month - 1]} {p.year}"


def _nice_max(n: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if n <= step * 4:
            return max(step * -(-n // step), 1)
    return n


def _svg(uid: str, title: str, desc: str, periods: list[Period], unit: str, series: list[tuple[str, str, list[int]]],
         stacked: bool) -> str:
    """Bars per period: `series` is (css class, name, counts per period); stacked, or side by side."""
    n = len(periods)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    totals = [sum(s[2][i] for s in series) for i in range(n)] if stacked else \
        [max((s[2][i] for s in series), default=0) for i in range(n)]
    top = _nice_max(max(totals, default=0))
    slot = min(plot_w / max(n, 1), MAX_SLOT)
    gap = min(2.0, slot * 0.2)
    parts = [f'<svg class="ss-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="{uid}-t {uid}-d" preserveAspectRatio="xMinYMin meet">',
             f'<title id="{uid}-t">{e.html_text(title)}</title>', f'<desc id="{uid}-d">{e.html_text(desc)}</desc>']
    for v in (0, top // 2, top) if top > 1 else (0, top):
        y = TOP + plot_h - plot_h * v / top
        parts.append(f'<line class="ss-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="ss-chart__axis" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{v}</text>')
    for i, p in enumerate(periods):
        x0 = LEFT + i * slot + gap / 2
        width = slot - gap
        base = TOP + plot_h
        if stacked:
            tip = f"{_label(p, unit)}: {totals[i]} – " + "; ".join(f"{s[1]} {s[2][i]}" for s in series if s[2][i])
        else:
            tip = _label(p, unit) + ": " + ", ".join(_plural(s[2][i], s[1]) for s in series)
        bars = []
        for k, (cls, _, counts) in enumerate(series):
            c = counts[i]
            if not c:
                continue
            h = plot_h * c / top
            if stacked:
                bars.append(f'<rect class="{cls}" x="{x0:.1f}" y="{base - h:.1f}" width="{width:.1f}" '
                            f'height="{h:.1f}"/>')
                base -= h
            else:
                w = width / len(series)
                bars.append(f'<rect class="{cls}" x="{x0 + k * w:.1f}" y="{base - h:.1f}" width="{w:.1f}" '
                            f'height="{h:.1f}"/>')
        if bars:
            parts.append(f"<g><title>{e.html_text(tip)}</title>{''.join(bars)}</g>")
    for i in _tick_indexes(n, slot):
        x = LEFT + (i + 0.5) * slot
        parts.append(f'<text class="ss-chart__axis" x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
                     f"{e.html_text(_label(periods[i], unit, short=True))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _tick_indexes(n: int, slot: float) -> list[int]:
    """Evenly spaced labelled periods, first included, at least `TICK_GAP` apart (labels never overlap)."""
    if n == 0:
        return []
    step = max(1, -(-TICK_GAP // int(slot)) if slot >= 1 else n, -(-(n - 1) // 5) if n > 6 else 1)
    ticks = list(range(0, n, step))
    if n - 1 - ticks[-1] >= step / 2 + 0.5 and (n - 1 - ticks[-1]) * slot >= TICK_GAP:
        ticks.append(n - 1)
    return ticks


def _table(periods: list[Period], unit: str, series: list[tuple[str, str, list[int]]], undated: list[int]) -> str:
    head = "".join(f"<th>{e.html_text(s[1].capitalize())}s</th>" for s in series)
    rows = ["<tr><td>" + e.html_text(_label(p, unit)) + "</td>" + "".join(f"<td>{s[2][i]}</td>" for s in series)
            + "</tr>" for i, p in enumerate(periods) if any(s[2][i] for s in series)]
    if any(undated):
        rows.append("<tr><td>Undated</td>" + "".join(f"<td>{n}</td>" for n in undated) + "</tr>")
    return (f"<details class=\"ss-chart__data\">\n<summary>The numbers as a table</summary>\n<table>\n"
            f"<thead><tr><th>{unit.capitalize()}</th>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</details>")


def _undated_line(n: int) -> str:
    return f'<p class="ss-chart__undated">{_plural(n, "undated article")}, not on the time axis.</p>' if n else ""


def timeline_block(uid: str, name: str, records: list[Record], quotes: Counter[str] | None = None) -> str:
    """Articles (and quotes, by the article's date) per month of one actor or place; "" with no dated article.

    `uid` makes the SVG's ids unique on the page; `quotes` counts quotes per record id."""
    periods, unit = _bucket(records)
    if not periods:
        return ""
    index = {p: i for i, p in enumerate(periods)}
    articles, said = [0] * len(periods), [0] * len(periods)
    undated_articles = undated_quotes = 0
    for r in records:
        p = _period_of(r, unit)
        q = quotes[r.id] if quotes else 0
        if p is None:
            undated_articles += 1
            undated_quotes += q
            continue
        articles[index[p]] += 1
        said[index[p]] += q
    series = [("ss-chart__a", "article", articles)]
    if quotes is not None and (sum(said) or undated_quotes):
        series.append(("ss-chart__q", "quote", said))
    dated = sum(articles)
    busiest = periods[max(range(len(periods)), key=lambda i: (articles[i], -i))]
    title = f"{name}: articles{' and quotes' if len(series) > 1 else ''} per {unit}"
    desc = (f"{_plural(dated, 'dated article')} from {_label(periods[0], unit)} to {_label(periods[-1], unit)}"
            + (f", {_plural(sum(said), 'quote')}" if len(series) > 1 else "")
            + f"; most in {_label(busiest, unit)} ({articles[index[busiest]]})."
            + (f" {_plural(undated_articles, 'undated article')} not shown." if undated_articles else ""))
    legend = "".join(f'<span class="ss-chart__key {cls}">{label.capitalize()}s</span>' for cls, label, _ in series)
    undated = [undated_articles] + ([undated_quotes] if len(series) > 1 else [])
    return raw(f'<figure class="ss-chart">\n{_svg(uid, title, desc, periods, unit, series, stacked=False)}\n'
               f'<figcaption>{legend} per {unit}</figcaption>\n{_undated_line(undated_articles)}\n'
               f"{_table(periods, unit, series, undated)}\n</figure>")


def outlets_block(uid: str, records: list[Record]) -> str:
    """Articles per month, stacked by outlet (past `OUTLET_CLASSES` outlets, the small ones as one band)."""
    periods, unit = _bucket(records)
    if not periods:
        return ""
    index = {p: i for i, p in enumerate(periods)}
    by_outlet = Counter(r.source or "No outlet named" for r in records if _ymd(r))
    named = [s for s, _ in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]
    own = named if len(named) <= OUTLET_CLASSES else named[:OUTLET_CLASSES - 1]
    others = len(named) > len(own)
    counts = {s: [0] * len(periods) for s in own}
    other = [0] * len(periods)
    undated: Counter[str] = Counter()
    for r in records:
        source = r.source or "No outlet named"
        p = _period_of(r, unit)
        if p is None:
            undated[source] += 1
            continue
        (counts[source] if source in counts else other)[index[p]] += 1
    series = [(f"ss-chart__s{k}", s, counts[s]) for k, s in enumerate(own)]
    if others:
        series.append((f"ss-chart__s{OUTLET_CLASSES - 1}", "other outlet", other))
    total = sum(map(sum, (s[2] for s in series)))
    title = f"Articles per {unit} by outlet"
    desc = (f"{_plural(total, 'dated article')} from {_label(periods[0], unit)} to {_label(periods[-1], unit)}, "
            "by outlet: "
            + "; ".join(f"{s[1]} {sum(s[2])}" for s in series) + "."
            + (f" {_plural(sum(undated.values()), 'undated article')} not shown." if undated else ""))
    legend = "".join(f'<span class="ss-chart__key {cls}">{e.html_text(name)}</span>' for cls, name, _ in series)
    head = "".join(f"<th>{e.html_text(s[1])}</th>" for s in series)
    rows = ["<tr><td>" + e.html_text(_label(p, unit)) + "</td>" + "".join(f"<td>{s[2][i]}</td>" for s in series)
            + f"<td>{sum(s[2][i] for s in series)}</td></tr>"
            for i, p in enumerate(periods) if any(s[2][i] for s in series)]
    if undated:
        cells = [undated[s[1]] for s in series[:len(own)]]
        if others:
            cells.append(sum(n for s, n in undated.items() if s not in counts))
        rows.append("<tr><td>Undated</td>" + "".join(f"<td>{n}</td>" for n in cells)
                    + f"<td>{sum(undated.values())}</td></tr>")
    table = (f"<details class=\"ss-chart__data\">\n<summary>The numbers as a table</summary>\n<table>\n"
             f"<thead><tr><th>{unit.capitalize()}</th>{head}<th>All</th></tr></thead>\n<tbody>\n"
             + "\n".join(rows) + "\n</tbody>\n</table>\n</details>")
    svg = _svg(uid, title, desc, periods, unit, series, stacked=True)
    return raw(f'<figure class="ss-chart ss-chart--wide">\n{svg}\n'
               f"<figcaption>Articles per {unit}: {legend}</figcaption>\n"
               f"{_undated_line(sum(undated.values()))}\n{table}\n</figure>")

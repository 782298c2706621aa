"""The shard plan of a large site: which articles each sub-site (shard) holds. Pure.

A site of more than `limit` articles is built as shards, each by its own MkDocs and Pagefind run (see
`generator.sharded`): one per year, and a year of more than `limit` articles as runs of consecutive months of
at most `limit` articles each (a month is never split). The hub (home, indexes, actor and place pages) is
the rest. A new article changes its own shard and the hub only: an archive year keeps its shards.
"""

from __future__ import annotations

from generator.records import Record
from generator.render.common import _ymd

HUB = "hub"
UNDATED = "undated"


def month(r: Record) -> str:
    """"2019-03", or "" for an undated article."""
    ymd = _ymd(r)
    return f"{ymd[0]:04d}-{ymd[1]:02d}" if ymd else ""


def plan(months: dict[str, str], limit: int) -> dict[str, list[str]]:
    """{shard name: article ids, sorted} from {article id: "YYYY-MM" or ""}; names sort by date."""
    years: dict[str, dict[str, list[str]]] = {}
    for rid, m in months.items():
        m = m if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit() else ""
        years.setdefault(m[:4] or UNDATED, {}).setdefault(m or UNDATED, []).append(rid)
    out: dict[str, list[str]] = {}
    for year in sorted(years):
        by_month = years[year]
        if sum(map(len, by_month.values())) <= limit or year == UNDATED:
            out[year] = sorted(rid for ids in by_month.values() for rid in ids)
            continue
        group: list[str] = []
        for m in sorted(by_month):
            if group and sum(len(by_month[g]) for g in group) + len(by_month[m]) > limit:
                out[_name(group)] = sorted(rid for g in group for rid in by_month[g])
                group = []
            group.append(m)
        out[_name(group)] = sorted(rid for g in group for rid in by_month[g])
    return out


def _name(group: list[str]) -> str:
    return group[0] if len(group) == 1 else f"{group[0]}--{group[-1][5:]}"

"""Timelines: the SVG is valid XML, speaks to screen readers, counts right, and counts undated articles apart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from generator.cli import main
from generator.records import Record, Summary
from generator.render import RAW_END, RAW_START
from generator.render.charts import MAX_MONTHS, MAX_SLOT, OUTLET_CLASSES, outlets_block, timeline_block
from tests.conftest import make_project

SVG = "{http://www.w3.org/2000/svg}"


def _record(rid: str, date: str | None, source: str = "Example Wire") -> Record:
    return Record(path=f"{rid}.txt", id=rid, title=rid, standfirst="", source=source, date=date, summary=Summary(),
                  actors=[], places=[], quotes=[], paragraphs=["Text."])


def _figure(block: str) -> ET.Element:
    """The block without its raw markers, parsed as XML (the SVG given its namespace, as a browser does)."""
    body = block.replace(RAW_START, "").replace(RAW_END, "").strip()
    return ET.fromstring(body.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def _rows(fig: ET.Element) -> dict[str, list[int]]:
    return {tr[0].text: [int(td.text) for td in tr[1:]] for tr in fig.iter("tr") if tr[0].tag == "td"}


def test_timeline_counts_articles_and_quotes_per_month_and_undated_apart():
    records = [_record("a", "2016-03-02"), _record("b", "2016-03-30T10:00:00"), _record("c", "2016-07-01"),
               _record("d", None), _record("e", "not a date")]
    block = timeline_block("t1", "Ana <Díaz>", records, Counter({"a": 2, "c": 1, "d": 4}))
    fig = _figure(block)  # valid XML, name escaped
    svg = fig.find(f"{SVG}svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "t1-t t1-d"
    assert svg.find(f"{SVG}title").text == "Ana <Díaz>: articles and quotes per month"
    desc = svg.find(f"{SVG}desc").text
    assert "3 dated articles from March 2016 to July 2016" in desc and "3 quotes" in desc
    assert "2 undated articles not shown" in desc
    # one group per non-empty month, each with its own tooltip; April to June are on the axis, empty
    tips = [g.find(f"{SVG}title").text for g in svg.iter(f"{SVG}g")]
    assert tips == ["March 2016: 2 articles, 2 quotes", "July 2016: 1 article, 1 quote"]
    labels = [t.text for t in svg.iter(f"{SVG}text") if "2016" in (t.text or "")]
    assert labels == ["Mar 2016", "May 2016", "Jul 2016"]  # every other month: labels never overlap
    xs = [float(r.get("x")) for r in svg.iter(f"{SVG}rect")]  # articles and quotes side by side per month
    assert abs((xs[2] - xs[0]) - 4 * MAX_SLOT) < 0.2  # July four slots after March
    assert _rows(fig) == {"March 2016": [2, 2], "July 2016": [1, 1], "Undated": [2, 4]}
    assert "2 undated articles, not on the time axis" in block


def test_a_few_weeks_go_by_week_and_a_date_without_day_by_month():
    weeks = [_record("a", "2016-09-05"), _record("b", "2016-09-11"), _record("c", "2016-09-26")]
    fig = _figure(timeline_block("w", "X", weeks))
    assert "per week" in fig.find(f"{SVG}svg/{SVG}title").text
    assert _rows(fig) == {"week of 5 September 2016": [2], "week of 26 September 2016": [1]}
    assert len([g for g in fig.iter(f"{SVG}g")]) == 2
    fig = _figure(timeline_block("m", "X", [*weeks, _record("d", "2016-10")]))
    assert _rows(fig) == {"September 2016": [3], "October 2016": [1]}
    fig = _figure(timeline_block("m", "X", [_record("a", "2016-02-31"), _record("b", "2016-02-03")]))
    assert _rows(fig) == {"February 2016": [2]}  # an impossible day still counts in its month


def test_bars_are_as_tall_as_their_counts():
    block = timeline_block("t", "X", [_record("a", "2020-01-05"), _record("b", "2020-01-09"),
                                      _record("c", "2020-06-01")])
    heights = [float(r.get("height")) for r in _figure(block).iter(f"{SVG}rect")]
    assert len(heights) == 2 and abs(heights[0] - 2 * heights[1]) < 0.2


def test_no_dated_article_no_chart_and_long_spans_go_by_year():
    assert timeline_block("t", "X", [_record("a", None)]) == ""
    assert timeline_block("t", "X", []) == ""
    years = [_record("a", "1990-06-01"), _record("b", f"{1990 + MAX_MONTHS // 12 + 1}-01-01")]
    fig = _figure(timeline_block("t", "X", years))
    assert "per year" in fig.find(f"{SVG}svg/{SVG}title").text
    assert list(_rows(fig)) == ["1990", str(1990 + MAX_MONTHS // 12 + 1)]


def test_outlets_chart_stacks_by_outlet_and_folds_small_outlets():
    records = [_record(f"r{i}", f"2016-0{1 + i % 3 * 3}-01", source=f"Outlet {i % 9}") for i in range(27)]
    records += [_record("u", None, source="Outlet 0"), _record("v", "2016-04-02", source="A & B <i>")]
    fig = _figure(outlets_block("o", records))
    keys = [s.text for s in fig.iter("span")]
    assert len(keys) == OUTLET_CLASSES and keys[-1] == "other outlet" and "A & B <i>" not in keys[:-1]
    rows = _rows(fig)
    assert sum(rows["January 2016"][:-1]) == rows["January 2016"][-1] == 9
    assert rows["Undated"][0] == 1 and rows["Undated"][-1] == 1
    assert sum(v[-1] for k, v in rows.items() if k != "Undated") == 28
    svg = fig.find(f"{SVG}svg")
    assert "28 dated articles" in svg.find(f"{SVG}desc").text
    assert outlets_block("o", [_record("u", None)]) == ""


ARTICLES = {
    "a.md": """---
title: Harbour cranes stand idle in Port Elwyn
date: 2026-03-04
source: Coast Herald
---

Dockworkers in Port Elwyn walked out on Tuesday over pay.

"We will stay out until the offer is fair," said Marta Quillon, a union organiser.
""",
    "b.md": """---
title: Port Elwyn talks resume
date: 2026-05-20
source: Valley Times
---

Talks between the port authority and the union resumed in Port Elwyn on Wednesday.

"Both sides want the cranes of Port Elwyn moving again," said Marta Quillon, a union organiser.
""",
    "c.md": """---
title: Union organiser speaks at rally
source: Coast Herald
---

Marta Quillon, a union organiser, spoke to a crowd of dockworkers in Port Elwyn.

"This is about dignity," said Marta Quillon.
""",
}


def test_built_actor_page_and_articles_page_have_timelines(tmp_path, nlp):
    project = make_project(tmp_path, ARTICLES, seed=False)
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(project / "mkdocs.yml"),
                 "--site-dir", str(project / "site")])
    assert code == 0
    page = (project / "site" / "actors" / "marta-quillon" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="ss-chart__svg"') == 1
    assert "Marta Quillon: articles and quotes per week" in page
    # within three months: by week (4 March 2026 is a Wednesday)
    assert re.search(r"<td>week of 2 March 2026</td><td>1</td><td>1</td>", page)
    assert re.search(r"<td>week of 18 May 2026</td><td>1</td><td>1</td>", page)
    assert re.search(r"<td>Undated</td><td>1</td><td>1</td>", page)
    assert "<title>week of 9 March 2026" not in page  # an empty week has a place on the axis, no bar
    place = (project / "site" / "places" / "port-elwyn" / "index.html").read_text(encoding="utf-8")
    # a place's quotes: those that name it (the one of 20 May), by their article's date
    assert "Port Elwyn: articles and quotes per week" in place
    assert re.search(r"<td>week of 18 May 2026</td><td>1</td><td>1</td>", place)
    assert re.search(r"<td>week of 2 March 2026</td><td>1</td><td>0</td>", place)
    articles = (project / "site" / "articles" / "index.html").read_text(encoding="utf-8")
    assert "Articles per week by outlet" in articles and "1 undated article, not on the time axis" in articles

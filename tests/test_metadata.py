"""Dates and outlets from where users keep them (file names, folders, sidecars), and the build report, on
real folder layouts in temporary directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.ingest import find_articles, find_hints, read_path
from generator.ingest.hints import compile_pattern, outlet_name
from tests.conftest import SHARED_EVAL, make_project

BODY = ("{title}\n\n"
        "The county council approved a new budget for its libraries on Tuesday after a long debate.\n\n"
        "Councillors said the money would keep six branches open for longer hours during the winter.\n\n"
        "A final vote on the wider spending plan for 2004 is expected on 31 December 2004, officials said.\n")


def _write(folder: Path, names: list[str], body: str = BODY) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(body.format(title=f"Library budget story {name[:12]}"), encoding="utf-8")


def _read(*paths: Path, pattern: str | None = None) -> dict[str, object]:
    files, errors = find_articles(list(paths))
    hints, hint_errors = find_hints(list(paths), files, pattern)
    assert not errors
    out = {f.name: a for f in files for a in read_path(f, hints.get(f))}
    out["errors"] = hint_errors
    return out


def test_source_date_slug_file_names_give_date_and_outlet_not_the_body_date(tmp_path):
    names = ["breitbart_2016-09-12_library-budget.txt", "nyt_2016-10-01_branches-open.txt",
             "breitbart_2016-09-20_final-vote.txt", "wash-post_2016-09-18_councillors.txt"]
    _write(tmp_path / "arts", names)
    got = _read(tmp_path / "arts")
    assert got["errors"] == []
    a = got["breitbart_2016-09-12_library-budget.txt"]
    assert (a.date, a.date_from, a.source, a.source_from) == ("2016-09-12", "path", "Breitbart", "path")
    assert got["wash-post_2016-09-18_councillors.txt"].source == "Wash Post"  # as readers know it
    assert all(not x.date.startswith("2004") for k, x in got.items() if k != "errors")


def test_a_body_date_never_dates_an_article_but_a_dateline_does(tmp_path):
    _write(tmp_path / "a", ["plain-story.txt"])
    (tmp_path / "a" / "dateline.txt").write_text(
        "Bank cuts rates\n\nLONDON, March 3, 2019 — The central bank cut its main interest rate on Thursday "
        "for the first time in a decade.\n\nEconomists had expected the move after weak growth figures.\n",
        encoding="utf-8")
    got = _read(tmp_path / "a")
    assert got["plain-story.txt"].date is None and got["plain-story.txt"].date_from is None
    assert (got["dateline.txt"].date, got["dateline.txt"].date_from) == ("2019-03-03", "dateline")


def test_iso_dates_in_file_and_folder_names(tmp_path):
    _write(tmp_path / "news" / "2016" / "09" / "12", ["council.txt"])
    _write(tmp_path / "news" / "2017-01-05", ["budget.txt"])
    _write(tmp_path / "news", ["20180704-fireworks.txt"])
    got = _read(tmp_path / "news")
    assert got["council.txt"].date == "2016-09-12"
    assert got["budget.txt"].date == "2017-01-05"
    assert got["20180704-fireworks.txt"].date == "2018-07-04"
    assert {got[k].date_from for k in ("council.txt", "budget.txt", "20180704-fireworks.txt")} == {"path"}


def test_a_pattern_reads_the_outlet_from_a_folder(tmp_path):
    _write(tmp_path / "arch" / "Daily Courier", ["2016-09-12-library.txt"])
    _write(tmp_path / "arch" / "Evening Post", ["2016-09-13-branches.txt"])
    got = _read(tmp_path / "arch", pattern="{source}/{date}-{slug}")
    assert (got["2016-09-12-library.txt"].source, got["2016-09-12-library.txt"].date) == ("Daily Courier",
                                                                                          "2016-09-12")
    assert got["2016-09-13-branches.txt"].source == "Evening Post"


def test_a_pelican_style_regular_expression_works_too(tmp_path):
    _write(tmp_path / "p", ["2016-09-12_courier_library.txt"])
    got = _read(tmp_path / "p", pattern=r"(?P<date>\d{4}-\d\d-\d\d)_(?P<source>[a-z]+)_(?P<slug>.*)")
    assert (got["2016-09-12_courier_library.txt"].date, got["2016-09-12_courier_library.txt"].source) == (
        "2016-09-12", "Courier")


def test_a_bad_pattern_is_named():
    with pytest.raises(ValueError, match="unknown placeholder"):
        compile_pattern("{outlet}_{date}")


def test_no_pattern_is_detected_when_file_names_differ(tmp_path):
    _write(tmp_path / "mixed", ["breitbart_2016-09-12_library.txt", "notes-on-the-budget.txt"])
    got = _read(tmp_path / "mixed")
    assert got["breitbart_2016-09-12_library.txt"].source == ""  # not every file follows the pattern
    assert got["breitbart_2016-09-12_library.txt"].date == "2016-09-12"  # an ISO date still counts


@pytest.mark.parametrize("sidecar, text", [
    ("metadata.csv", "file,date,source,url,authors,tags\n"
                     "library.txt,2016-09-12,Daily Courier,https://example.org/library,Ann Lee; Bo Chan,"
                     "libraries; budget\n"
                     "branches.txt,13 September 2016,Evening Post,,,\n"),
    ("metadata.json", json.dumps({"library.txt": {"date": "2016-09-12", "source": "Daily Courier",
                                                  "url": "https://example.org/library",
                                                  "authors": ["Ann Lee", "Bo Chan"], "tags": ["libraries", "budget"]},
                                  "branches": {"date": "2016-09-13", "source": "Evening Post"}})),
    ("metadata.yaml", "- file: library.txt\n  date: 2016-09-12\n  source: Daily Courier\n"
                      "  url: https://example.org/library\n  authors: [Ann Lee, Bo Chan]\n  tags: [libraries, budget]\n"
                      "- file: branches.txt\n  date: 2016-09-13\n  source: Evening Post\n"),
])
def test_sidecar_gives_date_source_url_authors_tags(tmp_path, sidecar, text):
    _write(tmp_path / "s", ["library.txt", "branches.txt"])
    (tmp_path / "s" / sidecar).write_text(text, encoding="utf-8")
    got = _read(tmp_path / "s")
    assert "metadata" not in " ".join(got)  # the sidecar is not read as an article
    a = got["library.txt"]
    assert (a.date, a.date_from, a.source, a.source_from) == ("2016-09-12", "sidecar", "Daily Courier", "sidecar")
    assert a.url == "https://example.org/library" and a.authors == ["Ann Lee", "Bo Chan"]
    assert a.tags == ["libraries", "budget"]
    assert (got["branches.txt"].date, got["branches.txt"].source) == ("2016-09-13", "Evening Post")


def test_front_matter_wins_over_sidecar_and_path(tmp_path):
    folder = tmp_path / "fm"
    folder.mkdir()
    (folder / "courier_2016-09-12_library.md").write_text(
        "---\ntitle: Library budget\ndate: 2015-01-02\nsource: The Gazette\n---\n\n"
        "The county council approved a new budget for its libraries on Tuesday.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,date,source\ncourier_2016-09-12_library.md,2014-05-06,Sidecar\n",
                                         encoding="utf-8")
    a = _read(folder)["courier_2016-09-12_library.md"]
    assert (a.date, a.date_from, a.source, a.source_from) == ("2015-01-02", "metadata", "The Gazette", "metadata")


def test_a_broken_sidecar_is_named_and_the_articles_still_read(tmp_path):
    _write(tmp_path / "b", ["library.txt"])
    (tmp_path / "b" / "metadata.json").write_text("{not json", encoding="utf-8")
    got = _read(tmp_path / "b")
    (err,) = got["errors"]
    assert "metadata.json" in str(err) and "unreadable sidecar" in str(err)
    assert got["library.txt"].title.startswith("Library budget")


def test_a_chart_credit_is_not_the_outlet(tmp_path):
    f = tmp_path / "chart.txt"
    f.write_text("Defence spending rises\n\nOnly five members spend more than the recommended share of their "
                 "output on defence, figures show.\n\nThe rest have promised to catch up within ten years.\n\n"
                 "Source: NATO.\n", encoding="utf-8")
    (a,) = list(read_path(f))
    assert a.source == "" and a.source_from is None


@pytest.mark.skipif(not (SHARED_EVAL / "polnear-dev" / "articles").is_dir(), reason="../shared/eval is not here")
def test_a_real_archive_named_source_date_slug_is_dated_with_outlets():
    """84 real articles named like `breitbart_2016-09-12_slug.txt`: every one dated and sourced from its name."""
    folder = SHARED_EVAL / "polnear-dev" / "articles"
    got = [a for k, a in _read(folder).items() if k != "errors"]
    assert len(got) == 84
    assert sum(a.date_from == "path" for a in got) >= 0.95 * len(got)
    assert not any(a.date_from == "dateline" and a.date < "2016" for a in got)
    assert {a.source for a in got} == {"Breitbart", "Huff Post", "NYT", "Politico", "USA Today", "Wash Post",
                                       "West Journal"}


@pytest.mark.parametrize("slug, name", [
    ("huff-post", "Huff Post"), ("nyt", "NYT"), ("usa_today", "USA Today"), ("bbc", "BBC"), ("cbs2", "CBS2"),
    ("al-jazeera", "Al Jazeera"), ("the-guardian", "The Guardian"), ("new-york-times", "New York Times"),
    ("BBC News", "BBC News"), ("reuters.com", "reuters.com"), ("Le-Monde", "Le-Monde"), ("la-times", "LA Times"),
    ("st-louis-post-dispatch", "St Louis Post Dispatch")])
def test_an_outlet_from_a_path_is_named_as_readers_know_it(slug, name):
    """A path spells an outlet as a slug; a page names it. A name the user spelt with capitals, spaces or
    points is theirs and is kept."""
    assert outlet_name(slug) == name


# --- through the real build ------------------------------------------------------------------------------

def _build(project: Path, *extra: str) -> int:
    return main(["build", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs",
                 str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"),
                 *extra])


def test_named_files_build_a_dated_timeline_with_outlets(tmp_path, capsys, nlp):
    names = ["courier_2016-09-12_library-budget.txt", "gazette_2016-10-01_branches-open.txt",
             "courier_2016-09-20_final-vote.txt"]
    project = make_project(tmp_path / "p", {n: BODY.format(title=f"Library story {i}") for i, n in enumerate(names)},
                           seed=False)
    assert _build(project) == 0
    err = capsys.readouterr().err
    assert "3 articles built" in err and "without a date" not in err and "without a source" not in err
    index = (project / "docs" / "articles" / "index.md").read_text(encoding="utf-8")
    assert "without a date" not in index  # the Articles table: every row dated, newest first
    assert all(f'data-sort="{d}"' in index for d in ("2016-09-12", "2016-09-20", "2016-10-01"))
    assert index.index("Library story 1") < index.index("Library story 2") < index.index("Library story 0")


def test_a_folder_with_a_sidecar_builds_dated(tmp_path, capsys, nlp):
    project = make_project(tmp_path / "p", {"library.txt": BODY.format(title="Library story")}, seed=False)
    (project / "seeds" / "metadata.csv").write_text("file,date,source\nlibrary.txt,2016-09-12,Daily Courier\n",
                                                    encoding="utf-8")
    assert _build(project, "-v") == 0
    err = capsys.readouterr().err
    assert "1 article built" in err and "without a date" not in err
    assert "dates from: sidecar 1; sources from: sidecar 1" in err


def test_undated_files_the_report_says_so_with_the_fix(tmp_path, capsys, nlp):
    project = make_project(tmp_path / "p", {"library.txt": BODY.format(title="Library story"),
                                            "branches.txt": BODY.format(title="Branch story")}, seed=False)
    assert _build(project, "-v") == 0
    err = capsys.readouterr().err
    assert "2 articles built" in err and "2 without a date; 2 without a source" in err
    assert "most articles have no date" in err and "2016-09-12_slug.txt" in err
    assert f"no date: {project / 'seeds' / 'branches.txt'}" in err  # -v names them


def test_the_pattern_set_in_mkdocs_yml_is_used(tmp_path, capsys, nlp):
    project = make_project(tmp_path / "p", {"Daily Courier/2016-09-12-library.txt": BODY.format(title="Story")},
                           seed=False)
    cfg = project / "mkdocs.yml"
    option = '      filename_pattern: "{source}/{date}-{slug}"\n'
    text = cfg.read_text(encoding="utf-8")
    assert "  - summary-site:\n" in text
    cfg.write_text(text.replace("  - summary-site:\n", "  - summary-site:\n" + option), encoding="utf-8")
    assert _build(project) == 0
    assert "without a source" not in capsys.readouterr().err
    page = next((project / "docs" / "articles").glob("story-*.md")).read_text(encoding="utf-8")
    assert "Daily Courier" in page


@pytest.mark.parametrize("footer", ["© 2019 Example Media",
                                    "Page last modified: 12/01/2023. This page was last edited on 14 August 2023."])
def test_an_html_page_is_dated_from_its_markup_never_its_body_or_footer(tmp_path, footer):
    page = ("<html><head><title>Tsunami remembered</title>{meta}</head><body><article><h1>Tsunami remembered</h1>"
            "<p>On 26 December 2004 a wave swept across the Indian Ocean, killing people in a dozen countries.</p>"
            "<p>Survivors gathered on the beach this week to remember the dead, and officials laid wreaths.</p>"
            "<p>The number of warning buoys rose to forty, up from three in 2014, the agency said.</p>"
            "</article><footer>" + footer + "</footer></body></html>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "plain.html").write_text(page.format(meta=""), encoding="utf-8")
    (tmp_path / "a" / "meta.html").write_text(page.format(
        meta='<meta property="article:published_time" content="2021-12-26T08:00:00Z">'), encoding="utf-8")
    (tmp_path / "a" / "ld.html").write_text(page.format(
        meta='<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "1994-03-04T10:00:00Z"}'
             '</script>'), encoding="utf-8")
    got = _read(tmp_path / "a")
    assert got["plain.html"].date is None
    assert got["meta.html"].date.startswith("2021-12-26") and got["ld.html"].date.startswith("1994-03-04")


@pytest.mark.parametrize("value, date", [
    ("2019-03-04", "2019-03-04"), (20181101, "2018-11-01"), ("20181101", "2018-11-01"), ("Tuesday", None),
    ("March 2019", None), ("Tuesday 5 March 2019", "2019-03-05"), ("Tue 12 Mar 2019 21.45 GMT", "2019-03-12T21:45"),
    ("2019.03.12", "2019-03-12"), (True, None), ("", None),
])
def test_dates_from_metadata_name_a_day_or_none(value, date):
    from generator.ingest.meta import clean_date

    got = clean_date(value)
    assert (got or None) == date or (date and got.startswith(date)), got


@pytest.mark.parametrize("line, date", [
    ("26 December 2004 - a date nobody in the town will forget.", None),
    ("November 6, 2018 - the date circled on every calendar in the state.", None),
    ("First published on Tue 12 Mar 2019 21.45 GMT", "2019-03-12"),
    ("March 13, 2019 / 6:02 PM", "2019-03-13"),
    ("30 November 2018 • 12:01am", "2018-11-30"),
])
def test_a_dateline_is_a_line_about_the_page_not_a_sentence_about_a_day(line, date):
    from generator.ingest.meta import date_from_text

    assert date_from_text([line]) == date


def test_files_named_one_by_one_keep_their_sidecar_and_folder_dates(tmp_path):
    _write(tmp_path / "s", ["council.txt"])
    (tmp_path / "s" / "metadata.csv").write_text("File, Date, Source\ncouncil.txt, 2019-03-21, Gazette\n",
                                                 encoding="utf-8")
    _write(tmp_path / "reuters" / "2018" / "07" / "15", ["story.txt"])
    got = _read(tmp_path / "s" / "council.txt", tmp_path / "reuters" / "2018" / "07" / "15" / "story.txt")
    assert got["errors"] == []
    assert (got["council.txt"].date, got["council.txt"].source) == ("2019-03-21", "Gazette")
    assert got["story.txt"].date == "2018-07-15"


def test_the_path_and_sidecar_date_beat_a_dateline_line(tmp_path):
    body = "Rates held\n\nUpdated 23 March 2019\n\nThe bank held its main rate at five per cent on Thursday.\n\n" \
           "Economists had expected the decision after weak growth figures this winter.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "gazette_2019-03-21_rates.txt").write_text(body, encoding="utf-8")
    (tmp_path / "a" / "gazette_2019-03-22_more.txt").write_text(body, encoding="utf-8")
    got = _read(tmp_path / "a")
    assert got["gazette_2019-03-21_rates.txt"].date == "2019-03-21"


def test_a_slug_before_the_date_is_not_an_outlet_and_a_name_is_not_every_folders(tmp_path):
    _write(tmp_path / "a", ["brexit-vote_2019-03-04.txt", "nhs-strike_2019-03-06.txt"])
    got = _read(tmp_path / "a")
    assert got["brexit-vote_2019-03-04.txt"].source == "" and got["brexit-vote_2019-03-04.txt"].date == "2019-03-04"
    _write(tmp_path / "b", ["story.txt"])
    _write(tmp_path / "b" / "bbc", ["story.txt"])
    (tmp_path / "b" / "metadata.csv").write_text("file,date,source\nstory.txt,2018-07-15,Reuters\n", encoding="utf-8")
    files, _ = find_articles([tmp_path / "b"])
    hints, _ = find_hints([tmp_path / "b"], files)
    assert hints[tmp_path / "b" / "story.txt"].source == "Reuters"
    assert hints[tmp_path / "b" / "bbc" / "story.txt"].source == ""


def test_the_report_says_most_only_above_half():
    from generator.records import Record, Summary
    from generator.report import BuildReport

    report = BuildReport()
    for i, date in enumerate(["2019-03-04", None]):
        report.add(Record(path=f"{i}.txt", id=str(i), title="t", standfirst="", source="Gazette", date=date,
                          summary=Summary(lede=""), actors=[], places=[], quotes=[], paragraphs=[]))
    assert not any("most articles" in line for line in report.lines())


def test_a_sidecar_with_day_first_dates_is_read_day_first(tmp_path):
    _write(tmp_path / "uk", ["a.txt", "b.txt"])
    (tmp_path / "uk" / "metadata.csv").write_text("file,date\na.txt,04/03/2019\nb.txt,13/03/2019\n", encoding="utf-8")
    _write(tmp_path / "us", ["a.txt", "b.txt"])
    (tmp_path / "us" / "metadata.csv").write_text("file,date\na.txt,04/03/2019\nb.txt,03/13/2019\n", encoding="utf-8")
    uk, us = _read(tmp_path / "uk"), _read(tmp_path / "us")
    assert (uk["a.txt"].date, uk["b.txt"].date) == ("2019-03-04", "2019-03-13")
    assert (us["a.txt"].date, us["b.txt"].date) == ("2019-04-03", "2019-03-13")


def test_day_first_applies_to_day_month_dates_only(tmp_path):
    _write(tmp_path / "uk", ["a.txt", "b.txt", "c.txt", "d.txt"])
    (tmp_path / "uk" / "metadata.csv").write_text(
        "file;date;source\na.txt;05/03/2019;Gazette\nb.txt;13/03/2019;Gazette\nc.txt;2019-03-09;Gazette\n"
        "d.txt;20190310;Gazette\n", encoding="utf-8")  # a European spreadsheet's semicolons, too
    got = _read(tmp_path / "uk")
    assert [got[f"{x}.txt"].date for x in "abcd"] == ["2019-03-05", "2019-03-13", "2019-03-09", "2019-03-10"]
    assert got["a.txt"].source == "Gazette"


def test_a_sidecar_path_with_backslashes_names_the_file(tmp_path):
    _write(tmp_path / "a" / "2019" / "wales", ["harbour.txt"])
    (tmp_path / "a" / "metadata.csv").write_text("path,date\n2019\\wales\\harbour.txt,2019-03-05\n", encoding="utf-8")
    assert _read(tmp_path / "a")["harbour.txt"].date == "2019-03-05"


@pytest.mark.parametrize("value, date", [(43529, "2019-03-05"), ("43529", "2019-03-05"),
                                         (1551744000000, "2019-03-05"), ("1551780000", "2019-03-05"),
                                         ("05.03.2019", "2019-03-05"),
                                         ("Tue, 05 Mar 2019 23:30:00 EST", "2019-03-05T23:30:00-05:00")])
def test_spreadsheet_epoch_dotted_and_zoned_dates(value, date):
    from generator.ingest.meta import clean_date

    assert clean_date(value).startswith(date)


def test_json_takes_the_first_field_that_is_a_date_never_the_crawl_day(tmp_path):
    text = "The harbour board approved a plan on Monday to rebuild the storm-damaged sea wall this year."
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "items.json").write_text(json.dumps([
        {"title": "One", "text": text, "published": True, "date": "2019-03-05"},
        {"title": "Two", "maintext": text, "date_publish": None, "date_download": "2024-01-09 10:00:00"},
        {"title": "Three", "text": text, "date": {"$date": "2019-03-07T10:00:00Z"}},
    ]), encoding="utf-8")
    files, _ = find_articles([tmp_path / "a"])
    dates = [a.date for a in read_path(files[0])]
    assert dates[0] == "2019-03-05" and dates[1] is None and dates[2].startswith("2019-03-07")


def test_front_matter_keys_in_any_case_and_common_names(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("---\nTitle: Harbour wall\npubDate: 2019-03-05\npublisher: Gazette\n---\n\n"
                                           "The harbour board approved a plan on Monday to rebuild the wall.\n",
                                           encoding="utf-8")
    a = _read(tmp_path / "a")["one.md"]
    assert (a.date, a.source) == ("2019-03-05", "Gazette")


def test_articles_are_ordered_by_the_moment_across_time_zones():
    from generator.aggregate import sort_key
    from generator.records import Record, Summary

    def rec(i, date):
        return Record(path=f"{i}.json", id=str(i), title=str(i), standfirst="", source="", date=date,
                      summary=Summary(lede=""), actors=[], places=[], quotes=[], paragraphs=[])

    records = [rec("a", "2019-03-06T03:30:00+00:00"), rec("c", "2019-03-06T01:00:00+00:00"),
               rec("b", "2019-03-05T23:30:00-05:00")]  # 04:30 in London on the 6th: the newest
    assert [r.id for r in sorted(records, key=sort_key)] == ["b", "a", "c"]


def test_a_feed_items_own_source_is_its_outlet(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "news.xml").write_text(
        '<rss version="2.0"><channel><title>News aggregator</title><item><title>Harbour wall</title>'
        "<description>The harbour board approved a plan on Monday to rebuild the storm-damaged sea wall."
        '</description><source url="https://example.org">Daily Courier</source></item></channel></rss>',
        encoding="utf-8")
    assert _read(tmp_path / "a")["news.xml"].source == "Daily Courier"


@pytest.mark.parametrize("line, source, date, url", [
    ("Source: BBC News, 5 March 2019", "BBC News", "2019-03-05", None),
    ("Source: https://www.example.org/news/harbour-wall", "", None, "https://www.example.org/news/harbour-wall"),
])
def test_a_trailing_source_line_with_a_date_or_a_link(tmp_path, line, source, date, url):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Harbour wall\n\nThe harbour board approved a plan on Monday to rebuild "
                                          f"the wall.\n\nEngineers said it would be higher.\n\n{line}\n",
                                          encoding="utf-8")
    a = _read(tmp_path / "a")["x.txt"]
    assert (a.source, a.date, a.url) == (source, date, url)


def test_path_dates_stray_files_old_dates_and_ids(tmp_path):
    names = ["bbc_2019-03-04_harbour.txt", "itv_2019-03-05_wall.txt", "bbc_2019-03-06_vote.txt",
             "itv_2019-03-07_works.txt", "nyt_1851-09-18_first-issue.txt", "README.txt"]
    _write(tmp_path / "a", names)
    got = _read(tmp_path / "a")
    assert got["bbc_2019-03-04_harbour.txt"].source == "BBC"  # one stray README does not undo the pattern
    assert (got["nyt_1851-09-18_first-issue.txt"].date, got["nyt_1851-09-18_first-issue.txt"].source) == \
        ("1851-09-18", "NYT")
    _write(tmp_path / "b" / "2012" / "10" / "21", ["uk-20100512.txt"])
    assert _read(tmp_path / "b")["uk-20100512.txt"].date == "2012-10-21"


def test_a_sidecar_row_for_no_file_is_a_warning_not_a_failure(tmp_path, caplog):
    _write(tmp_path / "a", ["one.txt"])
    (tmp_path / "a" / "metadata.csv").write_text("file,date\none.txt,2019-03-05\nE.TXT,2019-03-06\n",
                                                 encoding="utf-8")
    with caplog.at_level("WARNING"):
        got = _read(tmp_path / "a")
    assert got["errors"] == [] and got["one.txt"].date == "2019-03-05"
    assert "1 row names no article file here (first: 'E.TXT')" in caplog.text


def test_hostile_and_tricky_dates(tmp_path):
    from generator.ingest.html import page_date
    from generator.ingest.meta import clean_date, date_from_text

    assert clean_date(10 ** 400) is None and clean_date(float("nan")) is None
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
             '<meta property="article:published_time" content="2019-03-05T10:00:00Z"/></head><body><p>Text.</p>'
             "</body></html>")
    assert page_date(xhtml).startswith("2019-03-05")
    related = ('<html><body><article><time datetime="2024-02-03">3 Feb 2024</time><p>Text.</p></article>'
               '<aside><time datetime="2011-02-03">3 Feb 2011</time></aside></body></html>')
    assert page_date(related) == "2024-02-03"
    assert date_from_text(["March 13, 2019 / 6:02 PM / Updated an hour ago"]) == "2019-03-13"
    assert date_from_text(["30 November 2018 • 12:01am • 4 min read"]) == "2018-11-30"


def test_a_file_given_alone_is_dated_by_its_nearest_folders_only(tmp_path):
    deep = tmp_path / "2023" / "01" / "05" / "archive" / "news" / "desk"
    _write(deep, ["a.txt"])
    assert _read(deep / "a.txt")["a.txt"].date is None

"""Folders nobody curated: every bad file gets one clear line, every usable file still becomes a page.

Also: the cache makes re-runs analyse only what changed.
"""

from __future__ import annotations

import os
import shutil

import pytest

from generator import pipeline
from generator.cli import main
from generator.ingest import IngestError
from tests.conftest import SEED, make_project

GOOD = ("Council approves new budget\n\nThe city council approved the budget on Monday.\n\n"
        "The council voted 7-2 in favour of the plan, which raises spending on schools and parks by "
        "four per cent.\n\n“This is a budget for families,” said Mayor Linda Harris after the vote.\n")
LATIN1 = ("Café owners in Zürich protest\n\nCafé owners in Zürich said on Friday that the naïve rent plan "
          "would close dozens of bars.\n\nThe protest drew about 300 people to the Paradeplatz, "
          "organisers said.\n").encode("latin-1")

BAD_FILES: dict[str, bytes | str] = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t \n",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500),
    "binary.txt": bytes(range(256)) * 20,
    "huge.txt": b"Huge file\n\n" + b"word " * (4 * 1024 * 1024 + 10),  # 20 MB
    "title-only.txt": "Only a headline\n",
    "broken-front-matter.md": "---\ntitle: [oops\n---\n\nText.\n",
    # nine levels of YAML aliases: a billion "lol"s if anything expanded them
    "yaml-bomb.md": "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
        + "title: *i\nauthor: *i\n---\n\n“Yes,” said Jane Doe, a lawyer.\n",
    "deep.json": "[" * 100_000 + "]" * 100_000,
}
GOOD_FILES: dict[str, bytes | str] = {
    "budget with spaces é #1 ?.txt": GOOD,
    "latin1.txt": LATIN1,
    "bom-crlf.txt": ("\ufeff" + GOOD.replace("\n", "\r\n").replace("Monday", "Mon\x00day")).encode("utf-8"),
    "dots..name.txt": GOOD.replace("Council approves new budget", "Dots in the name"),
    "one-line.txt": ("The harbour authority said on Tuesday that repairs would take a year. " * 30000),  # ~2 MB
    "saved-page.txt": "<!DOCTYPE html><html><head><title>Harbour repairs to take a year</title></head><body>"
                      "<nav>Home | News | Sport</nav><article><h1>Harbour repairs to take a year</h1>"
                      "<p>The harbour authority said on Tuesday that repairs to the storm-damaged sea wall "
                      "would take at least a year and cost more than four million pounds.</p>"
                      "<p>Fishing boats will use the smaller north quay in the meantime, the authority "
                      "said, and the ferry timetable will not change.</p></article></body></html>",
    "same-title-a.txt": GOOD,
    "sub/same-title-b.txt": GOOD,
    "title-escape.json": '{"title": "Lone surrogate \\ud800 in JSON", "text": "The harbour authority said on '
                         'Tuesday that the repairs would take a year and cost four million pounds."}',
}


@pytest.fixture(scope="module")
def messy_build(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("messy"), {**BAD_FILES, **GOOD_FILES})
    seeds = project / "seeds"
    os.symlink(seeds / "gone.txt", seeds / "dangling.txt")
    os.symlink(seeds / "loop-b.txt", seeds / "loop-a.txt")
    os.symlink(seeds / "loop-a.txt", seeds / "loop-b.txt")
    os.mkfifo(seeds / "fifo.txt")  # reading it would wait forever
    (seeds / "folder.txt").mkdir()  # a folder is walked, not read
    (seeds / os.fsdecode(b"not-utf8-\xff.txt")).write_text(GOOD.replace("Council", "Harbour board"))
    return project


def test_messy_folder_builds_with_one_line_per_bad_file(messy_build, capsys):
    project = messy_build
    code = main(["build", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                 "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert all(ln.startswith("error: ") for ln in lines), lines
    expected = {"empty.txt": "empty", "blank.txt": "empty", "image.txt": "PNG", "binary.txt": "binary",
                "huge.txt": "too large", "title-only.txt": "no body", "broken-front-matter.md": "front matter",
                "dangling.txt": "broken symbolic link", "loop-a.txt": "link loop", "loop-b.txt": "link loop",
                "fifo.txt": "not a regular file", "yaml-bomb.md": "aliases", "deep.json": "nested too deeply"}
    for name, reason in expected.items():
        hits = [ln for ln in lines if f"/{name}:" in ln]
        assert len(hits) == 1 and reason in hits[0], (name, hits)
    assert len(lines) == len(expected)
    pages = sorted(p.parent.name for p in (project / "site" / "articles").glob("*/index.html"))
    # the seed + every good file (two share a title and still get two pages)
    assert len(pages) == 1 + len(GOOD_FILES) + 1  # + the file whose name is not UTF-8
    assert len([p for p in pages if p.startswith("council-approves-new-budget")]) == 4


def test_latin1_and_bom_come_out_right(messy_build):
    records = {os.path.basename(r.path): r for r in pipeline.run([messy_build / "seeds"], jobs=1)
               if not isinstance(r, IngestError)}
    assert records["latin1.txt"].title == "Café owners in Zürich protest"
    assert "Zürich" in records["latin1.txt"].paragraphs[0]
    assert records["bom-crlf.txt"].title == "Council approves new budget"
    assert "\r" not in " ".join(records["bom-crlf.txt"].paragraphs)
    assert "Monday" in records["bom-crlf.txt"].paragraphs[0]
    assert records["saved-page.txt"].title == "Harbour repairs to take a year"
    assert "Home | News" not in " ".join(records["saved-page.txt"].paragraphs)
    long = records["one-line.txt"]
    assert long.title.startswith("The harbour authority said") and len(long.title) <= 301
    assert max(len(p) for p in long.paragraphs) <= 5000


def test_rerun_analyses_only_what_changed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "seed.txt")
    (seeds / "budget.txt").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"

    def run() -> dict:
        stats: dict = {}
        records = list(pipeline.run([seeds], jobs=1, cache_dir=cache, stats=stats))
        assert all(not isinstance(r, IngestError) for r in records)
        return stats

    assert run()["analysed"] == 2
    assert run()["analysed"] == 0
    (seeds / "budget.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    stats = run()
    assert stats["analysed"] == 1 and stats["cached"] == 1

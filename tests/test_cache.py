"""The record cache: every entry is checked when read (a bad one is analysed again with one warning line, never a
traceback), and the records of other pipeline versions are removed."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from tests.conftest import SEED, make_project

HARBOUR = """Harbour master warns of winter storms

The harbour master of Port Ellery said on Monday that boats should stay in port until the weekend.

"The forecast is the worst we have seen this year," said harbour master Tomas Reyes. "Nobody should sail."

Fishing crews said the closure would cost them a week of income.
"""


@pytest.fixture
def cached(tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    (seeds / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    cache = tmp_path / "cache"
    fresh = [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache)]
    entries = sorted(cache.rglob("*.json"))
    assert len(fresh) == 2 and len(entries) == 2
    return seeds, cache, entries, fresh


def _envelope(path: Path, **change) -> str:
    entry = json.loads(path.read_text(encoding="utf-8"))
    record = entry["record"]
    for key, value in change.items():
        if value is None:
            del record[key]
        else:
            record[key] = value
    return json.dumps(entry)


BAD = {
    "truncated": lambda p: p.read_text(encoding="utf-8")[:200],
    "empty": lambda p: "",
    "not UTF-8": lambda p: b"\xff\xfe\x00garbage",
    "JSON null": lambda p: "null",
    "a list": lambda p: "[1, 2, 3]",
    "a bare record (an earlier release)": lambda p: json.dumps(json.loads(p.read_text(encoding="utf-8"))["record"]),
    "no id": lambda p: _envelope(p, id=None),
    "id is a path": lambda p: _envelope(p, id="../../../etc/passwd"),
    "title is a number": lambda p: _envelope(p, title=42),
    "actor of the wrong shape": lambda p: _envelope(p, actors=[{"name": 3, "kind": "person"}]),
    "quote with an unknown field": lambda p: _envelope(
        p, quotes=[{"text": "x", "speaker": None, "kind": "direct", "evil": True}]),
    "another version": lambda p: json.dumps({**json.loads(p.read_text(encoding="utf-8")), "version": "0" * 16}),
    "another article": lambda p: json.dumps({**json.loads(p.read_text(encoding="utf-8")), "key": "0" * 64}),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_entry_is_analysed_again_with_one_warning(cached, caplog, kind):
    seeds, cache, entries, fresh = cached
    bad = BAD[kind](entries[0])
    if isinstance(bad, bytes):
        entries[0].write_bytes(bad)
    else:
        entries[0].write_text(bad, encoding="utf-8")
    stats: dict = {}
    with caplog.at_level(logging.WARNING):
        again = [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache, stats=stats)]
    assert again == fresh
    assert stats["analysed"] == 1 and stats["cached"] == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and str(entries[0]) in warnings[0] and "unusable cache entry" in warnings[0]
    caplog.clear()
    stats = {}
    assert [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache, stats=stats)] == fresh
    assert stats["cached"] == 2 and not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_build_with_a_bad_entry_is_one_warning_line_not_a_traceback(tmp_path, capsys, nlp):
    project = make_project(tmp_path / "p")
    cache = tmp_path / "cache"
    args = ["build", "-j", "1", "--cache", str(cache), "--seeds", str(project / "seeds"), "--docs",
            str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]
    assert main(args) == 0
    (entry,) = cache.rglob("*.json")
    entry.write_text(_envelope(entry, id=None), encoding="utf-8")  # valid JSON, the wrong shape
    capsys.readouterr()
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if str(entry) in ln or ln.startswith(("error", "Traceback"))]
    assert len(lines) == 1 and lines[0].startswith("warning: ") and str(entry) in lines[0], err


def test_other_versions_are_pruned_and_nothing_else(cached):
    seeds, cache, entries, fresh = cached
    version = pipeline.pipeline_version()
    (cache / "0123456789abcdef" / "ab").mkdir(parents=True)  # another pipeline version
    (cache / "0123456789abcdef" / "ab" / ("ab" + "0" * 62 + ".json")).write_text("{}")
    (cache / "cd").mkdir()  # the flat layout of earlier releases
    (cache / "cd" / ("cd" + "1" * 62 + ".json")).write_text("{}")
    (cache / "ef").mkdir()  # not ours: a two-letter folder holding something else
    (cache / "ef" / "photo.jpg").write_bytes(b"\xff\xd8")
    (cache / "README.txt").write_text("my notes about this cache\n")
    assert [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache)] == fresh
    assert sorted(p.name for p in cache.iterdir()) == sorted([version, "ef", "README.txt"])
    assert (cache / "ef" / "photo.jpg").exists()
    assert sorted(cache.rglob("*.json")) == entries


def test_entries_unused_for_a_month_are_pruned_once_a_day(cached):
    seeds, cache, entries, fresh = cached
    stamp = cache / pipeline.pipeline_version() / ".pruned"
    list(pipeline.run([seeds], jobs=1, cache_dir=cache))
    assert stamp.exists()  # this run scanned (nothing to remove) and noted when
    old = time.time() - 40 * 86400
    os.utime(entries[0], (old, old))
    stats: dict = {}
    assert [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache, stats=stats)] == fresh
    assert stats["cached"] == 2  # scanned less than a day ago: not yet; the hit marks the entry used
    assert time.time() - entries[0].stat().st_mtime < 3600
    os.utime(entries[0], (old, old))
    os.utime(stamp, (old, old))
    stats = {}
    assert [r.to_dict() for r in pipeline.run([seeds], jobs=1, cache_dir=cache, stats=stats)] == fresh
    assert stats["cached"] == 1 and stats["analysed"] == 1  # removed as unused, so analysed again
    assert sorted(cache.rglob("*.json")) == entries

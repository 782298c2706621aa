"""Extraction scores on ../shared/eval with its own scorer (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED_EVAL

pytestmark = pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="../shared/eval is not here")


def _score(name: str, tmp_path) -> dict:
    articles = sorted((SHARED_EVAL / name / "articles").iterdir())
    out = subprocess.run([sys.executable, "-m", "generator", "analyze", "-q", "--no-cache", *map(str, articles)],
                         capture_output=True, text=True, check=True)
    records = tmp_path / "records.jsonl"
    records.write_text(out.stdout)
    res = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), str(SHARED_EVAL / name / "gold"),
                          str(records), "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def test_seed_scores(tmp_path):
    s = _score("seed", tmp_path)
    assert s["persons"]["f1"] >= 0.95
    assert s["organizations"]["f1"] >= 0.85
    assert s["places"]["f1"] >= 0.9
    assert s["attributed_quotes"]["tp"] == 6 and s["quotes"]["pred"] == 6


def test_polnear_quotes(tmp_path):
    s = _score("polnear-dev", tmp_path)
    # the targets of issue 4: a quality gate, so a change that loses speakers fails here
    assert s["quotes"]["f1"] >= 0.95
    assert s["speakers"]["accuracy"] >= 0.90
    assert s["attributed_quotes"]["f1"] >= 0.85

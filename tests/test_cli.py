"""The command line: help everywhere, JSON Lines out, exit codes, one line per bad file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED


@pytest.mark.parametrize("argv", [["--help"], ["analyze", "--help"], ["generate", "--help"], ["build", "--help"],
                                  ["serve", "--help"]])
def test_help(argv):
    out = subprocess.run([sys.executable, "-m", "generator", *argv], capture_output=True, text=True)
    assert out.returncode == 0 and "usage: summary-site" in out.stdout


def test_analyze_prints_json_lines_and_fails_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    out = subprocess.run([sys.executable, "-m", "generator", "analyze", "--no-cache", str(SEED), str(bad)],
                         capture_output=True, text=True)
    assert out.returncode == 1
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Trump administration hosts first anti-ISIL meeting"]
    assert out.stderr.strip().splitlines() == [f"error: {bad}: not a text file (binary content)"]


def test_missing_path_is_reported(tmp_path):
    out = subprocess.run([sys.executable, "-m", "generator", "analyze", "--no-cache", str(tmp_path / "nope.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "nope.txt: no such file" in out.stderr


def test_missing_model_says_what_to_install(tmp_path):
    code = ("import generator.nlp as n; n.MODELS = ('no_such_pipeline_xyz',); "
            f"from generator.cli import main; raise SystemExit(main(['analyze', '--no-cache', {str(SEED)!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert "requirements-model.txt" in out.stderr and "en_core_web_sm" in out.stderr
    assert "Traceback" not in out.stderr

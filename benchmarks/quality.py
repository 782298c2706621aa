"""Extraction quality on every evaluation set in ../shared/eval (`make eval`).

Each set is a folder with `articles/` and `gold/`: the articles are analysed with `summary-site analyze`
(no cache, so the numbers are for the code as it is now) and `score.py`'s table is printed per set.
Exits 0 with a message when ../shared is absent (a checkout without the team's data).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def sets() -> list[Path]:
    return sorted(p for p in EVAL.iterdir() if (p / "articles").is_dir() and (p / "gold").is_dir())


def main() -> int:
    if not (EVAL / "score.py").is_file():
        print(f"skipped: no evaluation data at {EVAL}")
        return 0
    status = 0
    for s in sets():
        articles = sorted(str(p) for p in (s / "articles").iterdir() if p.is_file())
        print(f"== {s.name} ({len(articles)} articles)", flush=True)
        with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as out:
            run = subprocess.run([sys.executable, "-m", "generator", "analyze", *articles, "--no-cache"],
                                 stdout=out, cwd=ROOT)
            if run.returncode != 0:
                print(f"analyze failed on {s.name} (exit {run.returncode})")
                status = 1
                continue
            scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(s / "gold"), out.name], cwd=ROOT)
            status = status or scored.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())

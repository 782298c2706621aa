"""Progress on stderr for long runs, and one line per bad file."""

from __future__ import annotations

import sys


class Progress:
    """A tqdm bar when stderr is a terminal (and not --quiet); errors always get their own line."""

    def __init__(self, quiet: bool = False, desc: str = "analysing"):
        self.quiet = quiet
        self.bar = None
        self.desc = desc
        self.errors = 0

    def __enter__(self) -> Progress:
        if not self.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(desc=self.desc, unit="article", file=sys.stderr, leave=False)
        return self

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def error(self, err) -> None:
        self.errors += 1
        msg = f"error: {err}"
        if self.bar is not None:
            self.bar.write(msg, file=sys.stderr)
        else:
            print(msg, file=sys.stderr)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()

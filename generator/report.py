"""The build report: what went in, what is missing, and how to fix it, in one short block after a build.

Details (which files lack a date or a source, where dates came from) only with -v.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.records import Record

MOSTLY = 0.5
"""Above this share of undated (or unsourced) articles, the report says how to add them."""
FIX_DATES = ("put the date in the file name (2016-09-12_slug.txt or {source}_{date}_{slug}.txt), in front "
             "matter (date: 2016-09-12) or in a sidecar metadata.csv beside the articles (see the README, "
             "\"Dates and outlets\")")
FIX_SOURCES = ("name the outlet in front matter (source: ...), in a sidecar metadata.csv, or in the file "
               "names with filename_pattern: \"{source}_{date}_{slug}\" under the summary-site plugin in "
               "mkdocs.yml")


@dataclass
class BuildReport:
    articles: int = 0
    failed: int = 0
    """Files (or items) that could not be used; each was named on stderr as it failed."""
    undated: list[str] = field(default_factory=list)
    unsourced: list[str] = field(default_factory=list)
    other_language: list[str] = field(default_factory=list)
    bad_corrections: int = 0
    """Entries of the corrections file that could not be used (named on stderr)."""
    corrections: int = 0
    """Entity corrections applied (a corrections file); whoever applies them adds to this count."""
    corrections_text: str = ""
    """What they were, in one phrase ("3 corrections from entities.yml (2 merge, 1 drop)")."""
    date_from: Counter = field(default_factory=Counter)
    source_from: Counter = field(default_factory=Counter)

    def add(self, record: Record) -> None:
        where = record.path if record.item is None else f"{record.path} (item {record.item})"
        self.articles += 1
        self.date_from[record.date_from or "none"] += 1
        self.source_from[record.source_from or "none"] += 1
        if not record.date:
            self.undated.append(where)
        if not record.source:
            self.unsourced.append(where)
        if record.language not in (None, "en"):
            self.other_language.append(f"{where} ({record.language})")

    def lines(self, verbose: bool = False) -> list[str]:
        n = self.articles
        out = [f"{n} article{'s' if n != 1 else ''} built"
               + (f", {self.failed} input{'s' if self.failed != 1 else ''} failed (files or items, named above)"
                  if self.failed else "")]
        missing = []
        if self.undated:
            missing.append(f"{len(self.undated)} without a date")
        if self.unsourced:
            missing.append(f"{len(self.unsourced)} without a source")
        if self.other_language:
            missing.append(f"{len(self.other_language)} skipped for language (not English: no actors, places "
                           "or quotes)")
        if missing:
            out.append("  " + "; ".join(missing))
        if self.bad_corrections:
            out.append(f"  {self.bad_corrections} correction{'s' if self.bad_corrections != 1 else ''} could not "
                       "be used (named above)")
        if self.corrections:
            out.append(f"  applied {self.corrections_text}" if self.corrections_text else
                       f"  {self.corrections} correction{'s' if self.corrections != 1 else ''} applied")
        if n and len(self.undated) > MOSTLY * n:
            out.append(f"  most articles have no date, so the timeline and the newest quotes cannot be ordered: "
                       f"{FIX_DATES}")
        if n and len(self.unsourced) > MOSTLY * n:
            out.append(f"  most articles have no source: {FIX_SOURCES}")
        if verbose:
            out.append("  dates from: " + _counts(self.date_from) + "; sources from: " + _counts(self.source_from))
            for label, paths in (("no date", self.undated), ("no source", self.unsourced),
                                 ("not English", self.other_language)):
                out.extend(f"  {label}: {p}" for p in paths)
        return out

    def text(self, verbose: bool = False) -> str:
        return "\n".join(self.lines(verbose))


def _counts(c: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) or "-"

"""Dates and outlets from where users keep them outside the text: a sidecar file, the file's path.

A file's own metadata (front matter, HTML meta, feed and JSON fields) always wins; these hints only fill
what it lacks, sidecar first, then the path:

- sidecar: `metadata.csv`, `metadata.json` or `metadata.yaml` in the articles' folder (or a parent of it,
  up to the folder given), mapping file names to date, source, url, authors, tags (see the README);
- path: a file-name pattern such as `{source}_{date}_{slug}` (the `filename_pattern` option of the
  `summary-site` plugin in mkdocs.yml, or `--filename-pattern`; a `/` matches a folder, so
  `{source}/{slug}` reads the outlet from the folder), or the same pattern detected when every file in a
  folder follows it; else an ISO date in the file or folder names (`2016-09-12`, `20160912`,
  `2016/09/12/`). This is what pelican's FILENAME_METADATA and PATH_METADATA do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from generator.ingest.meta import clean_date, day_first, split_authors

log = logging.getLogger(__name__)

SIDECAR_NAMES = ("metadata.csv", "metadata.json", "metadata.yaml", "metadata.yml")
"""Files in an articles folder that describe the others; never read as articles."""
KEY_FIELDS = ("file", "filename", "path", "name")
DETECTED = ("{source}_{date}_{slug}", "{date}_{source}_{slug}", "{source}_{date}")
"""Patterns tried on a folder whose files all follow one (only when no pattern is set)."""

_DATE = r"(?:18|19|20)\d\d-[01]\d-[0-3]\d|(?:19|20)\d\d[01]\d[0-3]\d"
_PLACEHOLDERS = {
    "source": r"[^/]*?[A-Za-z][^/]*?", "date": _DATE, "slug": r"[^/]+", "title": r"[^/]+",
    "year": r"(?:19|20)\d\d", "month": r"[01]\d", "day": r"[0-3]\d", "": r"[^/]*?", "*": r"[^/]*?",
}
_FIELD = re.compile(r"\{([a-z*]*)\}")
_NAME_DATE = re.compile(rf"(?<![0-9])(?:{_DATE})(?![0-9])")
_DASHED = re.compile(r"(?<![0-9])(?:18|19|20)\d\d-[01]\d-[0-3]\d(?![0-9])")
_FOLDER_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?=/|$)")


@dataclass
class Hints:
    """What a sidecar row and the path say about one file."""

    date: str | None = None
    date_from: str | None = None
    source: str = ""
    source_from: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


class HintError(Exception):
    """A sidecar or pattern that cannot be used; `path` names it."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


# --- patterns --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pattern:
    text: str
    regex: re.Pattern
    depth: int
    """Path components it spans (1: the file name only)."""

    def match(self, rel: PurePosixPath) -> dict[str, str] | None:
        parts = rel.with_suffix("").parts if rel.suffix else rel.parts
        if len(parts) < self.depth:
            return None
        m = self.regex.fullmatch("/".join(parts[-self.depth:]))
        return {k: v for k, v in m.groupdict().items() if v} if m else None


def compile_pattern(text: str) -> Pattern:
    """`{source}_{date}_{slug}` (placeholders: source, date, year, month, day, slug, title, `{}` for anything),
    or a regular expression with named groups as in pelican (`(?P<date>\\d{4}-\\d\\d-\\d\\d)_(?P<slug>.*)`).
    Matched against the end of the path without the suffix. ValueError names what is wrong."""
    text = text.strip().strip("/")
    if not text:
        raise ValueError("empty file-name pattern")
    if "(?P<" in text:
        source = text
    else:
        pieces, pos, seen = [], 0, set()
        for m in _FIELD.finditer(text):
            name = m[1]
            if name not in _PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {{{name}}} in {text!r} (known: "
                                 + ", ".join("{" + k + "}" for k in _PLACEHOLDERS if k.isalpha()) + ")")
            pieces.append(re.escape(text[pos:m.start()]))
            if name.isalpha() and name not in seen:
                pieces.append(f"(?P<{name}>{_PLACEHOLDERS[name]})")
                seen.add(name)
            else:
                pieces.append(f"(?:{_PLACEHOLDERS[name]})")
            pos = m.end()
        pieces.append(re.escape(text[pos:]))
        source = "".join(pieces)
        if not seen:
            raise ValueError(f"file-name pattern {text!r} has no placeholder such as {{source}} or {{date}}")
    try:
        regex = re.compile(source)
    except re.error as e:
        raise ValueError(f"file-name pattern {text!r} is not a valid regular expression ({e})") from None
    return Pattern(text, regex, text.count("/") + 1)


def _date_of(found: dict[str, str]) -> str | None:
    if "date" in found:
        return _iso(found["date"])
    if {"year", "month", "day"} <= found.keys():
        return _iso(f"{found['year']}-{found['month']}-{found['day']}")
    return None


def _iso(s: str) -> str | None:
    digits = s.replace("-", "").replace("/", "")
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        return None


def date_in_path(rel: PurePosixPath) -> str | None:
    """An ISO date in the file name, else in the folder names (`2016-09-12`, `20160912`, `2016/09/12/`). Eight
    bare digits in a name may be an id (`uk-20100512`): dated folders come before them."""
    for m in _DASHED.finditer(rel.name):
        if found := _iso(m[0]):
            return found
    folders = str(rel.parent)
    for m in _FOLDER_DATE.finditer(folders):
        if found := _iso("".join(m.groups())):
            return found
    for m in _NAME_DATE.finditer(rel.name):
        if found := _iso(m[0]):
            return found
    for part in reversed(rel.parent.parts):
        for m in _NAME_DATE.finditer(part):
            if found := _iso(m[0]):
                return found
    return None


def detect_pattern(rels: list[PurePosixPath]) -> Pattern | None:
    """The pattern that the files of one folder follow (from four files on, all but one in ten: a stray
    `README.txt` does not undo it). A word after the date is taken for an outlet only when it repeats (one
    that differs in every file name is more likely the first word of a slug)."""
    if len(rels) < 2:
        return None
    for text in DETECTED:
        pattern = compile_pattern(text)
        found = [f for r in rels if (f := pattern.match(PurePosixPath(r.name))) and _date_of(f) and "source" in f]
        strays = max(1, len(rels) // 10) if len(rels) >= 4 else 0
        if len(found) < 2 or len(found) < len(rels) - strays:
            continue
        sources = Counter(f["source"].lower() for f in found)
        # "guardian_2019-03-04_slug": the outlet before a date in the middle; "brexit-vote_2019-03-04" may be a
        # slug before the date, so there the word must repeat, as after a date
        middle = text.index("{source}") < text.index("{date}") and not text.endswith("{date}")
        if middle or len(sources) <= len(found) // 2:
            return pattern
    return None


# --- sidecars --------------------------------------------------------------------------------------------

def read_sidecar(path: Path) -> dict[str, dict]:
    """File name -> its fields, from a CSV (header row with a `file` column), a JSON or YAML mapping of
    file names to fields, or a JSON or YAML list of objects with a `file` field."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as e:
        raise HintError(str(path), f"cannot read sidecar ({getattr(e, 'strerror', None) or e})") from None
    try:
        if path.suffix == ".csv":
            header = text.split("\n", 1)[0]
            delimiter = max(",;\t", key=header.count)  # a European spreadsheet writes "file;date;source"
            reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
            if reader.fieldnames:  # "File, Date, Source" as spreadsheets write it
                reader.fieldnames = [(h or "").strip().lower() for h in reader.fieldnames]
            rows = [{k: v.strip() if isinstance(v, str) else v for k, v in r.items()} for r in reader]
            if rows and not any(k in rows[0] for k in KEY_FIELDS):
                raise ValueError(f"no column named {' or '.join(KEY_FIELDS)}")
            data: object = rows
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, csv.Error) as e:
        raise HintError(str(path), f"unreadable sidecar ({' '.join(str(e).split())[:160]})") from None
    if data is None:
        return {}
    if isinstance(data, dict):
        items = [(str(k), v) for k, v in data.items()]
    elif isinstance(data, list):
        items = []
        for row in data:
            key = next((row.get(k) for k in KEY_FIELDS if isinstance(row, dict) and row.get(k)), None)
            if key is None:
                raise HintError(str(path), f"a row without a {' or '.join(KEY_FIELDS)} field: {str(row)[:80]}")
            items.append((str(key), row))
    else:
        raise HintError(str(path), "sidecar is neither a mapping of file names nor a list of rows")
    out = {}
    for key, row in items:
        if not isinstance(row, dict):
            raise HintError(str(path), f"{key}: expected fields (date, source, url, authors, tags)")
        out[key.strip().replace("\\", "/").lstrip("./")] = {str(k).lower(): v for k, v in row.items()}
    return out


def _sidecar_hints(row: dict, dayfirst: bool = False) -> Hints:
    h = Hints()
    date = row.get("date") or row.get("published")
    h.date = clean_date(date if not isinstance(date, (list, dict)) else None, dayfirst)
    h.date_from = "sidecar" if h.date else None
    source = row.get("source") or row.get("outlet") or row.get("publisher")
    if isinstance(source, str) and source.strip():
        h.source, h.source_from = source.strip(), "sidecar"
    url = row.get("url") or row.get("link")
    h.url = url.strip() if isinstance(url, str) and url.strip() else None
    h.authors = split_authors(row.get("authors") or row.get("author"))
    tags = row.get("tags") or []
    tags = re.split(r"\s*[;|]\s*|\s*,\s*", tags) if isinstance(tags, str) else tags
    h.tags = [str(t).strip() for t in tags if str(t).strip()][:20] if isinstance(tags, list) else []
    return h


# --- everything for one run -----------------------------------------------------------------------------

def collect(paths: list[str | Path], files: list[Path], pattern: str | None = None
            ) -> tuple[dict[Path, Hints], list[HintError]]:
    """Hints for every file found under `paths`, and the sidecars that could not be read."""
    errors: list[HintError] = []
    user = None
    if pattern:
        try:
            user = compile_pattern(pattern)
        except ValueError as e:
            errors.append(HintError("filename_pattern", str(e)))
    roots = [Path(p) for p in paths if Path(p).is_dir()]
    rels = {f: _relative(f, roots) for f in files}
    sidecars: dict[Path, dict[str, dict]] = {}
    alone = [f.parent / name for f in files if not any(f.is_relative_to(r) for r in roots) for name in SIDECAR_NAMES]
    for found in [*(s for root in dict.fromkeys(roots) for s in sorted(root.rglob("metadata.*"))),
                  *dict.fromkeys(alone)]:
        if is_sidecar(found.name) and found.is_file() and found not in sidecars:
            try:
                sidecars[found] = read_sidecar(found)
            except HintError as e:
                errors.append(e)
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for f in files:
        by_folder[f.parent].append(f)
    detected = {} if user else {d: detect_pattern([rels[f] for f in fs]) for d, fs in by_folder.items()}
    names = Counter(f.name for f in files)
    nearest_first = sorted(sidecars, key=lambda s: -len(s.parts))
    dayfirst = {s: day_first(r.get("date") or r.get("published") for r in rows.values())
                for s, rows in sidecars.items()}
    used: set[tuple[Path, str]] = set()
    out: dict[Path, Hints] = {}
    for f in files:
        h = Hints()
        if found_row := _sidecar_row(f, nearest_first, sidecars, by_name=names[f.name] == 1):
            sidecar, key = found_row
            used.add(found_row)
            h = _sidecar_hints(sidecars[sidecar][key], dayfirst[sidecar])
        found = (user or detected.get(f.parent))
        found = found.match(rels[f]) if found else None
        if found and not h.source and found.get("source"):
            h.source, h.source_from = outlet_name(found["source"]), "path"
        if not h.date and (date := (_date_of(found) if found else None) or date_in_path(rels[f])):
            h.date, h.date_from = date, "path"
        out[f] = h
    for sidecar, rows in sidecars.items():  # a whole folder was read: a row for no file there is a typo
        unused = [key for key in rows if (sidecar, key) not in used]
        if unused and any(sidecar.parent.is_relative_to(r) for r in roots):
            log.warning("warning: %s: %s no article file here (first: %r)", sidecar,
                        "1 row names" if len(unused) == 1 else f"{len(unused)} rows name", unused[0][:80])
    return out, errors


_ACRONYMS = {"abc", "afp", "ap", "bbc", "cbc", "cbs", "cnn", "dw", "espn", "ft", "itv", "la", "msnbc", "nbc", "npr",
             "ny", "nyt", "pa", "pbs", "rte", "rt", "sbs", "upi", "usa", "wsj"}
_ABBREVIATIONS = {"st", "dr", "mr", "mrs", "ms", "jr", "sr", "mt"}
_LITTLE = {"the", "of", "and", "on", "in", "for", "al", "el", "la", "le", "de", "du", "der", "die", "di"}


def outlet_name(slug: str) -> str:
    """An outlet as a path spells it, as readers know it: "huff-post" -> "Huff Post", "nyt" -> "NYT",
    "usa_today" -> "USA Today", "al-jazeera" -> "Al Jazeera". A name with capitals, spaces or other marks is the
    user's own spelling and stays as it is."""
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", slug):
        return slug  # "BBC News", "reuters.com"
    words = re.split(r"[-_]", slug)
    out = []
    for i, w in enumerate(words):
        letters = w.rstrip("0123456789")
        if letters in _ACRONYMS or 0 < len(letters) <= 4 and letters.isalpha() and not re.search("[aeiouy]", letters) \
                and letters not in _ABBREVIATIONS:
            out.append(w.upper())
        elif i and w in _LITTLE:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def _relative(f: Path, roots: list[Path]) -> PurePosixPath:
    """The file's path below the folder it was found in; when given on its own, its last four folders
    (`reuters/2018/07/15/story.txt` keeps the folders that date it, not `/srv/2023/01/05/archive/...`)."""
    for root in roots:
        if f.is_relative_to(root):
            return PurePosixPath(f.relative_to(root).as_posix())
    return PurePosixPath(*PurePosixPath(f.as_posix()).parts[-5:])


def _sidecar_row(f: Path, nearest_first: list[Path], sidecars: dict[Path, dict[str, dict]], by_name: bool = True
                 ) -> tuple[Path, str] | None:
    """(sidecar, key) of the nearest sidecar's row for `f`: keyed by its path below the sidecar's folder, or by
    its name or stem when it is beside the sidecar or no other file has its name (`story.txt` is not every
    folder's story). `nearest_first`: the sidecars, deepest folder first."""
    for sidecar in nearest_first:
        try:
            rel = f.relative_to(sidecar.parent).as_posix()
        except ValueError:
            continue
        rows = sidecars[sidecar]
        keys = (rel, PurePosixPath(rel).with_suffix("").as_posix())
        if by_name or f.parent == sidecar.parent:
            keys += (f.name, f.stem)
        for key in keys:
            if key in rows:
                return sidecar, key
    return None


def is_sidecar(name: str) -> bool:
    return name.lower() in SIDECAR_NAMES

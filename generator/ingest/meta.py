"""Metadata values from any reader, normalised the same way."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from urllib.parse import urlsplit

from dateutil import parser as dateparser

_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d\d)(?![\d.])(?=\s*(?:[ap]\.?m\b|GMT|BST|UTC|CET|E[SD]?T|P[SD]T)"
                          r"|\s*$)", re.I)
"""The British "21.45 GMT", which dateutil does not read as a time."""


_ZONES = {name: int(hours * 3600) for name, hours in {
    "GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AEST": 10, "AEDT": 11, "JST": 9}.items()}
"""Zone names as feeds and pages write them (RFC 822 allows EST ... PDT); IST is India's, as Indian outlets
write it. dateutil knows none of them but UTC."""


def clean_date(value, dayfirst: bool = False) -> str | None:
    """ISO 8601 (date, or date and time when given) from a string, number or datetime; None when unreadable
    or when it names no day of a year ("Tuesday", "March 2019"). Numbers: eight digits are YYYYMMDD, five a
    spreadsheet's day count, ten Unix seconds, thirteen milliseconds. `dayfirst`: 04/03/2019 is 4 March (see
    `day_first`), else 3 April; dotted dates (05.03.2019) always put the day first."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\s*(?:\d{5}|\d{9,13})\s*", value):
        value = int(value)  # eight digits stay text: dateutil reads YYYYMMDD
    if isinstance(value, (int, float)):
        try:
            return _number_date(value)
        except (OverflowError, ValueError, OSError):  # a 400-digit number, NaN: no date
            return None
    s = str(value).strip()
    if not s or len(s) > 80:
        return None
    s = _DOTTED_TIME.sub(r"\1:\2", s)
    numeric = _NUMERIC_DATE.match(s)
    first = bool(numeric) and (dayfirst or numeric[0].count(".") == 2)  # never for 2019-03-09
    try:  # parsed against two different defaults: what changes with them was not in the text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name: the time stays without a zone
            one = dateparser.parse(s, default=dt.datetime(1900, 1, 1, 0, 0, 0), dayfirst=first, tzinfos=_ZONES)
            two = dateparser.parse(s, default=dt.datetime(1904, 2, 3, 1, 1, 1), dayfirst=first, tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None
    if (one.year, one.month, one.day) != (two.year, two.month, two.day) or not 1800 <= one.year <= 2200:
        return None
    if (one.hour, one.minute) != (two.hour, two.minute):
        return one.date().isoformat()
    return one.isoformat()


def _number_date(value: float) -> str | None:
    if float(value).is_integer() and 18000101 <= value <= 22001231:
        try:
            return dt.date(int(value) // 10000, int(value) // 100 % 100, int(value) % 100).isoformat()
        except ValueError:
            return None
    if 1e4 <= value < 1e5:  # a spreadsheet's serial day (1 is 1 January 1900; Excel counts 1900 as a leap year)
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(value))).isoformat()
    if 1e11 <= value < 4e13:
        value /= 1000  # milliseconds, as JavaScript and pandas write them
    if 1e8 <= value < 4e10:
        return dt.datetime.fromtimestamp(value, dt.UTC).isoformat()
    return None


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d\d)\b")


def day_first(values) -> bool:
    """Whether the numeric dates of one file (a sidecar's column) put the day first: some date there has a
    first number over 12 (13/03/2019) and none a second one over 12 (03/13/2019). A file keeps one order, so
    its 04/03/2019 is then 4 March, as in Britain and most of the world."""
    firsts = seconds = False
    for v in values:
        if isinstance(v, str) and (m := _NUMERIC_DATE.match(v)):
            firsts |= int(m[1]) > 12
            seconds |= int(m[2]) > 12
    return firsts and not seconds


URL_MAX = 2000
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""Spaces, control, invisible and direction characters: never in a real link, often in a disguised one."""
_UNSAFE_IN_URL = re.compile(r'[<>"`{}|\\^\']')
"""Not allowed in a URL (RFC 3986) yet often accepted: percent-encoded, as browsers do, so a URL pasted into
HTML or Markdown by another tool cannot close its attribute or tag."""


def clean_url(value) -> tuple[str | None, str | None]:
    """(the URL, None) for an absolute http(s) URL, else (None, why it was dropped). Records hand the URL on
    (JSON Lines, downloads, other tools), so `javascript:`, `data:`, relative or malformed ones never enter."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, "the article's URL was dropped: it is not text"
    url = value.strip()
    if len(url) > URL_MAX:
        return None, f"the article's URL was dropped: longer than {URL_MAX} characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  raises ValueError for a malformed port
    except ValueError:
        return None, "the article's URL was dropped: malformed"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        kind = f"a {scheme[:20]}: link" if scheme else "not an absolute link"
        return None, f"the article's URL was dropped: only http and https are kept ({kind})"
    if _NOT_IN_URL.search(url):
        return None, "the article's URL was dropped: it contains spaces or control characters"
    if not parts.hostname:
        return None, "the article's URL was dropped: it names no host"
    return _UNSAFE_IN_URL.sub(lambda m: f"%{ord(m[0]):02X}", url), None


def split_authors(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        items = []
        for v in value:
            if isinstance(v, dict):
                v = v.get("name") or ""
            items.extend(split_authors(v))
        return items
    parts = re.split(r"\s*(?:;|\band\b|&|\|)\s*|,\s*(?=[A-Z])", str(value))
    out = []
    for p in parts:
        p = re.sub(r"^\s*(?:by)\s+", "", p.strip(), flags=re.I).strip()
        if p and len(p) <= 80 and p not in out:
            out.append(p)
    return out


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+(?:19|20)\d\d"
         r"|(?:19|20)\d\d-[01]\d-[0-3]\d")
_DATELINE = re.compile(
    r"^\s*(?P<lead>(?i:(?:First\s+)?Published|(?:Last\s+)?(?:Updated|modified)|Posted|Dated?)(?:\s+on)?\s*:?\s*"
    r"|By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[|,—–-]\s*"  # By Jane Doe | 3 March 2019
    r"|[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?(?:\s*\([^)]{1,30}\))?\s*[,—–-]\s*)?"  # LONDON, / PARIS (AP) -
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    rf"(?P<date>{_DATE})\b"
    r"(?=\s*(?:$|[—–|:(•/-]|,?\s+\d{1,2}[:.]\d\d|\s+(?:at|by)\b))")
_PROSE = re.compile(r"\b(?!(?:am|pm|at|by|updated|GMT|BST|UTC)\b)[a-z]{3,}\b")


def date_from_text(paragraphs: list[str]) -> str | None:
    """The date of a dateline at the very start of the text ("LONDON, March 3, 2019 —", "Published
    3 March 2019", a line that is only a date or a date and time). A date anywhere else in the body is what
    the article is about, not when it was written, so it never dates the article."""
    for para in paragraphs[:2]:
        m = _DATELINE.match(para[:300])
        after = para[m.end():m.end() + 60].lstrip() if m else ""
        if m and not m.group("lead") and after[:1] in "-—–" and _PROSE.search(after):
            continue  # "26 December 2004 - a date nobody here will forget": a sentence about that day
        if m:
            found = clean_date(re.sub(r"(?<=\d)(?:st|nd|rd|th)", "", m.group("date")))
            if found:
                return found[:10]
    return None

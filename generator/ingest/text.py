"""Plain-text articles in the seed format.

    Title line
    <blank>
    Short standfirst paragraph.
    <blank>
    Body paragraphs, related-link lines ("READ MORE: ..."), ...
    Source: Outlet name
"""

from __future__ import annotations

import re
import unicodedata

from generator.ingest.meta import clean_date, date_from_text
from generator.records import Article

_SOURCE = re.compile(r"^\s*(?:Source|Sources|Via)\s*:\s*(?P<source>.{2,200})$", re.I)
_BOILER_PREFIX = re.compile(
    r"^\s*(?:READ MORE|READ ALSO|SEE ALSO|ADVERTISEMENT|Advertisement|Read more|Read also|See also|Also read"
    r"|Sign up|Subscribe (?:now|today|here|to)|Follow (?:us|him|her|them)|Click here|Read the (?:rest|full)"
    r"|Continue reading|Share this|Share on)\b|^\s*(?:Getty Images|Reuters photo)\s*$"
    r"|^\s*(?i:more|related(?: stories| articles| coverage)?|watch|listen|recommended|subscribe|editor['’]?s? note"
    r"|correction|clarification|photo|image|picture|caption|video)\s*(?::|\||\s[–—-]|[–—])",
)
"""Lines a reader skips: related links, credits, labels. A label word needs its mark ("Video: ...",
"EDITOR'S NOTE — ...") or the line is prose ("Video footage has emerged ...", "MORE THAN 100 FIREFIGHTERS ...",
"Correction officers said ...", "Video-sharing app TikTok ..."). "UPDATE: Police say she has been found" is
news, and stays."""
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*$|[\"”]\s*$")
_ALLCAPS_HEADER = re.compile(r"^[A-Z][A-Z .&'’-]{1,30}[.:]?$")

_SECTION = re.compile(r"^\W*(?P<name>letters?(?: to the editor)?|your letters|editorial|opinion|op-?ed"
                      r"|guest essay|column|viewpoint|our view|analysis|obituary|review|interview|feature)\W*$", re.I)
"""A section label on its own line above the text ("Letters", "Editorial"): the page's section, kept as a tag.
Not "Comment", which is as often the label of a comments button in copied text."""

STANDFIRST_MAX = 320
TITLE_MAX = 300


def parse(text: str, path: str) -> Article:
    """Split seed-format text into title, standfirst, body and boilerplate."""
    blocks = _blocks(text)
    if not blocks:
        raise ValueError("no text")
    first = blocks.pop(0)
    title = first[0]
    if len(title) > TITLE_MAX:
        # no title line: the text starts with prose; the first sentence (cut) stands in for a title
        blocks.insert(0, first)
        first = [re.split(r"(?<=[.!?])\s", title, maxsplit=1)[0][:TITLE_MAX].rstrip() + "…"]
        title = first[0]
    boilerplate: list[str] = []
    source = ""
    # a trailing "Source: ..." line names the outlet; "Source: NATO." under a chart credits its data
    url = date_line = None
    while blocks and (m := _SOURCE.match(blocks[-1][-1])):
        named = m.group("source").strip()
        if re.match(r"https?://\S+$", named):
            url = url or named  # "Source: https://...": where the text came from, not an outlet's name
        elif not named.endswith("."):
            # "Source: BBC News, 5 March 2019": the outlet, and the date that follows it
            head, _, tail = named.rpartition(",")
            if head and (when := clean_date(tail)):
                named, date_line = head.strip(), when
            source = named
        boilerplate.append(blocks[-1].pop())
        if not blocks[-1]:
            blocks.pop()
    # a line that is only a dateline, under the title or at the top of the body, dates the article
    date = None
    for lines in (first, *blocks[:1]):
        for line in list(lines[1:] if lines is first else lines[:1]):
            if len(line) <= 80 and not date and (date := date_from_text([line])):
                lines.remove(line)
                boilerplate.append(line)
    date_from = "dateline" if date else None
    if not date and date_line:
        date = date_line  # the file's own metadata, as a front matter date is
    blocks = [b for b in blocks if b]
    paragraphs = [p for block in blocks for p in block]
    standfirst = " ".join(first[1:])
    body: list[str] = []
    tags: list[str] = []
    for i, para in enumerate(paragraphs):
        if is_boilerplate(para):
            boilerplate.append(para)
            if not body and (m := _SECTION.match(para)):
                tags.append(m.group("name").capitalize())
            # an "ABSTRACT." header: the next paragraph is the standfirst
            if para.strip(" .:").upper() == "ABSTRACT" and not standfirst and i + 1 < len(paragraphs):
                standfirst = paragraphs[i + 1]
            continue
        if para == standfirst:
            continue
        body.append(para)
    if not standfirst and len(body) >= 3 and _is_standfirst(body[0]):
        standfirst = body.pop(0)
    return Article(path=path, title=title, paragraphs=body, standfirst=standfirst, source=source,
                   boilerplate=boilerplate, date=date, date_from=date_from, tags=tags, url=url)


def is_boilerplate(line: str) -> bool:
    """Related links, credits and section markers: lines a reader skips."""
    s = line.strip()
    if _BOILER_PREFIX.match(s):
        return True
    if _ALLCAPS_HEADER.match(s) and len(s.split()) <= 4:
        return True  # "ABSTRACT.", "FULL TEXT."
    words = s.split()
    # a short headline-like line between paragraphs: no sentence punctuation at its end (an emoji or a
    # symbol after the full stop does not count)
    bare = s.rstrip("".join(c for c in s[-8:] if unicodedata.category(c) in ("So", "Sk", "Mn", "Cf")) + " ")
    return len(words) <= 14 and not _SENTENCE_END.search(bare) and not bare.endswith(",")


def _is_standfirst(para: str) -> bool:
    return len(para) <= STANDFIRST_MAX and "“" not in para and '"' not in para and para[-1:] in ".!?"


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks; inside a block, hard-wrapped lines are joined, other lines kept apart."""
    out: list[list[str]] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in raw.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        if len(lines) > 2 and all(45 <= len(ln) <= 100 for ln in lines[:-1]):
            lines = [" ".join(lines)]  # wrapped prose
        out.append(lines)
    return out

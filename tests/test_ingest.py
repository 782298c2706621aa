"""Reading files: the seed format, encodings, and bad input that must fail with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import IngestError, read_path, sniff
from generator.ingest.decode import DecodeError, decode
from generator.ingest.text import is_boilerplate, parse
from tests.conftest import SEED


def test_seed_format_title_standfirst_source_and_boilerplate():
    article = parse(SEED.read_text(encoding="utf-8"), str(SEED))
    assert article.title == "Trump administration hosts first anti-ISIL meeting"
    assert article.standfirst == "US hosts meeting of 68 countries working to defeat ISIL in Iraq and Syria."
    assert article.source == "Al Jazeera, News Agencies"
    body = "\n".join(article.paragraphs)
    assert "READ MORE" not in body
    assert "Trump and Abadi discuss how to" not in body  # a related-link headline between paragraphs
    assert "Source:" not in body
    assert article.paragraphs[0].startswith("Foreign ministers from 68 countries")
    assert len(article.boilerplate) == 4


@pytest.mark.parametrize("line, expected", [
    ("READ MORE: Iran and ISIL ‘top priority’ for Iraq-US relations", True),
    ("Ministers pledge new aid for flood-hit towns", True),
    ("Related: How the vote was won", True),
    ("The minister said the talks would resume on Friday.", False),
    ("Caddell continued:", False),
    ("“We will not back down,” she said.", False),
])
def test_boilerplate_lines(line, expected):
    assert is_boilerplate(line) is expected


def test_latin1_text_is_decoded_right():
    text = "Café owners in Zürich said the naïve plan would fail.\n\nThe mayor disagreed."
    assert decode(text.encode("latin-1")).startswith("Café owners in Zürich")


def test_bom_crlf_and_control_characters_are_cleaned():
    raw = "\ufeffTitle\r\n\r\nFirst\x00 para\x07graph.\r\n".encode()
    assert decode(raw) == "Title\n\nFirst paragraph.\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (bytes(range(256)) * 40, "binary"),
])
def test_unusable_bytes_give_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path):
    page = tmp_path / "saved.txt"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Flood barriers hold in river town</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        "<article><h1>Flood barriers hold in river town</h1>"
        "<p>Flood barriers along the River Severn held overnight, the Environment Agency said on Tuesday, "
        "sparing hundreds of homes in Shrewsbury from the worst of the water.</p>"
        "<p>Residents had been told to prepare for evacuation as levels rose through the weekend, and "
        "volunteers filled sandbags at the town hall until late on Monday night.</p>"
        "<p>“We have never seen the river this high,” said Mary Collins, who has run a shop by the "
        "bridge for thirty years.</p></article><footer>Cookie settings</footer></body></html>",
        encoding="utf-8")
    assert sniff(page.read_text(), ".txt") == "html"
    (article,) = list(read_path(page))
    assert not isinstance(article, IngestError)
    assert "Flood barriers along the River Severn held overnight" in " ".join(article.paragraphs)
    assert "Cookie settings" not in " ".join(article.paragraphs)


def test_title_without_body_is_an_error(tmp_path: Path):
    f = tmp_path / "only-title.txt"
    f.write_text("Just a headline here\n", encoding="utf-8")
    (err,) = list(read_path(f))
    assert isinstance(err, IngestError)
    assert str(f) in str(err) and "no body" in str(err)


def test_markdown_with_broken_front_matter_is_an_error(tmp_path: Path):
    f = tmp_path / "broken.md"
    f.write_text("---\ntitle: [unclosed\ndate: 2020-01-01\n---\n\nBody text of the note.\n", encoding="utf-8")
    (err,) = list(read_path(f))
    assert isinstance(err, IngestError) and "front matter" in str(err)


def test_mojibake_is_repaired_and_sound_text_left_alone():
    # UTF-8 read as cp1252 once ("FranÃ§ois") and twice, decomposed, as a CMS stored it
    once = "President François Hollande".encode().decode("cp1252")
    twice = "President FranA\u0303\u0083A\u0302\u00a7ois Hollande"
    for broken in (once, twice):
        assert decode(broken.encode("utf-8")) == "President François Hollande"
    sound = "“Café,” she said — it’s naïve to think ‘so’ &amp; ﬁne."
    assert decode(sound.encode("utf-8")) == sound

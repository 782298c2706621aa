"""Generate in bounded memory: the texts wait on disk, pages are written as they are made, and a generate
with nothing new keeps the pages it made last time. Checked on the real seed article and the real model."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys

from generator import aggregate, site
from generator.render import downloads as dl
from generator.render.pages import render_pages, render_site
from generator.texts import Texts
from tests.browser import DATED_ARTICLE
from tests.conftest import make_project


def test_texts_come_back_as_they_were_put():
    with Texts() as texts:
        texts.put("a", ["Première ligne « citée ».", "Second \ud800 paragraph, a lone surrogate kept."])
        texts.put("b", [])
        texts.put("c", ["x" * 100_000])
        assert texts.get("a") == ["Première ligne « citée ».", "Second \ud800 paragraph, a lone surrogate kept."]
        assert texts.get("b") == [] and texts.get("unknown") == []
        assert texts.get("c") == ["x" * 100_000]
        assert texts.get("a")[0].startswith("Première")  # read again, in any order


def test_pages_from_texts_on_disk_are_the_pages_from_whole_records(seed_record):
    """The article page, the story grouping and the records download read the text back by id: the site is the
    same, file for file, as from records that hold their text."""
    other = dataclasses.replace(seed_record, id="copy-of-the-seed", path="copy.txt",  # the download's key, as text:
                                title='A copy of the seed, "paragraphs": []', paragraphs=list(seed_record.paragraphs))
    whole = render_site(aggregate.build([seed_record, other]))
    with Texts() as texts:
        slim = []
        for r in (seed_record, other):
            texts.put(r.id, r.paragraphs)
            slim.append(dataclasses.replace(r, paragraphs=[]))
        index = aggregate.build(slim, texts=texts)
        assert index.paragraphs(slim[0]) == seed_record.paragraphs
        streamed = dict(render_pages(index))
        joined = {k: v if isinstance(v, str) else "".join(v) for k, v in streamed.items()}
    assert joined == whole
    assert any(not isinstance(v, str) for v in streamed.values())  # the big downloads come in chunks
    lines = whole[f"{dl.DIR}/records.jsonl"].splitlines()
    assert [json.loads(x)["paragraphs"] for x in lines] == [seed_record.paragraphs] * 2
    page = whole[f"articles/{seed_record.id}.md"]
    assert seed_record.paragraphs[-1].split()[0] in page  # the full text is on the article's page


def test_tables_written_in_chunks_read_as_one_table():
    rows = [{"id": i, "text": f"=cmd {i}" if i % 7 == 0 else f"quote “{i}”, with a comma"} for i in range(2_345)]
    text = "".join(dl.csv_chunks(iter(rows), ("id", "text"), size=100))
    assert text.startswith(dl.BOM) and text == dl.to_csv(rows, ("id", "text"))
    read = list(csv.DictReader(io.StringIO(text.removeprefix(dl.BOM))))
    assert len(read) == 2_345 and read[7]["text"] == "'=cmd 7" and read[8]["text"] == "quote “8”, with a comma"
    assert json.loads("".join(dl.json_chunks(iter(rows), size=100))) == rows
    assert "".join(dl.json_chunks(iter(rows), size=100)) == dl.to_json(rows)
    assert "".join(dl.json_chunks(iter([]))) == dl.to_json([]) == "[]\n"


def _pages_set(docs):
    return os.readlink(docs / site.CURRENT)


def test_generate_with_nothing_new_keeps_the_pages(tmp_path, nlp, caplog):
    project = make_project(tmp_path / "p")
    seeds, docs, cache = project / "seeds", project / "docs", tmp_path / "cache"
    assert site.generate(seeds, docs, jobs=1, cache=cache) == (1, 0)
    first = _pages_set(docs)
    page = next((docs / "articles").glob("trump*.md"))
    made = page.stat().st_mtime_ns
    (docs / first / "articles" / ".leftover-check").write_text("")  # would be gone if the set were rewritten
    (docs / ".summary-site-pages-0123456789ab").mkdir()  # what a killed run left: removed all the same
    with caplog.at_level("INFO", logger="summary-site"):
        assert site.generate(seeds, docs, jobs=1, cache=cache) == (1, 0)
    assert "nothing changed" in caplog.text
    assert _pages_set(docs) == first and page.stat().st_mtime_ns == made
    assert (docs / first / "articles" / ".leftover-check").exists()
    assert not (docs / ".summary-site-pages-0123456789ab").exists()
    # a new article, or another option, makes new pages
    (seeds / "dated.md").write_text(DATED_ARTICLE, encoding="utf-8")
    assert site.generate(seeds, docs, jobs=1, cache=cache) == (2, 0)
    second = _pages_set(docs)
    assert second != first and len(list((docs / "articles").glob("*.md"))) == 3
    assert site.generate(seeds, docs, jobs=1, cache=cache, min_articles=5) == (2, 0)
    assert _pages_set(docs) != second
    # and a home page deleted by hand is made again
    (docs / "index.md").unlink()
    assert site.generate(seeds, docs, jobs=1, cache=cache, min_articles=5) == (2, 0)
    assert (docs / "index.md").exists()


def test_build_generates_in_a_child_and_reports_as_before(tmp_path):
    """From the command line, `build` generates in a forked child (its memory goes back before MkDocs runs):
    the bad file is still named once, the report and the exit status come back, and the site is built."""
    project = make_project(tmp_path / "p", {"empty.txt": "", "dated.md": DATED_ARTICLE})
    cmd = [sys.executable, "-m", "generator", "build", "-j", "1", "--no-cache", "--seeds", "seeds", "--docs", "docs",
           "-f", "mkdocs.yml", "--site-dir", "site"]
    done = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("empty.txt") == 1 and "Traceback" not in done.stderr
    assert "2 articles built, 1 input failed" in done.stderr
    assert "built 2 articles into" in done.stdout
    assert len(list((project / "site" / "articles").glob("*/index.html"))) == 2


def test_two_writers_make_the_pages_one_makes(tmp_path):
    """With `--jobs 2`, generate writes the article and story pages from a second process while it writes the
    rest: the pages are the same, file for file, as with one."""
    copy = DATED_ARTICLE.replace("title: Ministers meet", "title: Iraqi ministers meet").replace(
        "source: Example Wire", "source: Other Wire")
    trees = []
    for jobs in ("1", "2"):
        project = make_project(tmp_path / f"j{jobs}", {"dated.md": DATED_ARTICLE, "copy.md": copy})
        done = subprocess.run([sys.executable, "-m", "generator", "generate", "-j", jobs, "--no-cache", "--seeds",
                               "seeds", "--docs", "docs"], cwd=project, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        docs = project / "docs"
        store = docs / os.readlink(docs / site.CURRENT)
        trees.append((store.name, {str(p.relative_to(store)): p.read_bytes() for p in store.rglob("*") if p.is_file()}))
    assert trees[0][0] == trees[1][0]  # the same digest names the same set of pages
    assert trees[0][1] == trees[1][1]
    assert any(k.startswith("stories/") and k != "stories/index.md" for k in trees[1][1])  # a story was grouped


def test_pages_written_apart_are_the_same_pages_fork_or_no_fork(tmp_path, monkeypatch):
    """The second writer's pages count in the set's name like any other; a refused path in them is refused
    (its error comes back from the child); and with no fork at all this process writes them."""
    import pytest

    pages = [("articles/a.md", "A « é »"), ("actors/b.md", "B")]
    apart = [("articles/c.md", "C"), ("stories/d.md", ["D", " in chunks"])]
    site.write_generated(tmp_path / "one", pages + apart)
    site.write_generated(tmp_path / "two", iter(pages), apart=iter(apart))
    with pytest.raises(site.SiteError, match="refusing to write outside"):
        site.write_generated(tmp_path / "bad", iter(pages), apart=iter([("../escape.md", "X")]))
    assert not (tmp_path / "escape.md").exists()

    def no_fork():
        raise OSError("Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", no_fork)
    site.write_generated(tmp_path / "three", iter(pages), apart=iter(apart))
    names = {os.readlink(tmp_path / d / site.CURRENT) for d in ("one", "two", "three")}
    assert len(names) == 1
    for d in ("two", "three"):
        assert (tmp_path / d / "stories" / "d.md").read_text(encoding="utf-8") == "D in chunks"
        assert (tmp_path / d / "articles" / "a.md").read_text(encoding="utf-8") == "A « é »"

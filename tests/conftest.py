"""Shared fixtures: the real spaCy model (loaded once), the seed article, a built seed site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ad427217d98ddc4.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp import load

    return load()


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """Analyse an article given as title + paragraphs (the real pipeline, no cache)."""
    from generator.analyse import analyse, text_of
    from generator.records import Article

    def run(*paragraphs: str, title: str = "Test article", standfirst: str = ""):
        article = Article(path="test.txt", title=title, paragraphs=list(paragraphs), standfirst=standfirst)
        return analyse(article, nlp(text_of(article)[0]))

    return run


@pytest.fixture(scope="session")
def seed_record(nlp):
    from generator import pipeline

    (record,) = list(pipeline.run([SEED], jobs=1, cache_dir=None))
    return record


def make_project(tmp: Path, articles: dict[str, bytes | str] | None = None, seed: bool = True,
                 min_articles: int = 1) -> Path:
    """A throwaway project: mkdocs.yml, the hand-written docs pages, and a seeds folder. `min_articles` 1: most
    tests build a few articles and look at their actors' own pages; tests of the threshold pass 2 (the default
    of mkdocs.yml)."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      min_articles: 2\n" in config
    (tmp / "mkdocs.yml").write_text(config.replace("      min_articles: 2\n", f"      min_articles: {min_articles}\n"),
                                    encoding="utf-8")
    (tmp / "docs").mkdir(exist_ok=True)
    for page in ("index.md", "about.md"):
        shutil.copy(ROOT / "docs" / page, tmp / "docs" / page)
    if (ROOT / "docs" / "assets").is_dir() and not (tmp / "docs" / "assets").exists():
        shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets")
    seeds = tmp / "seeds"
    seeds.mkdir(exist_ok=True)
    if seed:
        shutil.copy(SEED, seeds / SEED.name)
    for name, content in (articles or {}).items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory, nlp):
    """The seed article built into a site with the real CLI code path (generate + mkdocs build)."""
    from generator.cli import main

    project = make_project(tmp_path_factory.mktemp("seedsite"))
    code = main(["build", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                 "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")])
    assert code == 0
    return project

"""The built site: pages, links, search index, escaping, and nothing a user had is lost."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import make_project


def _build(project: Path, *extra: str) -> int:
    return main(["build", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                 "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"), *extra])


def test_seed_site_has_article_actor_place_pages(seed_site):
    site = seed_site / "site"
    articles = [p for p in (site / "articles").iterdir() if p.is_dir()]
    assert len(articles) == 1
    html = (articles[0] / "index.html").read_text(encoding="utf-8")
    assert "Trump administration hosts first anti-ISIL meeting" in html
    assert (site / "actors" / "eric-pahon" / "index.html").exists()
    assert (site / "places" / "raqqa" / "index.html").exists()
    # linked both ways: article -> actor, actor -> article
    assert "../../actors/eric-pahon/" in html
    actor = (site / "actors" / "eric-pahon" / "index.html").read_text(encoding="utf-8")
    assert f"../../articles/{articles[0].name}/" in actor
    assert "This is a significant strategic target" in actor


def test_raw_html_blocks_are_put_back_with_page_urls(seed_site):
    """Tables, lists and quotes are raw HTML set aside from Markdown: every one comes back, its .md links
    turned into page URLs, and no marker or placeholder is left."""
    site = seed_site / "site"
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*\.md[#"]', text), page
        assert "summary-site:block" not in text and "summary-site:html" not in text, page
    article = next((site / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    actors = article[article.index('id="actors"'):article.index('id="places"')]
    assert re.search(r'<td><a href="\.\./\.\./actors/eric-pahon/">Eric Pahon</a></td><td>Person</td>'
                     r'<td>Pentagon spokesman</td>', actors)
    assert re.search(r'<a href="#p\d+">¶ \d+</a>', article)  # quote -> paragraph of the full text
    assert re.search(r'<p id="p1">', article)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="articles/trump-administration[^"]*/">Trump administration', home)


def test_raw_html_links_follow_use_directory_urls(tmp_path):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    assert _build(project) == 0
    article = next((project / "site" / "articles").glob("trump*.html")).read_text(encoding="utf-8")
    assert 'href="../actors/eric-pahon.html"' in article


def test_broken_link_in_a_raw_block_fails_the_strict_build(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "docs" / "about.md").write_text(
        "# About\n\n<!-- summary-site:html -->\n<p><a href=\"missing.md\">gone</a></p>\n"
        "<!-- /summary-site:html -->\n", encoding="utf-8")
    assert _build(project) == 2


def test_search_index_is_built_at_every_size(seed_site):
    """One search (Pagefind) at every size: the content it indexes is marked, furniture and tables are not."""
    site = seed_site / "site"
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "search" / "search_index.json").exists()
    actor = (site / "actors" / "eric-pahon" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in actor and "Pahon" in actor
    article = next((site / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r"<table data-pagefind-ignore>\s*<thead><tr><th>Actor</th>", article)
    for index in ("articles", "actors", "places", "quotes", "tags"):
        assert "data-pagefind-body" not in (site / index / "index.html").read_text(encoding="utf-8"), index


def test_home_lists_latest_articles_and_keeps_hand_written_intro(seed_site):
    home = (seed_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Latest articles" in home and "Trump administration hosts first anti-ISIL meeting" in home
    assert (seed_site / "docs" / "about.md").read_text() == (Path(__file__).parent.parent / "docs/about.md").read_text()


def test_navigation_does_not_list_articles(seed_site):
    home = (seed_site / "site" / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', home)
    assert not any("articles/trump" in href for href in nav)


HOSTILE = """Hostile <script>alert('x')</script> headline {{ config }}

A standfirst with <img src=x onerror="alert(1)"> inside it.

Body with a [link](javascript:alert(1)) and <a href="javascript:alert(2)">click</a> and {{ 7*7 }} {% raw %}.

--8<-- "/etc/passwd"

{: onclick="alert(3)" } <iframe src="https://evil.example"></iframe> said Mallory Evil, a spokesman.

!!! danger "injected"
    admonition from the article

“<b>Bold</b> claims <svg onload=alert(4)>,” said Mallory Evil.
"""


def test_hostile_article_renders_as_text(tmp_path):
    project = make_project(tmp_path / "p", {"hostile.txt": HOSTILE})
    assert _build(project) == 0
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert not re.search(r"<(img|iframe|svg|b)\b[^>]*(onerror|onload|src=\"https://evil)", text), page
        assert 'href="javascript:' not in text.lower(), page
        assert "root:x:" not in text
        assert "onclick=\"alert(3)\"" not in text
        assert 'class="admonition danger"' not in text
    article = next((project / "site" / "articles").glob("hostile*/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in article  # shown, not run
    shown = html.unescape(article)
    assert "{{ 7*7 }}" in shown and "{{ config }}" in shown  # template syntax stays text
    assert '--8<-- "/etc/passwd"' in shown


def test_failed_build_keeps_previous_site(tmp_path):
    project = make_project(tmp_path / "p")
    assert _build(project) == 0
    before = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    # break the build: a hand-written page with a broken link fails --strict
    (project / "docs" / "about.md").write_text("# About\n\n[broken](missing-page.md)\n")
    assert _build(project) == 2
    after = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    assert before == after


def test_generate_is_deterministic_and_leaves_hand_written_pages(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "docs" / "notes.md").write_text("my own notes\n")
    args = ["generate", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs")]

    def snapshot():
        return {str(p.relative_to(project / "docs")): p.read_bytes()
                for p in sorted((project / "docs").rglob("*")) if p.is_file()}

    assert main(args) == 0
    first = snapshot()
    assert main(args) == 0
    assert snapshot() == first
    assert first["notes.md"] == b"my own notes\n"


def test_foreign_folder_in_docs_is_never_replaced(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "docs" / "articles").mkdir()
    (project / "docs" / "articles" / "mine.md").write_text("hand written\n")
    code = main(["generate", "-q", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs")])
    assert code == 2
    assert (project / "docs" / "articles" / "mine.md").read_text() == "hand written\n"


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(300), "PNG"),
    ("title only.txt", b"A headline and nothing else\n", "no body"),
])
def test_bad_file_is_named_and_the_rest_builds(tmp_path, capsys, name, content, reason):
    project = make_project(tmp_path / "p", {name: content})
    assert _build(project) == 1
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and name in lines[0] and reason in lines[0]
    assert "Traceback" not in err
    assert any((project / "site" / "articles").glob("trump-administration*/index.html"))

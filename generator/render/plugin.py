"""MkDocs plugin `summary-site`: the Home page's "Latest articles", the feed and share cards, and the search.

Every page's head gets the Atom feed's autodiscovery link and OpenGraph/Twitter card tags (from the page's
title and description); after the build the feed is written to site/feed.xml from the generator's
docs/.summary-site/feed.json and the pages' URLs under `site_url` (the build report says when `site_url`
is still the local default, on the `summary-site` logger, so `--strict` does not fail on it).

docs/index.md stays the user's own page; where it holds the marker `<!-- summary-site:latest -->`
the list goes there, otherwise it is appended.

The site's own script and style (`assets/summary-site.js`, `.css`, listed in mkdocs.yml) draw the maps;
a project whose docs folder lacks them still builds, without maps and without requests for missing files.

Search (plugin options `search` and `search_threshold`, environment variable `SUMMARY_SITE_SEARCH`):

- `builtin`: Material's own search, unchanged. Its lunr index (about 5 KB per article) is downloaded whole
  and built in the browser before the first result, which grows with the archive.
- `chunked`: Pagefind. Material's search plugin is switched off (no `search/search_index.json`); after the
  build, `pagefind` indexes the article, actor, place and hand-written pages into `site/pagefind/`, a bundle
  of small chunks of which a query fetches only the few it needs; `assets/summary-site-search.js` puts a
  Material-style search box with facets (actor, place, source, year) in the header. The bundle is found
  relative to the script, so it works under any sub-path, with `mkdocs serve` (every rebuild re-indexes)
  and from any static file server.
- `auto` (default): `chunked` from `search_threshold` articles on (default 0: always, when pagefind is
  installed), else `builtin`.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import time
from html import escape, unescape
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.aggregate import MIN_ARTICLES
from generator.render import RAW_END, RAW_START, sitemap
from generator.render.feed import FEED_FILE, LOCAL_URLS, FeedItem, atom, share_meta
from generator.stories import StoryOptions

MARKER = "<!-- summary-site:latest -->"
FRAGMENT = Path(".summary-site") / "latest.md"
FEED_DATA = Path(".summary-site") / "feed.json"
OWN_ASSETS = ("assets/summary-site.js", "assets/summary-site.css", "assets/summary-site-tables.js")
SEARCH_JS = "assets/summary-site-search.js"
SEARCH_CSS = "assets/summary-site-search.css"
SEARCH_ENV = "SUMMARY_SITE_SEARCH"
SEARCH_MODES = ("auto", "builtin", "chunked")
DEFAULT_THRESHOLD = 0
PAGEFIND_DIR = "pagefind"
SHARD_SEARCH_DIR = "pagefind-shards"
SHARD_INFO = Path(".summary-site") / "shard.json"
ELSEWHERE = Path(".summary-site") / "elsewhere.txt"
SHARD_ARTICLES = 2000
SHARDED_META = '<meta name="summary-site-shards" content="pagefind-shards/shards.json">'
NOT_INDEXED = {"articles/index.md", "actors/index.md", "places/index.md", "quotes/index.md", "tags/index.md",
               "stories/index.md"}
"""The long list pages: every article or actor name is on them, so they would match every query."""
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".ss-map")
_ARTICLE_TAG = re.compile(r'<article class="md-content__inner md-typeset"')
# Not indexed, on the generated pages: the breadcrumb, and an actor's or place's "Appears with" (the last
# section: names of other actors would make every co-occurring page match them).
_BREADCRUMB = re.compile(r'<p>(<a href="[^"]*">Home</a> › )')
_APPEARS_WITH = re.compile(r'(<h2 id="appears-with">.*?)(\s*</article>)', re.S)
log = logging.getLogger("mkdocs.plugins.summary-site")
report = logging.getLogger("summary-site")
"""Advice for the build report that must not fail `--strict` (MkDocs counts warnings on its own logger)."""
_RAW = re.compile(re.escape(RAW_START) + r"\n(.*?)\n" + re.escape(RAW_END), re.S)
_PLACEHOLDER = re.compile(r"<!-- summary-site:block (\d+) -->")
_MD_HREF = re.compile(r'href="([^":?#]+\.md)(#[^"]*)?"')


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The generated raw HTML regions (see `generator.render.RAW_START`) out of the Markdown, each replaced by
    a numbered HTML comment that Markdown passes through at no cost."""
    blocks: list[str] = []

    def keep(m: re.Match) -> str:
        blocks.append(m[1])
        return f"<!-- summary-site:block {len(blocks) - 1} -->"

    return _RAW.sub(keep, markdown), blocks


def put_back(html: str, blocks: list[str]) -> str:
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m[1])] if int(m[1]) < len(blocks) else "", html)


def resolve_md_links(content: str, page, files) -> str:
    """`href="../actors/x.md"` in raw HTML blocks -> the page's URL, as MkDocs does for Markdown links (the
    generated pages write their long tables and lists as raw HTML, which MkDocs does not touch). A link to a
    missing page is a warning, so `mkdocs build --strict` fails on it as on a broken Markdown link."""
    base = posixpath.dirname(page.file.src_uri)

    def url(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(base, unescape(m[1])))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning("summary-site: %s links to '%s', which is not a page", page.file.src_uri, m[1])
            return m[0]
        return f'href="{escape(file.url_relative_to(page.file), quote=True)}{m[2] or ""}"'

    return _MD_HREF.sub(url, content)


class SummarySiteConfig(Config):
    search = c.Choice(SEARCH_MODES, default="auto")
    search_threshold = c.Type(int, default=DEFAULT_THRESHOLD)
    filename_pattern = c.Type(str, default="")
    """Read by `summary-site generate` (metadata in file names, see `generator.ingest.hints`), not here."""
    min_articles = c.Type(int, default=MIN_ARTICLES)
    """Read by `summary-site generate`: articles that must name an actor or place before it has its own page."""
    stories_window_days = c.Type(int, default=StoryOptions.window_days)
    """Read by `summary-site generate`: dated articles further apart than this many days are never one story."""
    stories_threshold = c.Type((int, float), default=StoryOptions.threshold)
    """Read by `summary-site generate`: the pair score (0 to 1) from which two articles are one story."""
    stories_duplicate = c.Type((int, float), default=StoryOptions.duplicate)
    """Read by `summary-site generate`: the share of shared word 4-grams that makes two articles copies."""
    shard_articles = c.Type(int, default=SHARD_ARTICLES)
    """Read by `summary-site build`: a site of more articles is built as shards of at most this many
    (`generator.sharded`); 0: never."""


def count_articles(docs: Path) -> int:
    """Generated article pages in docs/articles (the index page not counted)."""
    try:
        with os.scandir(docs / "articles") as it:
            return sum(1 for x in it if x.name.endswith(".md") and x.name != "index.md" and x.is_file())
    except OSError:
        return 0


def pagefind_executable() -> Path | None:
    """The binary shipped by the PyPI package `pagefind[bin]` (or PAGEFIND_BINARY_PATH, or one on PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    try:
        exe = get_executable()
    except (FileNotFoundError, OSError):
        return None
    return exe if exe and exe.is_file() else None


class Elsewhere(File):
    """A file another run of a sharded build makes (`generator.sharded`): links to it resolve and are checked
    as usual, but this run neither renders nor copies it."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass


def elsewhere(paths: list[str], config) -> list[File]:
    site, urls = config["site_dir"], config["use_directory_urls"]
    return [Elsewhere(p, None, site, urls, dest_uri=File(p, None, site, urls).dest_uri) for p in paths]


class SummarySitePlugin(BasePlugin[SummarySiteConfig]):
    chunked = False
    shard: dict | None = None
    """In a run of a sharded build: {"name", "hub", "articles"} (docs/.summary-site/shard.json)."""

    def __init__(self):
        super().__init__()
        self._set_aside: dict[str, list[str]] = {}
        self._files = None
        self._feed: list[dict] | None = None

    @event_priority(50)  # before Material's search plugin reads its own config
    def on_config(self, config):
        docs = Path(config["docs_dir"])
        self.shard = _read_json(docs / SHARD_INFO, dict)
        for key in ("extra_javascript", "extra_css"):
            items = config[key]
            keep = [x for x in items
                    if str(getattr(x, "path", x)) not in OWN_ASSETS or (docs / str(getattr(x, "path", x))).is_file()]
            if len(keep) != len(items):
                log.debug("summary-site: %s has no assets/summary-site.*; the site is built without maps", docs)
                items[:] = keep
        self.chunked = self._choose_search(config, docs)
        self._feed = self._read_feed(docs)
        site_url = config.get("site_url") or ""
        if (not site_url or LOCAL_URLS.match(site_url)) and (not self.shard or self.shard.get("hub")):
            report.warning("warning: site_url is %s: the feed and share cards will point there; set SITE_URL "
                           "(or site_url in mkdocs.yml) to the published address", site_url or "not set")
        if self.chunked:
            for plugin in self._material_search(config):
                plugin.config.enabled = False
            config["extra_css"].append(SEARCH_CSS)
            config["extra_javascript"].append(SEARCH_JS)
        return config

    def _choose_search(self, config, docs: Path) -> bool:
        mode = os.environ.get(SEARCH_ENV, "").strip().lower() or self.config.search
        if mode not in SEARCH_MODES:
            raise PluginError(f"summary-site: {SEARCH_ENV}={mode!r}: expected one of {', '.join(SEARCH_MODES)}")
        if mode == "builtin":
            return False
        n = self.shard["articles"] if self.shard else count_articles(docs)
        if mode == "auto" and n < self.config.search_threshold:
            log.debug("summary-site: %d articles (< %d): Material's built-in search", n,
                      self.config.search_threshold)
            return False
        missing = [x for x in (SEARCH_JS, SEARCH_CSS) if not (docs / x).is_file()]
        reason = (f"{docs} has no {', '.join(missing)}" if missing
                  else None if pagefind_executable() else "pagefind is not installed (pip install 'pagefind[bin]')")
        if reason:
            if mode == "chunked":
                raise PluginError(f"summary-site: search 'chunked': {reason}")
            log.info("summary-site: %d articles, but %s: keeping Material's built-in search", n, reason)
            return False
        log.info("summary-site: %d articles: chunked search (Pagefind)%s", n,
                 "" if mode == "chunked" else f", from {self.config.search_threshold} articles on")
        return True

    @staticmethod
    def _material_search(config) -> list:
        return [p for name, p in config["plugins"].items()
                if name in ("search", "material/search") and hasattr(p.config, "enabled")]

    @staticmethod
    def _read_feed(docs: Path) -> list[dict] | None:
        return _read_json(docs / FEED_DATA, list)

    def on_files(self, files, config):
        if self.shard:
            try:
                paths = (Path(config["docs_dir"]) / ELSEWHERE).read_text(encoding="utf-8").splitlines()
            except OSError:
                paths = []
            for file in elsewhere([p for p in paths if p and files.get_file_from_path(p) is None], config):
                files.append(file)
        self._files = files
        return files

    def on_page_markdown(self, markdown: str, page, config, files):
        if page.file.src_uri == "index.md":
            markdown = self._with_latest(markdown, Path(config["docs_dir"]))
        markdown, self._set_aside[page.file.src_uri] = set_aside(markdown)
        return markdown

    @staticmethod
    def _with_latest(markdown: str, docs: Path) -> str:
        fragment = docs / FRAGMENT
        if not fragment.is_file():
            return markdown
        latest = fragment.read_text(encoding="utf-8")
        if MARKER in markdown:
            return markdown.replace(MARKER, latest, 1)
        return markdown.rstrip() + "\n\n" + latest

    def on_page_content(self, html: str, page, config, files):
        html = put_back(html, self._set_aside.pop(page.file.src_uri, []))
        return resolve_md_links(html, page, files)

    def on_post_page(self, output: str, page, config):
        """The feed link and share cards in the head; with the chunked search, mark the content Pagefind
        indexes (not the header, navigation, footer)."""
        output = output.replace("</head>", self._head(page, config) + "\n</head>", 1)
        if not self.chunked or page.file.src_uri in NOT_INDEXED:
            return output
        output = _ARTICLE_TAG.sub(lambda m: m[0] + " data-pagefind-body", output, count=1)
        output = _BREADCRUMB.sub(r"<p data-pagefind-ignore>\1", output, count=1)
        return _APPEARS_WITH.sub(r"<div data-pagefind-ignore>\1</div>\2", output, count=1)

    def _head(self, page, config) -> str:
        meta = page.meta or {}
        title = unescape(str(meta.get("title") or page.title or config["site_name"]))
        description = unescape(str(meta.get("description") or config.get("site_description") or ""))
        is_article = page.file.src_uri.startswith("articles/") and page.file.src_uri != "articles/index.md"
        tags = [share_meta(title=title, description=description, site_name=config["site_name"],
                           url=page.canonical_url, article=is_article)]
        if self.shard:  # the search script then merges the shards' bundles (pagefind-shards/shards.json)
            tags.append(SHARDED_META)
        if self._feed is not None:
            href = get_relative_url(FEED_FILE, page.url)
            tags.insert(0, f'<link rel="alternate" type="application/atom+xml" '
                           f'title="{escape(config["site_name"], quote=True)}: latest articles" href="{escape(href)}">')
        return "\n".join(tags)

    def on_post_build(self, config):
        """The sitemap index, the feed and the search bundle; in a run of a sharded build, the shard's bundle
        only (into pagefind-shards/<name>/), the hub's feed; the merge writes the sitemap index."""
        shard = self.shard
        if not shard:
            sitemap.split(Path(config["site_dir"]), config.get("site_url") or "http://127.0.0.1:8000/")
        if self._feed is not None and (not shard or shard.get("hub")):
            write_feed(Path(config["site_dir"]), self._feed, self._files, config)
        if self.chunked:
            run_pagefind(Path(config["site_dir"]), PAGEFIND_DIR if not shard or shard.get("hub")
                         else f"{SHARD_SEARCH_DIR}/{shard['name']}")


def _read_json(path: Path, kind: type):
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, kind) else None


def write_feed(site_dir: Path, data: list[dict], files, config) -> None:
    """site/feed.xml from the generator's feed data and the pages' URLs (items without a page are left out)."""
    site_url = config.get("site_url") or "http://127.0.0.1:8000/"
    items = []
    for d in data:
        try:
            item = FeedItem(**d)
        except TypeError:
            continue
        file = files.get_file_from_path(f"articles/{item.id}.md") if files is not None else None
        if file is not None:
            items.append((item, site_url.rstrip("/") + "/" + file.url))
    text = atom(items, title=config["site_name"], site_url=site_url,
                feed_url=site_url.rstrip("/") + "/" + FEED_FILE)
    (site_dir / FEED_FILE).write_text(text, encoding="utf-8")


def run_pagefind(site_dir: Path, subdir: str = PAGEFIND_DIR) -> None:
    """Index the built site into site_dir/`subdir` (replaced as a whole)."""
    exe = pagefind_executable()
    if exe is None:
        raise PluginError("summary-site: pagefind is not installed (pip install 'pagefind[bin]')")
    cmd = [str(exe), "--site", str(site_dir), "--output-subdir", subdir, "--silent"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    shutil.rmtree(site_dir / subdir, ignore_errors=True)  # serve rebuilds into the same folder
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PluginError(f"summary-site: pagefind failed to run: {exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise PluginError(f"summary-site: pagefind failed (exit {done.returncode}): {' '.join(detail)}")
    log.info("summary-site: search index built by pagefind in %.1f s", time.perf_counter() - start)

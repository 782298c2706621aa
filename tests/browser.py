"""Helpers for the headless-Chromium tests: a static server on loopback and Debian's chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
"""Debian's chromium (installed by .ci/run); Playwright's own browser download does not work here."""
DATED_ARTICLE = """---
title: Ministers meet in Mosul to plan reconstruction
date: 2017-03-09
source: Example Wire
---

Iraqi ministers met in Mosul on Thursday to plan the rebuilding of the city's bridges and hospitals.

"We will rebuild every bridge in Mosul before the summer," said Adel Karim, a spokesman for the ministry.
"""
"""A dated article with a named speaker, for the timeline and search tests."""

@contextlib.contextmanager
def built_site(folder: Path, articles: dict[str, str]) -> Iterator[str]:
    """Build a test project of `articles` into `folder` and serve its site on loopback (skip without chromium)."""
    from generator.cli import main
    from tests.conftest import make_project

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    project = make_project(folder, articles)
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "-f", str(project / "mkdocs.yml"),
                 "--site-dir", str(project / "site")])
    assert code == 0
    with serve_directory(project / "site") as url:
        yield url


ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextlib.contextmanager
def chromium():
    """A headless Chromium from Playwright, closed afterwards."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def watched_page(browser, color_scheme: str = "light", console_levels: tuple[str, ...] = ("error",)):
    """A fresh page (own storage) that records console messages at `console_levels`, uncaught errors and
    failed requests in `page.errors`, and blocks (and records in `page.outside`) every non-loopback request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    outside: list[str] = []

    def block(route):
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), block)
    pg = context.new_page()
    pg.errors = []
    pg.outside = outside
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type in console_levels else None)
    pg.on("pageerror", lambda exc: pg.errors.append(f"uncaught: {exc}"))
    # a load the browser itself cancels when the page navigates away (the favicon mid-click) is no fault
    pg.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else pg.errors.append(
        f"request failed: {r.url} ({r.failure})"))
    try:
        yield pg
    finally:
        context.close()

"""`summary-site serve` (the real CLI, in a subprocess): serves the home page and an article, stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import make_project

TITLE = "Trump administration hosts first anti-ISIL meeting"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("summary-site")
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


def test_serve_home_and_article_then_stop(tmp_path):
    project = make_project(tmp_path / "p")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        _command() + ["serve", "-q", "--no-cache", "-j", "1", "--seeds", "seeds", "--docs", "docs",
                      "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        # a run started in the background by a script (`make test &`, some CI) ignores SIGINT, and a child
        # inherits that: serve would never see the Ctrl-C below
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        home, deadline = None, time.monotonic() + 240
        while home is None:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "serve did not answer in time"
            try:
                home = _get(base)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert "Latest articles" in home and TITLE in home
        href = re.search(r'href="(articles/trump-administration[^"]*)"', home)[1]
        article = _get(base + href)
        assert "<h1" in article and TITLE in article and "Eric Pahon" in article
        assert "assets/summary-site.js" in article
        _get(base + "assets/summary-site.js")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # what Ctrl-C does: mkdocs shuts its server down and cleans up
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        log.close()
    assert proc.returncode == 0, (tmp_path / "serve.log").read_text()
    with socket.socket() as s:  # the port is free again: nothing left listening
        assert s.connect_ex(("127.0.0.1", port)) != 0

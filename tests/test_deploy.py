"""GitHub Pages: `mkdocs gh-deploy` (what `make deploy` runs) pushes the built site to branch gh-pages.

The remote is a local bare repository (file://), so nothing leaves the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
           "NO_MKDOCS_2_WARNING": "1"}


def git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gh_deploy_into_a_local_bare_repository(seed_site, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(seed_site, project, ignore=shutil.ignore_patterns("site"))
    remote = tmp_path / "pages.git"
    git("init", "--bare", "-q", str(remote))
    (project / ".gitignore").write_text("site/\n")
    git("init", "-q", "-b", "main", cwd=project)
    git("config", "user.name", "Test Deployer", cwd=project)
    git("config", "user.email", "deployer@example.invalid", cwd=project)
    git("config", "commit.gpgsign", "false", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "the project", cwd=project)
    git("remote", "add", "pages", remote.as_uri(), cwd=project)

    env = {**GIT_ENV, "SITE_URL": "https://example.github.io/news/", "REPO_URL": "https://github.com/example/news"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--no-history", "--remote-name", "pages",
         "--remote-branch", "gh-pages", "-f", "mkdocs.yml"],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    files = set(git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split("\n"))
    articles = [f for f in files if f.startswith("articles/trump-administration") and f.endswith("/index.html")]
    assert "index.html" in files and ".nojekyll" in files
    assert len(articles) == 1
    assert "actors/eric-pahon/index.html" in files and "pagefind/pagefind.js" in files
    assert "feed.xml" in files and "downloads/quotes.csv" in files
    feed = git("--git-dir", str(remote), "show", "gh-pages:feed.xml")
    assert "<id>https://example.github.io/news/articles/trump-administration" in feed  # absolute, from SITE_URL
    page = git("--git-dir", str(remote), "show", f"gh-pages:{articles[0]}")
    assert "Trump administration hosts first anti-ISIL meeting" in page
    # site_url and repo_url come from the environment, not from an edited file
    assert '<meta property="og:url" content="https://example.github.io/news/articles/' in page
    assert 'href="https://example.github.io/news/' in page and "https://github.com/example/news" in page
    assert git("status", "--porcelain", cwd=project).strip() == ""  # the working tree is untouched

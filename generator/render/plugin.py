"""MkDocs plugin `summary-site`: puts the generated "Latest articles" into the hand-written Home page.

docs/index.md stays the user's own page; where it holds the marker `<!-- summary-site:latest -->`
the list goes there, otherwise it is appended.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin

MARKER = "<!-- summary-site:latest -->"
FRAGMENT = Path(".summary-site") / "latest.md"


class SummarySitePlugin(BasePlugin):
    def on_page_markdown(self, markdown: str, page, config, files):
        if page.file.src_uri != "index.md":
            return markdown
        fragment = Path(config["docs_dir"]) / FRAGMENT
        if not fragment.is_file():
            return markdown
        latest = fragment.read_text(encoding="utf-8")
        if MARKER in markdown:
            return markdown.replace(MARKER, latest, 1)
        return markdown.rstrip() + "\n\n" + latest

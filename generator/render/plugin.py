"""MkDocs plugin `summary-site`: puts the generated "Latest articles" into the hand-written Home page.

docs/index.md stays the user's own page; where it holds the marker `<!-- summary-site:latest -->`
the list goes there, otherwise it is appended.

The site's own script and style (`assets/summary-site.js`, `.css`, listed in mkdocs.yml) draw the maps;
a project whose docs folder lacks them still builds, without maps and without requests for missing files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin

MARKER = "<!-- summary-site:latest -->"
FRAGMENT = Path(".summary-site") / "latest.md"
OWN_ASSETS = ("assets/summary-site.js", "assets/summary-site.css")
log = logging.getLogger("mkdocs.plugins.summary-site")


class SummarySitePlugin(BasePlugin):
    def on_config(self, config):
        docs = Path(config["docs_dir"])
        for key in ("extra_javascript", "extra_css"):
            items = config[key]
            keep = [x for x in items
                    if str(getattr(x, "path", x)) not in OWN_ASSETS or (docs / str(getattr(x, "path", x))).is_file()]
            if len(keep) != len(items):
                log.debug("summary-site: %s has no assets/summary-site.*; the site is built without maps", docs)
                items[:] = keep
        return config

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

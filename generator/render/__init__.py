"""Render: the site index -> Markdown pages, plus the MkDocs plugin that completes the Home page."""

RAW_START, RAW_END = "<!-- summary-site:html -->", "<!-- /summary-site:html -->"
"""Around the generated pages' raw HTML blocks (tables, lists, quotes, the article text). Markdown would pass
them through anyway, but only after parsing them tag by tag to find where each block ends, which was most of
the build's time; the plugin sets these regions aside before Markdown runs and puts them back after. Article
text inside them is HTML-escaped, so it can never write these markers itself."""


def raw(block: str) -> str:
    """A raw HTML block marked for the plugin to set aside (still plain raw HTML without the plugin)."""
    return f"{RAW_START}\n{block.rstrip()}\n{RAW_END}\n"

"""Render: the site index -> Markdown pages, plus the MkDocs plugin that completes the Home page."""

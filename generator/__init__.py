"""News articles in, a searchable MkDocs Material site out.

Stages, one package each: ingest (files -> Article) -> analyse (Article -> Record)
-> aggregate (Records -> Site index) -> render (Markdown pages) -> mkdocs build.
"""

__version__ = "0.1.0"

# Bump when analysis output changes, so cached records are recomputed.
PIPELINE_VERSION = "1"

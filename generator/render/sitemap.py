"""The sitemap as a small index of parts: sitemap.xml stays the same few hundred bytes at any size of archive.

Material's theme fetches sitemap.xml on every first visit (for each `<link rel="alternate">`, the Atom feed's
among them, and for instant navigation): MkDocs' own sitemap lists every page (1.1 MB for 8,768 pages).
After the build, `split` turns it into `sitemap.xml`, a sitemap index (sitemaps.org), pointing at
`sitemaps/pages-K.xml` of `PART_URLS` URLs each (the protocol allows 50,000), and rewrites
`sitemap.xml.gz` to match. Search engines read the index and its parts as they read one sitemap.
"""

from __future__ import annotations

import gzip
import re
import shutil
from html import escape
from pathlib import Path

PART_URLS = 10_000
DIR = "sitemaps"
_URL = re.compile(r"<url>.*?</url>", re.S)
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def parts(sitemap: str, base_url: str) -> dict[str, str]:
    """{path under the site: text}: the index (`sitemap.xml`) and its parts, from MkDocs' sitemap text."""
    urls = _URL.findall(sitemap)
    base = base_url.rstrip("/") + "/"
    out: dict[str, str] = {}
    for k in range(max(1, -(-len(urls) // PART_URLS))):
        chunk = urls[k * PART_URLS:(k + 1) * PART_URLS]
        out[f"{DIR}/pages-{k + 1}.xml"] = f"{HEAD}<urlset {NS}>\n" + "\n".join(chunk) + "\n</urlset>\n"
    index = "\n".join(f"<sitemap><loc>{escape(base + path)}</loc></sitemap>" for path in out)
    out["sitemap.xml"] = f"{HEAD}<sitemapindex {NS}>\n{index}\n</sitemapindex>\n"
    return out


def split(site_dir: Path, base_url: str) -> None:
    """Replace site_dir/sitemap.xml (and .gz) by the index and its parts; nothing to do without one."""
    path = site_dir / "sitemap.xml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    if "<sitemapindex" in text:  # already split (a rebuild into the same folder)
        return
    shutil.rmtree(site_dir / DIR, ignore_errors=True)
    (site_dir / DIR).mkdir()
    for name, body in parts(text, base_url).items():
        (site_dir / name).write_text(body, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress((site_dir / "sitemap.xml").read_bytes(), mtime=0))

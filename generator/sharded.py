"""Build a large site as shards: one MkDocs and Pagefind run per shard and one for the hub, merged into one site.

MkDocs renders every page in memory before writing any, on one core, and Pagefind holds every page in memory (about
0.4 GB per 1,000 pages): one run over 100,000 articles does not fit. So, from more than `shard_articles` articles
(plugin option), `generator.shards.plan` splits the articles into shards by year (by runs of months in a large
year), each with the pages of the stories its articles begin; the hub is everything else (home, indexes, actor,
place and hand-written pages). Each is built from a docs folder of its own (symbolic links to the generated pages)
by its own process, up to `jobs` at a time, with the same mkdocs.yml: the same header, navigation and theme on
every page.

- Links across shards: each run's plugin is given the pages of the other runs (`ELSEWHERE`) as files that are
  neither built nor copied (`plugin.Elsewhere`), so MkDocs resolves and checks links to them as usual
  (`--strict` still fails on a broken one). Article URLs stay `articles/<id>/`.
- Search: each shard's Pagefind bundle is `pagefind-shards/<name>/`, listed in `pagefind-shards/shards.json`;
  the search script merges them into the hub's (`pagefind/`) in the browser (Pagefind's `mergeIndex`): one
  box, the same facets.
- Only what changed is rebuilt: a run's output is kept in `.<site>-shards/<name>/<digest>/` beside the site,
  the digest over its input pages, mkdocs.yml and the settings; a new article rebuilds its shard and the hub.
- The outputs are hard-linked into one new site folder, with one sitemap index, which then replaces the site in
  one step (`generator.site._install`), as an unsharded build does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generator import shards, swap
from generator.render import sitemap
from generator.render.plugin import ELSEWHERE, SEARCH_ENV, SHARD_INFO, pagefind_executable
from generator.render.plugin import SHARD_SEARCH_DIR as SEARCH_DIR

log = logging.getLogger("summary-site")
MONTHS = Path(".summary-site") / "months.json"
SEARCH_LIST = f"{SEARCH_DIR}/shards.json"
DONE = ".complete"
SPLIT = ("articles", "stories")
"""Folders whose pages go to the shard of their article: an article's page, and a story's page (named after its
first article), so the hub stays small however many stories there are."""
VERSION = "3"
"""Part of every digest: bump when the way a run is built changes."""


@dataclass(frozen=True)
class Unit:
    """One MkDocs run: the hub or a shard, and the files of the docs folder it builds (paths under docs/)."""
    name: str
    files: tuple[str, ...]

    @property
    def hub(self) -> bool:
        return self.name == shards.HUB


def article_count(docs: Path) -> int:
    try:
        return len(json.loads((docs / MONTHS).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return 0


def site_files(docs: Path) -> list[str]:
    """Every file MkDocs would see in docs/ (links followed; dot files and folders left out, as MkDocs does)."""
    out = []
    for folder, dirs, files in os.walk(docs, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(folder, docs)
        for f in sorted(files):
            if not f.startswith("."):
                out.append(f if rel == "." else f"{rel}/{f}".replace(os.sep, "/"))
    return out


def plan_units(docs: Path, limit: int) -> list[Unit]:
    """The hub first, then the shards in date order."""
    months = json.loads((docs / MONTHS).read_text(encoding="utf-8"))
    files = site_files(docs)
    parts = shards.plan(months, limit)
    present = set(files)
    owned = {name: sorted(rel for rid in ids for folder in SPLIT if (rel := f"{folder}/{rid}.md") in present)
             for name, ids in parts.items()}
    owner = {rel for rels in owned.values() for rel in rels}
    assets = tuple(f for f in files if f.startswith("assets/"))
    hub = Unit(shards.HUB, tuple(f for f in files if f not in owner))
    return [hub] + [Unit(name, tuple(rels) + assets) for name, rels in owned.items()]


def digest(unit: Unit, docs: Path, settings: str) -> str:
    """Over the unit's files (names and contents), plus `settings` (mkdocs.yml and what it reads from the
    environment)."""
    h = hashlib.sha256(f"{VERSION}\0{unit.name}\0{settings}\0".encode())
    for rel in unit.files:
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        with open(docs / rel, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()[:16]


def _settings(config_file: Path, cfg, strict: bool) -> str:
    from generator import __version__

    return json.dumps([config_file.read_text(encoding="utf-8"), cfg["site_url"], cfg["site_name"],
                       cfg.get("repo_url"), strict, __version__, os.environ.get(SEARCH_ENV, "")])


def _work_docs(work: Path, docs: Path, unit: Unit, elsewhere: list[str], total: int) -> None:
    """The run's docs folder: links to the real pages (through docs' own links), plus its shard.json and the
    list of the files the other runs build."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    mine = set(unit.files)
    split = tuple(f"{folder}/" for folder in SPLIT)
    if unit.hub:
        for entry in sorted(os.listdir(docs)):
            if entry.startswith(".") or entry in SPLIT:
                continue
            os.symlink(os.path.realpath(docs / entry), work / entry)
    elif (docs / "assets").is_dir():
        os.symlink(os.path.realpath(docs / "assets"), work / "assets")
    for rel in unit.files:
        if rel.startswith(split):
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(os.path.realpath(docs / rel), work / rel)
    own = work / ".summary-site"
    own.mkdir()
    data = docs / ".summary-site"
    if data.is_dir():
        for entry in os.listdir(data):
            if not entry.startswith(".") and (unit.hub or entry == "feed.json"):
                os.symlink(os.path.realpath(data / entry), own / entry)
    (work / SHARD_INFO).write_text(json.dumps({"name": unit.name, "hub": unit.hub, "articles": total}),
                                   encoding="utf-8")
    (work / ELSEWHERE).write_text("".join(f"{rel}\n" for rel in elsewhere if rel not in mine), encoding="utf-8")


def build(config_file: Path, cfg, docs: Path, final: Path, *, limit: int, strict: bool, jobs: int,
          install) -> None:
    """Build the site `final` as shards (see the module's docstring); `install(new, final)` puts the merged
    folder in place. Raises SiteError naming the run that failed; the previous site is then kept."""
    from generator.site import SiteError, _mkdtemp

    start = time.perf_counter()
    if pagefind_executable() is None or os.environ.get(SEARCH_ENV, "").strip().lower() == "builtin":
        log.warning("warning: a sharded site with Material's built-in search finds only the hub's pages "
                    "(install pagefind: pip install 'pagefind[bin]')")
    units = plan_units(docs, limit)
    files = site_files(docs)
    total = article_count(docs)
    cache = final.parent / f".{final.name}-shards"
    settings = _settings(config_file, cfg, strict)
    outputs: dict[str, Path] = {}
    todo: list[tuple[Unit, Path]] = []
    for unit in units:
        out = cache / unit.name / digest(unit, docs, settings)
        outputs[unit.name] = out
        if not (out / DONE).exists():
            todo.append((unit, out))
    log.info("sharded build: %d shards and the hub; %d to build (%s)", len(units) - 1, len(todo),
             ", ".join(u.name for u, _ in todo) or "none")
    failed = _run_all(config_file, docs, cache, todo, files, total, strict, jobs or os.cpu_count() or 1)
    if failed:
        raise SiteError(f"mkdocs build failed for shard {', '.join(failed)}"
                        + (" (the previous site is kept)" if final.exists() else ""))
    tmp = _mkdtemp(f".{final.name}-new-", final.parent)
    try:
        merge(tmp, units, outputs, cfg["site_url"] or "http://127.0.0.1:8000/")
        swap.fault("site-built")
        install(tmp, final)
    except OSError as e:
        raise SiteError(f"{final}: cannot replace the site ({e.strerror or e}); the previous site is kept") from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    prune(cache, outputs)
    log.info("sharded build: %.1f s", time.perf_counter() - start)


def _run_all(config_file: Path, docs: Path, cache: Path, todo, files: list[str], total: int, strict: bool,
             jobs: int) -> list[str]:
    """Run the builds, up to `jobs` processes at a time; the names of those that failed."""
    failed: list[str] = []
    running: list[tuple[subprocess.Popen, Unit, Path, Path]] = []
    queue = list(todo)
    level = logging.getLogger().handlers[0].level if logging.getLogger().handlers else logging.WARNING
    while queue or running:
        while queue and len(running) < jobs:
            unit, out = queue.pop(0)
            work = cache / ".work" / unit.name
            _work_docs(work, docs, unit, files, total)
            tmp = out.parent / f".tmp-{secrets.token_hex(4)}"
            shutil.rmtree(out, ignore_errors=True)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            cmd = [sys.executable, "-m", "generator.sharded", str(config_file.resolve()), str(work), str(tmp),
                   "strict" if strict else "lax", str(level)]
            running.append((subprocess.Popen(cmd, stdin=subprocess.DEVNULL), unit, tmp, out))
        proc, unit, tmp, out = running[0]
        for item in running:  # the first to finish
            if item[0].poll() is not None:
                proc, unit, tmp, out = item
                break
        else:
            time.sleep(0.05)
            continue
        running.remove((proc, unit, tmp, out))
        if proc.wait() == 0:
            (tmp / DONE).write_text("")
            tmp.rename(out)
            shutil.rmtree(cache / ".work" / unit.name, ignore_errors=True)
        else:
            failed.append(unit.name)
            shutil.rmtree(tmp, ignore_errors=True)
    return failed


def merge(site: Path, units: list[Unit], outputs: dict[str, Path], site_url: str) -> None:
    """The runs' outputs, hard-linked into the empty folder `site`: the hub whole, from each shard its article
    pages and its search bundle; one sitemap index over all pages; the list of search bundles."""
    urls: list[str] = []
    for unit in units:
        out = outputs[unit.name]
        if unit.hub:
            shutil.copytree(out, site, dirs_exist_ok=True, copy_function=_link_or_copy,
                            ignore=lambda d, names: [n for n in names if n == DONE])
        else:
            for folder in SPLIT:
                if (out / folder).is_dir():
                    shutil.copytree(out / folder, site / folder, dirs_exist_ok=True, copy_function=_link_or_copy)
            bundle = out / SEARCH_DIR / unit.name
            if bundle.is_dir():
                shutil.copytree(bundle, site / SEARCH_DIR / unit.name, copy_function=_link_or_copy)
        try:
            urls.append((out / "sitemap.xml").read_text(encoding="utf-8"))
        except OSError:
            pass
    for path in ("sitemap.xml", "sitemap.xml.gz"):
        (site / path).unlink(missing_ok=True)
    shutil.rmtree(site / sitemap.DIR, ignore_errors=True)
    (site / sitemap.DIR).mkdir()
    for name, body in sitemap.parts("\n".join(urls), site_url).items():
        (site / name).write_text(body, encoding="utf-8")
    import gzip

    (site / "sitemap.xml.gz").write_bytes(gzip.compress((site / "sitemap.xml").read_bytes(), mtime=0))
    bundles = [u.name for u in units if not u.hub and (site / SEARCH_DIR / u.name).is_dir()]
    if bundles:
        (site / SEARCH_LIST).write_text(json.dumps(bundles), encoding="utf-8")


def prune(cache: Path, outputs: dict[str, Path]) -> None:
    """Remove the kept outputs not used by this site (older digests, shards no longer planned). Best effort."""
    keep = {str(p) for p in outputs.values()}
    try:
        for entry in os.scandir(cache):
            if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                continue
            if entry.name not in outputs:
                shutil.rmtree(entry.path, ignore_errors=True)
                continue
            for sub in os.scandir(entry.path):
                if sub.path not in keep:
                    shutil.rmtree(sub.path, ignore_errors=True)
    except OSError as e:
        log.debug("could not prune %s: %s", cache, e)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _child(argv: list[str]) -> int:
    """One run, in a process of its own: `python -m generator.sharded CONFIG DOCS SITE strict|lax LEVEL`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config_file, docs, site_dir, strict, level = argv
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(int(level))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(min(int(level), logging.INFO))
    logging.getLogger("mkdocs").setLevel(logging.WARNING if int(level) > logging.DEBUG else logging.DEBUG)
    logging.getLogger("MARKDOWN").setLevel(logging.ERROR)
    name = json.loads((Path(docs) / SHARD_INFO).read_text(encoding="utf-8"))["name"]
    try:
        cfg = load_config(config_file=config_file, docs_dir=docs, site_dir=site_dir, strict=strict == "strict")
        mkdocs_build(cfg)
    except BaseException as exc:  # noqa: BLE001  one line naming the shard; the parent reports the failure
        print(f"error: shard {name}: {' '.join(str(exc).split()) or type(exc).__name__}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))

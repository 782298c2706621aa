"""The I/O edge: generate Markdown into docs/, build with MkDocs into site/, serve.

Nothing a user had is lost: generated pages live only in the generator's own folders under docs/
(each holds a `.generated` marker; a folder without it is never replaced), new pages are written to a
temporary folder and swapped in, and `build` writes the site to a temporary folder and swaps it in only
when MkDocs succeeded, so a failed build keeps the previous site/.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

from generator import aggregate
from generator.ingest import IngestError
from generator.progress import Progress
from generator.render.pages import GENERATED_DIRS, render_site

log = logging.getLogger("summary-site")
MARKER = ".generated"
DEFAULT_HOME = """# News summaries

Summaries of the articles in this collection: who is involved, where, and who said what.
Browse the [articles](articles/index.md), the [actors](actors/index.md), the [places](places/index.md)
and the [quotes](quotes/index.md), or search with the box at the top.

<!-- summary-site:latest -->
"""


class SiteError(Exception):
    """A fatal problem for the whole run (not one bad article); the message is one line."""


def generate(seeds: Path, docs: Path, *, jobs: int = 0, cache: Path | None = None,
             progress: Progress | None = None, executor=None, stored: str | None = None) -> tuple[int, int]:
    """Analyse `seeds` (or read the records `stored` there instead: see generator.store) and write the
    generated pages into `docs`. Returns (articles written, files failed)."""
    from generator import pipeline, store

    if stored is None and not seeds.exists():
        raise SiteError(f"{seeds}: no such folder of articles")
    progress = progress or Progress(quiet=True)
    items = store.read(stored) if stored is not None else pipeline.run(
        [seeds], jobs=jobs, cache_dir=cache, progress=progress.advance, executor=executor)
    records, failed = [], 0
    for item in items:
        if isinstance(item, IngestError):
            failed += 1
            progress.error(item)
        else:
            records.append(item)
    index = aggregate.build(records)
    pages = render_site(index)
    write_generated(docs, pages)
    return len(records), failed


def write_generated(docs: Path, pages: dict[str, str]) -> None:
    """Write pages into a temporary folder beside the generated ones, then swap each folder in."""
    docs.mkdir(parents=True, exist_ok=True)
    for name in GENERATED_DIRS:
        target = docs / name
        if target.is_symlink() or (target.exists() and not (target / MARKER).exists() and any(target.iterdir())):
            raise SiteError(f"{target}: exists and was not made by summary-site; move it away "
                            f"(the generator owns {', '.join(GENERATED_DIRS)} under the docs folder)")
    home = docs / "index.md"
    if not home.exists():
        home.write_text(DEFAULT_HOME, encoding="utf-8")
    staging = Path(tempfile.mkdtemp(prefix=".summary-site-new-", dir=docs))
    old = Path(tempfile.mkdtemp(prefix=".summary-site-old-", dir=docs))
    try:
        made: set[Path] = set()
        for rel, content in pages.items():
            parts = Path(rel).parts
            if Path(rel).is_absolute() or ".." in parts or parts[0] not in GENERATED_DIRS:
                raise SiteError(f"refusing to write outside the generated folders: {rel}")
            path = staging / rel
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_text(content, encoding="utf-8", newline="\n")
        for name in GENERATED_DIRS:
            (staging / name).mkdir(exist_ok=True)
            (staging / name / MARKER).write_text("made by summary-site; replaced on every generate\n")
        moved: list[str] = []
        try:
            for name in GENERATED_DIRS:
                if (docs / name).exists():
                    (docs / name).rename(old / name)
                moved.append(name)
                (staging / name).rename(docs / name)
        except OSError:
            for name in moved:  # put the previous pages back
                if (docs / name).exists() and (old / name).exists():
                    shutil.rmtree(docs / name)
                if (old / name).exists():
                    (old / name).rename(docs / name)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: Path, docs: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """mkdocs build into a temporary folder; swap it in only on success. Returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not config_file.exists():
        raise SiteError(f"{config_file}: no MkDocs configuration here")
    cfg = load_config(config_file=str(config_file), docs_dir=str(docs.resolve()), strict=strict)
    final = Path(site_dir or cfg["site_dir"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-new-", dir=final.parent))
    cfg["site_dir"] = str(tmp)
    try:
        build(cfg)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        kept = " (the previous site is kept)" if final.exists() else ""
        raise SiteError(f"mkdocs build failed: {exc or type(exc).__name__}{kept}") from exc
    backup = final.with_name(f".{final.name}-old")
    shutil.rmtree(backup, ignore_errors=True)
    if final.exists():
        final.rename(backup)
    tmp.rename(final)
    shutil.rmtree(backup, ignore_errors=True)
    return final


# --- commands (called by the CLI) ------------------------------------------------------------------------

def _generate(args) -> tuple[int, int]:
    from contextlib import nullcontext

    from generator.executors import open_executor

    cache = None if args.no_cache else args.cache
    records = getattr(args, "records", None)
    with Progress(quiet=args.quiet) as progress, (nullcontext() if records else open_executor(args)) as executor:
        return generate(args.seeds, args.docs, jobs=args.jobs, cache=cache, progress=progress, executor=executor,
                        stored=records)


def _command(body):
    """A fatal SiteError is one line on stderr and exit status 2; failed articles make it 1."""
    def run(args) -> int:
        try:
            return body(args)
        except SiteError as e:
            log.error("error: %s", e)
            return 2
    return run


@_command
def generate_command(args) -> int:
    start = time.perf_counter()
    n, failed = _generate(args)
    log.info("generated %d article pages in %s (%.1f s)%s", n, args.docs, time.perf_counter() - start,
             f"; {failed} files failed" if failed else "")
    return 1 if failed else 0


@_command
def build_command(args) -> int:
    start = time.perf_counter()
    n, failed = _generate(args)
    out = build_site(args.config_file, args.docs, args.site_dir, strict=not args.no_strict)
    if not args.quiet:
        print(f"built {n} articles into {out} in {time.perf_counter() - start:.1f} s"
              + (f"; {failed} files could not be used (see above)" if failed else ""))
    return 1 if failed else 0


@_command
def serve_command(args) -> int:
    from mkdocs.commands.serve import serve

    if not args.config_file.exists():
        raise SiteError(f"{args.config_file}: no MkDocs configuration here")
    _, failed = _generate(args)
    serve(config_file=str(args.config_file), docs_dir=str(args.docs.resolve()), dev_addr=args.dev_addr,
          livereload=True)
    return 1 if failed else 0

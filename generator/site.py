"""The I/O edge: generate Markdown into docs/, build with MkDocs into site/, serve.

Nothing a user had is lost, and a run killed at any instant leaves a complete docs/ and site/, old or new:
- generated pages live only in the generator's own folders under docs/ (GENERATED_DIRS); a folder it did not
  make is never replaced. Each is a symbolic link into `.summary-site-pages`, itself a link to one complete
  set of pages (`.summary-site-pages-XXXX`): a new set is written beside the current one, then that one link
  is re-pointed, so all the folders change together, in one step.
- `build` writes the site into a temporary folder and, only when MkDocs succeeded, exchanges it with site/ in
  one step (renameat2 RENAME_EXCHANGE); site/ stays a plain folder, the previous one is kept until then.
- one run at a time per docs folder, and per folder holding the site (`generator.lock`); a run first removes
  what an interrupted one left (and puts back a site moved aside, where there is no exchange).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import itertools
import json
import logging
import os
import pickle
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from generator import aggregate, corrections, lock, stories, swap
from generator.ingest import IngestError
from generator.progress import Progress
from generator.records import compact
from generator.render.pages import GENERATED_DIRS, Content, render_pages
from generator.report import BuildReport
from generator.swap import fault
from generator.texts import Texts

log = logging.getLogger("summary-site")
MARKER = ".generated"
CURRENT = ".summary-site-pages"
"""docs/CURRENT -> the complete set of generated pages in use; docs/articles -> CURRENT/articles, ..."""
STORE = ".summary-site-pages-"
"""Prefix of the sets of pages (dot folders: MkDocs never renders them as pages themselves)."""
LEFTOVER_PREFIXES = (".summary-site-new-", ".summary-site-old-", ".summary-site-link-")
"""Temporary names in docs/ (the first two from earlier versions)."""
DEFAULT_HOME = """# News summaries

Summaries of the articles in this collection: who is involved, where, and who said what.
Browse the [articles](articles/index.md), the [actors](actors/index.md), the [places](places/index.md)
and the [quotes](quotes/index.md), or search with the box at the top.

<!-- summary-site:latest -->
"""


class SiteError(Exception):
    """A fatal problem for the whole run (not one bad article); the message is one line."""


def generate(seeds: Path, docs: Path, *, jobs: int = 0, cache: Path | None = None,
             progress: Progress | None = None, report: BuildReport | None = None,
             filename_pattern: str | None = None, executor=None, stored: str | None = None,
             min_articles: int = aggregate.MIN_ARTICLES,
             story_options: stories.StoryOptions | None = None) -> tuple[int, int]:
    """Analyse `seeds` (or read the records `stored` there instead: see generator.store), apply the user's
    corrections (`entities.yml`) and write the generated pages into `docs`; an actor or place gets its own
    page from `min_articles` articles on; articles about one event are grouped by `story_options`. Returns
    (articles written, files or correction lines failed); `report`, when given, is filled for the build report
    (corrections included)."""
    from generator import pipeline, store

    if stored is None and not seeds.exists():
        raise SiteError(f"{seeds}: no such folder of articles")
    progress = progress or Progress(quiet=True)
    report = report if report is not None else BuildReport()
    items = store.read(stored) if stored is not None else pipeline.run(
        [seeds], jobs=jobs, cache_dir=cache, progress=progress.advance, filename_pattern=filename_pattern,
        executor=executor)
    inputs = hashlib.sha256(repr((_code_digest(), min_articles, story_options)).encode())
    with Texts() as texts:  # the paragraphs wait on disk: in memory, only what the index needs
        records, failed = [], 0
        for item in items:
            if isinstance(item, IngestError):
                failed += 1
                progress.error(item)
            else:
                inputs.update(texts.put(item.id, item.paragraphs))  # the text is encoded once, for both
                item.paragraphs = []
                inputs.update(json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8", "surrogatepass"))
                records.append(compact(item))
                report.add(item)
        fixes = corrections.Corrections()
        if (path := corrections.find(seeds)) is not None:
            fixes = corrections.load(path)
            try:
                inputs.update(path.read_bytes())
            except OSError:
                inputs.update(secrets.token_bytes(16))  # unreadable now: never "unchanged"
            for line in fixes.errors:  # one line per bad entry; the good ones still apply
                failed += 1
                progress.error(line)
            records = corrections.apply(records, fixes)
        report.failed, report.bad_corrections = failed - len(fixes.errors), len(fixes.errors)
        report.corrections, report.corrections_text = fixes.entries, fixes.summary()
        n, digest = len(records), inputs.hexdigest()
        with lock.hold(docs):
            if unchanged(docs, digest):
                clean_docs(docs)  # what an interrupted run left beside them
                log.info("%s: nothing changed since the last generate; the pages are kept", docs)
                return n, failed
        index = aggregate.build(_handed_over(records), min_articles=min_articles, texts=texts)
        done = [(INPUTS, digest + "\n")]
        if _two_writers(jobs):  # the story grouping and its pages in a second process, the rest here
            write_generated(docs, itertools.chain(render_pages(index, part="rest"), done),
                            apart=_story_part(index, story_options))
        else:
            write_generated(docs, itertools.chain(render_pages(index, stories.group(index, story_options)), done))
    return n, failed


def _story_part(index: aggregate.SiteIndex, options: stories.StoryOptions | None) -> Iterator[tuple[str, Content]]:
    """The article and story pages, with the grouping made when they are first asked for (in the process
    that writes them)."""
    yield from render_pages(index, stories.group(index, options), part="stories")


TWO_WRITERS_MB = 1500
"""Pages are made by two processes (with `--jobs` above 1) only while generate holds less than this: a
forked process maps all of its parent's memory (counted twice in the resident total), and a 100,000-article
index is 3 GB. Below it, one more article into a 10,000-article site is about a third faster."""


def _two_writers(jobs: int) -> bool:
    if (jobs or os.cpu_count() or 1) < 2 or not hasattr(os, "fork") or not _own_streams():
        return False
    if threading.active_count() > 1:  # a Dask client's threads: a fork copies their locks, held or not
        return False
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))  # kB
    except (OSError, StopIteration, ValueError):
        return False
    return rss < TWO_WRITERS_MB * 1000


INPUTS = ".summary-site/inputs"
"""The digest of everything the pages are made from (records, corrections, options, this code): a generate
with the same inputs leaves the pages as they are (`unchanged`)."""


def unchanged(docs: Path, digest: str) -> bool:
    """Whether docs/ holds complete pages made from exactly these inputs (and the home page is there)."""
    current = _current_store(docs)
    if current is None or not (docs / "index.md").exists() or not all(_our_link(docs, n) for n in GENERATED_DIRS):
        return False
    try:
        return (docs / current / INPUTS).read_text(encoding="utf-8").strip() == digest
    except (OSError, UnicodeError):
        return False


@functools.cache
def _code_digest() -> str:
    """The generator's own files: new code may make other pages from the same records."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _handed_over(records: list) -> list:
    """The records in a new list, the caller's emptied: `aggregate.build` holds the only reference, so the
    records it replaces by corrected copies are freed as it goes (100,000 do not fit twice)."""
    out = records[:]
    records.clear()
    return out


def _mkdtemp(prefix: str, parent: Path) -> Path:
    """A new folder with the usual permissions (mkdtemp's are owner-only: a web server could not read the site)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o777 & ~umask)
    return path


def _reason(e: OSError) -> str:
    return e.strerror or str(e) or type(e).__name__


def write_generated(docs: Path, pages: dict[str, str] | Iterable[tuple[str, Content]],
                    apart: Iterable[tuple[str, Content]] | None = None) -> None:
    """Write a complete new set of pages beside the current one, then switch all folders to it at once.
    The pages are written as they come (`render_pages`: never all in memory). The set is named by its
    content: the same pages give the same docs/, file for file. `apart`: more pages, made and written by a
    forked process at the same time."""
    with lock.hold(docs):
        _check_owned(docs)
        clean_docs(docs)
        try:
            home = docs / "index.md"
            if not home.exists():
                home.write_text(DEFAULT_HOME, encoding="utf-8")
            tmp = _mkdtemp(LEFTOVER_PREFIXES[0], docs)
        except OSError as e:
            raise SiteError(f"{docs}: cannot write the generated pages ({_reason(e)})") from e
        try:
            pages = pages.items() if isinstance(pages, dict) else pages
            other = None
            if apart is not None:
                try:
                    other = _apart(lambda: _write_pages(tmp, apart), mirror_signal=False)
                except OSError:  # no fork now (memory, process limit): this process writes them too
                    pages = itertools.chain(pages, apart)
            try:
                digests = _write_pages(tmp, pages)
                if other is not None:
                    digests.update(other())
            except BaseException:
                if other is not None and other.running():  # it would go on writing into a folder about to go
                    os.kill(other.pid, signal.SIGKILL)
                    os.waitpid(other.pid, 0)
                raise
            name = STORE + hashlib.sha256(b"".join(digests[rel] for rel in sorted(digests))).hexdigest()[:12]
            fault("docs-written")
            _link_folders(docs)
            previous = _current_store(docs)
            if previous == name:  # the same pages: refresh them in place, in one step
                swap.exchange(tmp, docs / name)
            else:
                _remove(docs / name)
                tmp.rename(docs / name)
                swap.point_link(docs / CURRENT, name)
        except OSError as e:
            raise SiteError(f"{docs}: cannot write the generated pages ({_reason(e)}); "
                            "the previous pages are kept") from e
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        fault("docs-switched")
        if previous and previous != name:
            shutil.rmtree(docs / previous, ignore_errors=True)


def _write_pages(store: Path, pages: Iterable[tuple[str, Content]]) -> dict[str, bytes]:
    """Write the pages under `store`; returns the digest of each (of its path and text)."""
    made: set[Path] = set()
    digests: dict[str, bytes] = {}
    for rel, content in pages:
        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts or parts[0] not in GENERATED_DIRS:
            raise SiteError(f"refusing to write outside the generated folders: {rel}")
        path = store / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        h = hashlib.sha256(rel.encode("utf-8", "surrogatepass") + b"\0")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for chunk in [content] if isinstance(content, str) else content:
                f.write(chunk)
                h.update(chunk.encode("utf-8", "surrogatepass"))
        digests[rel] = h.digest()
    for name in GENERATED_DIRS:
        _mark(store / name)
    return digests


def _mark(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / MARKER).write_text("made by summary-site; replaced on every generate\n")


def _our_link(docs: Path, name: str) -> bool:
    path = docs / name
    return path.is_symlink() and os.readlink(path) == f"{CURRENT}/{name}"


def _current_store(docs: Path) -> str | None:
    """The name of the set of pages docs/CURRENT points to, if it is one of ours and exists."""
    link = docs / CURRENT
    if not link.is_symlink():
        return None
    target = os.readlink(link)
    if not target.startswith(STORE) or "/" in target or not (docs / target).is_dir():
        return None
    return target


def _check_owned(docs: Path) -> None:
    """Refuse to replace anything summary-site did not make."""
    for name in GENERATED_DIRS:
        target = docs / name
        if _our_link(docs, name) or not (target.exists() or target.is_symlink()):
            continue
        if target.is_dir() and not target.is_symlink() and ((target / MARKER).exists() or not any(target.iterdir())):
            continue  # a plain folder made by an earlier version (or an empty one)
        raise SiteError(f"{target}: exists and was not made by summary-site; move it away "
                        f"(the generator owns {', '.join(GENERATED_DIRS)} under the docs folder)")
    if (docs / CURRENT).exists() and not (docs / CURRENT).is_symlink():
        raise SiteError(f"{docs / CURRENT}: exists and was not made by summary-site; move it away")


def _link_folders(docs: Path) -> None:
    """Make each generated folder a link into CURRENT. After an earlier version (plain folders), their pages are
    first gathered, as hard links, into a set CURRENT points to, then each folder is exchanged for its link:
    the pages shown stay the same at every instant."""
    if _current_store(docs) and all(_our_link(docs, n) for n in GENERATED_DIRS):
        return
    if _current_store(docs) is None:
        old = _mkdtemp(STORE + "old-", docs)
        for name in GENERATED_DIRS:
            src = docs / name
            if src.is_dir() and not src.is_symlink():
                shutil.copytree(src, old / name, symlinks=True, copy_function=_link_or_copy)
            _mark(old / name)
        swap.point_link(docs / CURRENT, old.name)
    for name in GENERATED_DIRS:
        path = docs / name
        if _our_link(docs, name):
            continue
        if not path.is_dir() or path.is_symlink():  # missing (or a dangling link of ours)
            swap.point_link(path, f"{CURRENT}/{name}")
            continue
        tmp = docs / f"{LEFTOVER_PREFIXES[2]}{secrets.token_hex(4)}"
        os.symlink(f"{CURRENT}/{name}", tmp)
        if not swap.exchange(tmp, path):  # no exchange here: a moment without the folder
            path.rename(tmp.with_name(tmp.name + "-old"))
            os.replace(tmp, path)
            tmp = tmp.with_name(tmp.name + "-old")
        fault("docs-linked")
        shutil.rmtree(tmp, ignore_errors=True)  # the plain folder, its pages now in a set


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def clean_docs(docs: Path) -> None:
    """Remove what an interrupted run left in docs/: sets of pages not in use, temporary links and folders.
    Best effort: what cannot be removed now (a read-only folder) is tried again next time."""
    if not docs.is_dir():
        return
    current = _current_store(docs)
    temp_links = tuple(f"{n}.tmp-" for n in (*GENERATED_DIRS, CURRENT))
    try:
        for entry in os.scandir(docs):
            name = entry.name
            if (name.startswith(STORE) and name != current) or name.startswith(LEFTOVER_PREFIXES) or (
                    name.startswith(temp_links) and entry.is_symlink()):
                _remove(Path(entry.path))
    except OSError as e:
        log.debug("could not clean %s: %s", docs, e)


def _remove(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def build_site(config_file: Path, docs: Path, site_dir: Path | None = None, strict: bool = True,
               jobs: int = 0) -> Path:
    """mkdocs build into a temporary folder; swap it in only on success. Returns the site folder. A site of
    more than the plugin's `shard_articles` articles is built as shards, up to `jobs` runs at a time
    (`generator.sharded`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.exists():
        raise SiteError(f"{config_file}: no MkDocs configuration here")
    from generator import sharded

    with lock.hold(docs):
        try:
            cfg = load_config(config_file=str(config_file), docs_dir=str(docs.resolve()),
                              site_dir=str(site_dir) if site_dir else None, strict=strict)
        except (ConfigurationError, Abort) as e:  # Abort is a SystemExit: MkDocs logged the reason above
            raise SiteError(f"{config_file}: {' '.join(str(e).split())}") from e
        final = Path(cfg["site_dir"]).resolve()
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise SiteError(f"{final.parent}: cannot write the site ({_reason(e)})") from e
        with lock.hold(final.parent):  # also a build of another docs folder into the same place waits
            limit = shard_articles(config_file)
            if limit > 0 and sharded.article_count(docs) > limit:
                recover_site(final)
                sharded.build(config_file, cfg, docs, final, limit=limit, strict=strict, jobs=jobs,
                              install=_install)
            else:
                _build_and_install(cfg, final, build)
    return final


def _build_and_install(cfg, final: Path, build) -> None:
    recover_site(final)
    if final.exists() and not final.is_dir():
        raise SiteError(f"{final}: exists and is not a folder")
    try:
        tmp = _mkdtemp(f".{final.name}-new-", final.parent)
    except OSError as e:
        raise SiteError(f"{final.parent}: cannot write the site ({_reason(e)})") from e
    cfg["site_dir"] = str(tmp)
    try:
        build(cfg)
        fault("site-built")
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        kept = " (the previous site is kept)" if final.exists() else ""
        raise SiteError(f"mkdocs build failed: {exc or type(exc).__name__}{kept}") from exc
    try:
        _install(tmp, final)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise SiteError(f"{final}: cannot replace the site ({_reason(e)}); the previous site is kept") from e


def _install(new: Path, final: Path) -> None:
    """Put the folder `new` in place of `final` in one step; the previous site is deleted only afterwards."""
    if not final.exists():
        new.rename(final)
        return
    if swap.exchange(new, final):
        fault("site-swapped")
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    # no exchange on this system: two renames; a run killed between them is repaired by recover_site
    backup = final.with_name(f".{final.name}-old-{secrets.token_hex(4)}")
    final.rename(backup)
    fault("site-moved-aside")
    try:
        new.rename(final)
    except OSError:
        backup.rename(final)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def recover_site(final: Path) -> None:
    """Repair what an interrupted build left beside the site: put the previous site back if the site is missing
    (killed between two renames where there is no exchange), then remove temporary folders (best effort)."""
    new, old = f".{final.name}-new-", f".{final.name}-old"
    try:
        leftovers = [Path(e.path) for e in os.scandir(final.parent)
                     if e.name.startswith((new, old)) and e.is_dir(follow_symlinks=False)]
        backups = sorted((p for p in leftovers if p.name.startswith(old)), key=lambda p: p.stat().st_mtime)
        if backups and not (final.exists() or final.is_symlink()):
            leftovers.remove(backups[-1])
            backups[-1].rename(final)
            log.warning("%s: put back the previous site (an earlier build was interrupted)", final)
    except OSError as e:
        log.debug("could not repair %s: %s", final, e)
        return
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


# --- commands (called by the CLI) ------------------------------------------------------------------------

def _generate(args, report: BuildReport | None = None) -> tuple[int, int]:
    from contextlib import nullcontext

    from generator.executors import open_executor

    cache = None if args.no_cache else args.cache
    records = getattr(args, "records", None)
    with lock.hold(args.docs), Progress(quiet=args.quiet) as progress, (
            nullcontext() if records else open_executor(args)) as executor:
        return generate(args.seeds, args.docs, jobs=args.jobs, cache=cache, progress=progress, report=report,
                        filename_pattern=args.filename_pattern or filename_pattern(args.config_file),
                        executor=executor, stored=records, min_articles=min_articles(args.config_file),
                        story_options=story_options(args.config_file))


def filename_pattern(config_file: Path) -> str | None:
    """The summary-site plugin's `filename_pattern` option in mkdocs.yml, if any (an unreadable file is
    left for MkDocs to report)."""
    pattern = _plugin_options(config_file).get("filename_pattern")
    return pattern or None if isinstance(pattern, str) else None


def min_articles(config_file: Path) -> int:
    """The plugin's `min_articles` option (articles naming an actor or place before it has a page)."""
    value = _plugin_options(config_file).get("min_articles")
    return value if isinstance(value, int) and not isinstance(value, bool) else aggregate.MIN_ARTICLES


def story_options(config_file: Path) -> stories.StoryOptions:
    """The plugin's `stories_*` options (how articles about one event are grouped); a value of the wrong type or
    out of range keeps its default."""
    options = _plugin_options(config_file)
    default = stories.StoryOptions()
    chosen = {}
    for name, low, high in (("window_days", 0, 366), ("threshold", 0.01, 1.0), ("duplicate", 0.1, 1.0)):
        value = options.get(f"stories_{name}")
        kind = int if name == "window_days" else (int, float)
        if isinstance(value, kind) and not isinstance(value, bool) and low <= value <= high:
            chosen[name] = value
    return dataclasses.replace(default, **chosen)


def shard_articles(config_file: Path) -> int:
    """The plugin's `shard_articles` option (a larger site is built as shards of at most this many articles)."""
    from generator.render.plugin import SHARD_ARTICLES

    value = _plugin_options(config_file).get("shard_articles")
    return value if isinstance(value, int) and not isinstance(value, bool) else SHARD_ARTICLES


def _plugin_options(config_file: Path) -> dict:
    """The summary-site plugin's options in mkdocs.yml ({} when absent; an unreadable file is left for MkDocs
    to report)."""
    from mkdocs.utils import yaml_load

    try:
        with open(config_file, "rb") as f:
            config = yaml_load(f) or {}
    except Exception:  # noqa: BLE001  a missing or broken mkdocs.yml is reported by MkDocs itself
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []:
        options = entry.get("summary-site") if isinstance(entry, dict) else None
        if isinstance(options, dict):
            return options
    return {}


def _print_report(args, report: BuildReport) -> None:
    if not args.quiet:
        print(report.text(verbose=args.verbose > 0), file=sys.stderr)


def _command(body):
    """A fatal SiteError (or a file system error) is one line on stderr and exit status 2; failed articles make
    it 1."""
    def run(args) -> int:
        try:
            if not getattr(args, "records", None) and not args.seeds.exists():  # before the lock (it makes docs/)
                raise SiteError(f"{args.seeds}: no such folder of articles")
            return body(args)
        except SiteError as e:
            log.error("error: %s", e)
        except OSError as e:
            where = f"{e.filename}: " if e.filename else ""
            log.error("error: %s%s", where, _reason(e))
        return 2
    return run


@_command
def generate_command(args) -> int:
    start = time.perf_counter()
    report = BuildReport()
    n, failed = _generate(args, report)
    log.info("generated %d article pages in %s (%.1f s)%s", n, args.docs, time.perf_counter() - start,
             f"; {failed} input{'s' if failed != 1 else ''} could not be used (named above)" if failed else "")
    _print_report(args, report)
    return 1 if failed else 0


def _generate_apart(args) -> tuple[int, int, BuildReport]:
    """`_generate` in a forked child (`_apart`): the memory of a large site's index is the child's and goes
    back to the system when it ends, before MkDocs and Pagefind run (Python keeps most freed memory). In this
    process when there is no fork, or when the output streams are not the process's own (a caller capturing
    them, as tests do, would not see the child's lines)."""
    report = BuildReport()
    if not hasattr(os, "fork") or not _own_streams():
        return (*_generate(args, report), report)
    return _apart(lambda: (*_generate(args, report), report), keep_lock=True)()


def _apart(work: Callable[[], Any], keep_lock: bool = False, mirror_signal: bool = True) -> Callable[[], Any]:
    """Start `work` in a forked child; returns the function that waits for it and gives its result, or raises
    its exception (sent back through a pipe). The child dies with this process. A child killed by a signal
    ends this process the same way (`mirror_signal`; else it is a SiteError). `keep_lock`: the child does
    this run's work under its lock."""
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    parent = os.getpid()
    with lock.shared_with_child() if keep_lock else contextlib.nullcontext():
        pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _die_with_parent()
        if os.getppid() != parent:  # the parent ended before the line above
            os._exit(1)
        try:
            result = ("done", work())
        except KeyboardInterrupt:
            os._exit(130)
        except BaseException as e:  # noqa: BLE001  sent to the parent, which raises it
            result = ("raised", e)
        with os.fdopen(write_end, "wb") as f:
            try:
                pickle.dump(result, f)
            except Exception:  # noqa: BLE001  an exception that does not pickle
                pickle.dump(("raised", SiteError(f"generate failed: {result[1]!r}")), f)
        os._exit(0)
    os.close(write_end)

    def finish():
        with os.fdopen(read_end, "rb") as f:
            data = f.read()
        _, status = os.waitpid(pid, 0)
        finish.running = lambda: False
        if os.WIFSIGNALED(status):
            if not mirror_signal:
                raise SiteError(f"the second page writer was stopped by signal {os.WTERMSIG(status)}; "
                                "the previous pages are kept")
            os.kill(os.getpid(), os.WTERMSIG(status))
        if not data:
            raise SiteError(f"generate stopped (exit status {os.waitstatus_to_exitcode(status)})")
        kind, value = pickle.loads(data)
        if kind == "raised":
            raise value
        return value
    finish.pid, finish.running = pid, lambda: True
    return finish


def _own_streams() -> bool:
    try:
        return sys.stdout.fileno() == 1 and sys.stderr.fileno() == 2
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return False


def _die_with_parent() -> None:
    """Linux: this process gets SIGKILL when its parent ends (an orphan must not go on writing docs/)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@_command
def build_command(args) -> int:
    start = time.perf_counter()
    with lock.hold(args.docs):
        n, failed, report = _generate_apart(args)
        out = build_site(args.config_file, args.docs, args.site_dir, strict=not args.no_strict, jobs=args.jobs)
    if not args.quiet:
        print(f"built {n} article{'s' if n != 1 else ''} into {out} in {time.perf_counter() - start:.1f} s"
              + (f"; {failed} input{'s' if failed != 1 else ''} could not be used (named above)" if failed else ""))
    _print_report(args, report)
    return 1 if failed else 0


@_command
def serve_command(args) -> int:
    from mkdocs.commands import serve

    if not args.config_file.exists():
        raise SiteError(f"{args.config_file}: no MkDocs configuration here")
    report = BuildReport()
    _, failed = _generate(args, report)
    _print_report(args, report)
    plain = serve.build
    serve.build = locked(plain, args.docs)  # each rebuild reads docs/ under the lock a generate or build takes
    try:
        serve.serve(config_file=str(args.config_file), docs_dir=str(args.docs.resolve()), dev_addr=args.dev_addr,
                    livereload=True)
    finally:
        serve.build = plain
    return 1 if failed else 0


def locked(build, docs: Path):
    """`build` (MkDocs') run while holding the docs folder's lock: never reads a docs/ being replaced."""
    def run(*args, **kwargs):
        with lock.hold(docs):
            return build(*args, **kwargs)
    return run

"""summary-site: news articles in, a searchable MkDocs Material site out.

A thin layer over the library: each command parses its options and calls one function.
Exit status: 0 all good, 1 some articles could not be used (each named on stderr), 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from generator import __version__

log = logging.getLogger("summary-site")

EXAMPLES = """examples:
  summary-site analyze seeds/*.txt > records.jsonl
  summary-site analyze seeds --executor dask --out records/   # on a local Dask cluster, into shards
  summary-site build --records records/                      # the site from stored records
  summary-site generate --seeds seeds --docs docs
  summary-site build            # generate + mkdocs build --strict into site/
  summary-site serve            # generate + mkdocs serve on http://127.0.0.1:8000
"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr, no progress bar")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more detail on stderr (-vv for debug)")
    p.add_argument("-j", "--jobs", type=int, default=0, help="worker processes for analysis (default: all cores)")
    p.add_argument("--cache", type=Path, default=Path(".summary-site-cache"),
                   help="folder for cached records (default: %(default)s)")
    p.add_argument("--no-cache", action="store_true", help="analyse everything again, write no cache")
    p.add_argument("--filename-pattern", metavar="PATTERN", default=None,
                   help="metadata in file names, e.g. '{source}_{date}_{slug}' (default: the summary-site "
                        "plugin's filename_pattern in mkdocs.yml, else detected per folder)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where analysis runs: local processes, or a Dask cluster (default: %(default)s)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --executor dask: an existing cluster's scheduler (tcp://host:8786 or a scheduler "
                        "file); without it, a local cluster of --jobs worker processes")


def _records_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--records", metavar="PATH_OR_URL",
                   help="build from stored records instead of analysing --seeds: a JSON Lines file, a folder "
                        "of shards (analyze --out) or an fsspec URL")


def _site_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: %(default)s)")
    p.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: %(default)s)")
    p.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                   help="MkDocs configuration (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summary-site", description=__doc__.split("\n")[0], epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("analyze", help="print one JSON record per article (JSON Lines) on stdout",
                       description="Analyse articles and print one JSON record per article on stdout.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-o", "--out", metavar="DIR_OR_URL",
                   help="write the records as JSON Lines shards into this folder or fsspec URL (s3://...) "
                        "instead of stdout; shards already there are not recomputed")
    _common(p)

    p = sub.add_parser("generate", help="write the site's Markdown pages into the docs folder",
                       description="Analyse the articles and write generated Markdown under the docs folder "
                                   "(hand-written pages are never touched).")
    _site_options(p)
    _records_option(p)
    _common(p)

    p = sub.add_parser("build", help="generate, then mkdocs build --strict into site/",
                       description="Generate the pages, then build the static site. The previous site "
                                   "is kept if anything fails.")
    _site_options(p)
    p.add_argument("-d", "--site-dir", type=Path, default=None, help="output folder (default: from mkdocs.yml)")
    p.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    _records_option(p)
    _common(p)

    p = sub.add_parser("serve", help="generate, then mkdocs serve (live preview)",
                       description="Generate the pages, then serve the site with live reload.")
    _site_options(p)
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on (default: %(default)s)")
    _common(p)
    return parser


def _setup_logging(args) -> None:
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s" if args.verbose > 1
                                           else "%(message)s"))
    handler.setLevel(level)  # filter at the handler: MkDocs counts its warnings for --strict on its logger
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(min(level, logging.INFO))
    if args.verbose < 2:
        for noisy in ("trafilatura", "htmldate", "charset_normalizer", "MARKDOWN", "courlan"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args)
    from generator.executors import ExecutorError
    from generator.nlp import ModelMissing
    from generator.store import StoreError

    try:
        if args.command == "analyze":
            return _analyze(args)
        from generator import site

        if args.command == "generate":
            return site.generate_command(args)
        if args.command == "build":
            return site.build_command(args)
        if args.command == "serve":
            return site.serve_command(args)
    except ModelMissing as e:
        print(f"summary-site: {e}", file=sys.stderr)
        return 2
    except (ExecutorError, StoreError) as e:
        print(f"summary-site: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _analyze(args) -> int:
    from generator.executors import open_executor
    from generator.ingest import IngestError
    from generator.progress import Progress
    from generator.store import Store

    failed = written = 0
    out = sys.stdout
    store = Store(args.out) if args.out else None
    with Progress(quiet=args.quiet) as progress, open_executor(args) as executor:
        for item in run_pipeline(args, args.paths, progress, executor=executor, store=store):
            if isinstance(item, IngestError):
                failed += 1
                progress.error(item)
                continue
            written += 1
            if store is None:
                out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    if store is not None:
        store.finish()
        if not args.quiet:
            print(f"{written} records in {len(store.used)} shards in {args.out} ({store.reused} shards kept)",
                  file=sys.stderr)
    out.flush()
    return 1 if failed else 0


def run_pipeline(args, paths, progress, executor=None, store=None):
    from generator import pipeline

    cache = None if args.no_cache else args.cache
    return pipeline.run(paths, jobs=args.jobs, cache_dir=cache, progress=progress.advance,
                        filename_pattern=args.filename_pattern, executor=executor, store=store)

"""One summary-site run at a time per docs folder: an OS lock (flock) on the folder itself.

The kernel drops the lock when the holding process ends, however it ends (SIGKILL included), so there is no
stale lock file to clean up, and nothing is written into the project. Forked children (analysis workers)
close their copy at once: a worker orphaned by a killed run must not keep the lock.
Re-entrant within a process: `build` holds it across generate and mkdocs build, which each take it too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no locking (the rest still works)
    fcntl = None

log = logging.getLogger("summary-site")
_held: dict[str, list[int]] = {}
"""Resolved folder -> [descriptor, depth] for the locks this process holds."""


_kept_by_next_child = False


def _close_in_child() -> None:
    global _kept_by_next_child
    if _kept_by_next_child:  # a child doing this process's work (`shared_with_child`); its own children close
        _kept_by_next_child = False
        return
    for fd, _ in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def shared_with_child() -> Iterator[None]:
    """The child forked inside this block keeps this process's locks, re-entrant as here: it does this run's
    work (`site.build` generates in a child, so that the memory of a large site's index is given back before
    MkDocs runs)."""
    global _kept_by_next_child
    _kept_by_next_child = True
    try:
        yield
    finally:
        _kept_by_next_child = False


@contextmanager
def hold(folder: Path) -> Iterator[None]:
    """Hold the lock on `folder` (created if missing). A second run waits, saying so once on stderr."""
    folder.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(folder)
    if key in _held:
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    if fcntl is None:
        yield
        return
    fd = os.open(key, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("%s: another summary-site run (a build, generate or serve) is writing here; "
                        "waiting for it to finish (Ctrl-C to stop)", folder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as e:  # a file system without locks (some network mounts): run unprotected
            log.warning("%s: cannot lock (%s); not protected against a second run at the same time",
                        folder, e.strerror or e)
        _held[key] = [fd, 1]
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)

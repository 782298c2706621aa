"""Atomic replacement on disk: two paths exchanged in one step, a symbolic link re-pointed in one step.

A reader (a web server, `mkdocs gh-deploy`, a user) sees the old thing or the new thing, never a mix or
nothing, and a run killed at any instant leaves one of the two in place. `fault()` is the test hook that kills
the run at named points (the environment variable SUMMARY_SITE_FAULT).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import secrets
import signal
import sys
from functools import lru_cache
from pathlib import Path

FAULT_ENV = "SUMMARY_SITE_FAULT"
"""Comma-separated point names (see the `fault(...)` calls in generator/site.py): the run kills itself there."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux renameat2 flag
_RENAME_SWAP = 2  # macOS renamex_np flag


@lru_cache(maxsize=1)
def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap the names `a` and `b` (both must exist) in one step: Linux renameat2(RENAME_EXCHANGE), macOS
    renamex_np(RENAME_SWAP). False when neither the system nor the file system can (the caller falls back)."""
    libc = _libc()
    fa, fb = os.fsencode(a), os.fsencode(b)
    if libc is None:
        return False
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        done = libc.renameat2(_AT_FDCWD, fa, _AT_FDCWD, fb, _RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(fa, fb, _RENAME_SWAP)
    else:
        return False
    if done == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel, or a file system without exchange
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def point_link(link: Path, target: str) -> None:
    """Make `link` a symbolic link to `target` in one step (a new link renamed over the old one)."""
    tmp = link.with_name(f"{link.name}.tmp-{secrets.token_hex(4)}")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fault(point: str) -> None:
    """Kill this process with SIGKILL if SUMMARY_SITE_FAULT names `point` (fault-injection tests only)."""
    wanted = os.environ.get(FAULT_ENV)
    if wanted and point in wanted.split(","):
        os.kill(os.getpid(), signal.SIGKILL)

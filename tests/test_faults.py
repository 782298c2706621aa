"""Builds that survive crashes, kills and each other: the real CLI in subprocesses, killed with SIGKILL at each
phase, on a read-only docs folder and on a full disk. After each fault docs/ and site/ are complete, old or new,
hand-written pages are untouched, and the next build succeeds and leaves nothing behind."""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import lock, site
from generator.render.pages import GENERATED_DIRS
from tests.conftest import make_project

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL, flock and rlimits: Linux")

BRIDGE = """Council approves a new bridge over the Wensum

The city council voted on Tuesday to build a footbridge between the station and the market.

"This bridge will join two neighbourhoods that have been cut off for decades," said Mayor Jane Holloway,
who backed the plan from the start.

Construction is expected to begin next spring, officials said, and to last about eighteen months.

Residents who opposed the plan said they would keep campaigning against it.
"""
NOTES = "# My notes\n\nHand-written, never touched by summary-site.\n"
HAND_WRITTEN = ("index.md", "about.md", "notes.md")


def _cli(project: Path, cache: Path, *extra: str, env: dict | None = None, quiet: bool = True):
    """The command line of a build in `project`, and the keywords for subprocess."""
    args = ["build", *(["-q"] if quiet else []), "-j", "1", "--seeds", "seeds", "--docs", "docs", "-f", "mkdocs.yml",
            "--cache", str(cache)]
    return [sys.executable, "-m", "generator", *args, *extra], {
        "cwd": project, "env": {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600",
                                **(env or {})}}


def _run(project: Path, cache: Path, *extra: str, env: dict | None = None, preexec=None):
    cmd, kw = _cli(project, cache, *extra, env=env)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, preexec_fn=preexec, **kw)


def _files(root: Path) -> dict[str, str]:
    """Every file under `root` (following the generated folders' links) -> digest of its bytes. Pagefind's
    index is not byte-reproducible between two builds of the same pages, so it counts by its presence."""
    out = {}
    for folder, _, names in os.walk(root, followlinks=True):
        for name in names:
            path = Path(folder, name)
            rel = str(path.relative_to(root))
            if rel.startswith("pagefind/"):
                out["pagefind/"] = "present" if (root / "pagefind" / "pagefind-entry.json").is_file() else "partial"
                continue
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _state(project: Path) -> dict:
    docs = project / "docs"
    generated = {}
    for name in GENERATED_DIRS:
        assert (docs / name).is_dir(), f"docs/{name} is missing"
        generated.update({f"{name}/{k}": v for k, v in _files(docs / name).items()})
    assert (project / "site").is_dir() and not (project / "site").is_symlink()
    return {"site": _files(project / "site"), "docs": generated,
            "hand": {n: (docs / n).read_text(encoding="utf-8") for n in HAND_WRITTEN}}


def _assert_old_or_new(project: Path, old: dict, new: dict) -> None:
    now = _state(project)
    assert now["hand"] == old["hand"]
    assert now["site"] in (old["site"], new["site"]), "site/ is neither the previous site nor the new one"
    assert now["docs"] in (old["docs"], new["docs"]), "docs/ mixes pages of two runs"


def _assert_no_leftovers(project: Path) -> None:
    assert sorted(os.listdir(project)) == ["docs", "mkdocs.yml", "seeds", "site"]
    docs = sorted(os.listdir(project / "docs"))
    stores = [n for n in docs if n.startswith(site.STORE)]
    assert len(stores) == 1, docs
    assert sorted(set(docs) - set(stores)) == sorted({*HAND_WRITTEN, "assets", site.CURRENT, *GENERATED_DIRS})


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An old project (one article, built), the new articles, and the state a build of them gives."""
    tmp = tmp_path_factory.mktemp("faults")
    cache = tmp / "cache"
    old = make_project(tmp / "old")
    (old / "docs" / "notes.md").write_text(NOTES, encoding="utf-8")
    assert _run(old, cache).returncode == 0
    new = make_project(tmp / "new", {"bridge.txt": BRIDGE})
    (new / "docs" / "notes.md").write_text(NOTES, encoding="utf-8")
    assert _run(new, cache).returncode == 0  # fills the cache: later runs do not load the model
    return {"tmp": tmp, "cache": cache, "old": old, "new_seeds": new / "seeds",
            "old_state": _state(old), "new_state": _state(new)}


def _fresh(world, name: str) -> Path:
    """A copy of the old project whose seeds are the new articles."""
    project = world["tmp"] / name
    shutil.copytree(world["old"], project, symlinks=True)
    shutil.rmtree(project / "seeds")
    shutil.copytree(world["new_seeds"], project / "seeds")
    return project


def _recovers(world, project: Path) -> None:
    done = _run(project, world["cache"])
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    now, new = _state(project), world["new_state"]
    for part in now:
        differ = sorted(k for k in now[part].keys() | new[part].keys() if now[part].get(k) != new[part].get(k))
        assert not differ, f"{part}: {differ}"
    _assert_no_leftovers(project)


@pytest.mark.parametrize("point", ["docs-written", "docs-switched", "site-built", "site-swapped"])
def test_killed_at_each_phase(world, point):
    project = _fresh(world, f"kill-{point}")
    done = _run(project, world["cache"], env={"SUMMARY_SITE_FAULT": point})
    assert done.returncode == -signal.SIGKILL, done.stderr
    _assert_old_or_new(project, world["old_state"], world["new_state"])
    _recovers(world, project)


def _safely(check, proc) -> bool:
    try:
        return check(proc)
    except OSError:  # a folder or /proc entry that went away between two looks
        return False


def _kill_when(project: Path, cache: Path, ready, *, env=None) -> None:
    """Start a build, SIGKILL it as soon as `ready()` is true (polled)."""
    cmd, kw = _cli(project, cache, env=env)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    try:
        deadline = time.monotonic() + 300
        while not _safely(ready, proc):
            assert proc.poll() is None, "the build ended before the phase to interrupt"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        proc.kill()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=60)


def test_killed_while_mkdocs_writes_the_site(world):
    project = _fresh(world, "kill-mkdocs")

    def writing(_):
        return any(p.name.startswith(".site-new-") and any(p.iterdir()) for p in project.iterdir())

    _kill_when(project, world["cache"], writing)
    assert any(p.name.startswith(".site-new-") for p in project.iterdir())  # a leftover, for the next run
    _assert_old_or_new(project, world["old_state"], world["new_state"])
    _recovers(world, project)


def test_killed_during_analysis_frees_the_lock(world, tmp_path):
    """Killed once the analysis workers run (a fresh cache): the orphaned workers must not keep the lock."""
    project = _fresh(world, "kill-analysis")
    cache = tmp_path / "cache"

    orphans: list[int] = []

    def analysing(proc):  # the worker processes are forked once the model is loaded
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        orphans.extend(int(p) for p in (children.read_text().split() if children.exists() else []))
        return bool(orphans)

    _kill_when(project, cache, analysing)
    try:
        deadline = time.monotonic() + 10  # the workers die with their parent (PR_SET_PDEATHSIG on Linux)
        while sys.platform.startswith("linux") and any(Path(f"/proc/{p}").exists() for p in orphans) \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        if sys.platform.startswith("linux"):
            alive = [p for p in orphans if Path(f"/proc/{p}").exists()
                     and Path(f"/proc/{p}/stat").read_text().split()[2] != "Z"]
            assert not alive, f"analysis workers outlived the killed build: {alive}"
        _assert_old_or_new(project, world["old_state"], world["new_state"])
        _recovers(world, project)
    finally:
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_killed_without_exchange_the_previous_site_comes_back(world):
    """Where the system cannot exchange two folders, site/ is renamed aside, then the new one in: killed in
    between, the next run puts the previous site back before anything else."""
    project = _fresh(world, "kill-fallback")
    cmd, kw = _cli(project, world["cache"], env={"SUMMARY_SITE_FAULT": "site-moved-aside"})
    script = ("import sys; import generator.swap as s; s.exchange = lambda a, b: False; "
              "from generator.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, *cmd[3:]], capture_output=True, text=True, timeout=600, **kw)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert not (project / "site").exists()  # the one moment without a site
    broken = project / "docs" / "broken.md"
    broken.write_text("# Broken\n\n[a link to nowhere](missing.md)\n", encoding="utf-8")
    failed = _run(project, world["cache"])  # a next build that fails (--strict) still brings the site back
    assert failed.returncode == 2
    assert _state(project)["site"] == world["old_state"]["site"]
    broken.unlink()
    _recovers(world, project)


def test_killed_while_moving_from_plain_folders_to_links(world):
    """A docs/ made by an earlier version (plain generated folders) is moved to links without a moment of mix."""
    project = _fresh(world, "kill-migrate")
    docs = project / "docs"
    for name in GENERATED_DIRS:  # the layout of earlier versions
        real = Path(os.path.realpath(docs / name))
        (docs / name).unlink()
        shutil.copytree(real, docs / name)
    for name in os.listdir(docs):
        if name.startswith(site.STORE) or name == site.CURRENT:
            site._remove(docs / name)
    before = _state(project)
    assert before["docs"] == world["old_state"]["docs"]
    # what killed runs of earlier versions left: a half-swapped docs folder, a site being built, a backup
    (docs / ".summary-site-old-k2j4").mkdir()
    shutil.copytree(docs / "articles", docs / ".summary-site-old-k2j4" / "articles")
    (docs / ".summary-site-new-x9q1" / "actors").mkdir(parents=True)
    shutil.copytree(project / "site", project / ".site-new-a1b2")
    shutil.copytree(project / "site", project / ".site-old")
    done = _run(project, world["cache"], env={"SUMMARY_SITE_FAULT": "docs-linked"})
    assert done.returncode == -signal.SIGKILL, done.stderr
    _assert_old_or_new(project, world["old_state"], world["new_state"])
    _recovers(world, project)


def _no_dac_override() -> None:
    """As root, drop the capabilities that ignore file permissions, so a read-only folder is read-only."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                os._exit(97)


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_read_only_docs_is_one_line_and_loses_nothing(world):
    project = _fresh(world, "read-only")
    docs = project / "docs"
    docs.chmod(0o555)
    try:
        done = _run(project, world["cache"], preexec=_no_dac_override)
        if done.returncode == 97:
            pytest.skip("cannot drop root's permission override here")
        assert done.returncode == 2
        line = _one_error_line(done.stderr)
        assert "docs" in line and "Permission denied" in line
        assert _state(project) == world["old_state"]
    finally:
        docs.chmod(0o755)
    _recovers(world, project)


@pytest.mark.parametrize("limit, phase", [(4_000, "docs"), (200_000, "site")])
def test_full_disk_is_one_line_and_loses_nothing(world, limit, phase):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: writes fail with an error, as on ENOSPC."""
    import resource

    project = _fresh(world, f"full-{phase}")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = _run(project, world["cache"], preexec=small_disk)
    assert done.returncode == 2
    line = _one_error_line(done.stderr)
    assert "File too large" in line
    assert ("mkdocs build failed" in line) == (phase == "site"), line
    now = _state(project)
    assert now["site"] == world["old_state"]["site"] and now["hand"] == world["old_state"]["hand"]
    assert now["docs"] == world["old_state" if phase == "docs" else "new_state"]["docs"]
    _assert_no_leftovers(project)
    _recovers(world, project)


def test_no_space_left_on_a_small_tmpfs_is_one_line_and_loses_nothing(world, tmp_path):
    """A real full disk (ENOSPC), where one can be mounted (root with mount rights; skipped elsewhere)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount") or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        project = disk / "p"
        shutil.copytree(_fresh(world, "enospc"), project, symlinks=True)
        fs = os.statvfs(disk)
        with open(disk / "filler", "wb") as filler:  # leave 300 KB: the pages fit, the site does not
            for _ in range((fs.f_bavail * fs.f_frsize - 300_000) // 65536):
                filler.write(bytes(65536))
        done = _run(project, world["cache"])
        assert done.returncode == 2
        line = _one_error_line(done.stderr)
        assert "No space left on device" in line, line
        now = _state(project)
        assert now["site"] == world["old_state"]["site"] and now["hand"] == world["old_state"]["hand"]
        assert now["docs"] in (world["old_state"]["docs"], world["new_state"]["docs"])
        _assert_no_leftovers(project)
        (disk / "filler").unlink()
        _recovers(world, project)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_second_build_waits_for_the_first(world):
    project = _fresh(world, "lock")
    cmd, kw = _cli(project, world["cache"], quiet=False)
    with lock.hold(project / "docs"):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
        try:
            lines = [proc.stderr.readline()]
            while lines[-1] and "another summary-site run" not in lines[-1] and len(lines) < 20:
                lines.append(proc.stderr.readline())  # (a library's warning on import may come first)
            assert "another summary-site run" in lines[-1] and "waiting" in lines[-1], lines
            assert proc.poll() is None
            assert _state(project) == world["old_state"]
        except BaseException:
            proc.kill()
            raise
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert _state(project) == world["new_state"]


HOLD = "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX); " \
       "print('locked', flush=True); sys.stdin.read()"


def test_serve_rebuilds_take_the_lock_and_a_killed_holder_frees_it(tmp_path):
    from mkdocs.commands import serve

    assert callable(serve.build)  # the name serve_command wraps: MkDocs' serve looks it up on every rebuild
    docs = tmp_path / "docs"
    docs.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(docs)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        calls: list[int] = []
        rebuild = threading.Thread(target=site.locked(lambda: calls.append(1), docs))
        rebuild.start()
        rebuild.join(1.0)
        assert rebuild.is_alive() and not calls  # waits while another run writes docs/
        holder.kill()  # SIGKILL: the kernel drops the lock
        rebuild.join(60)
        assert calls == [1]
    finally:
        holder.kill()
        holder.wait()


def _sleep_after(started) -> None:
    started.set()
    time.sleep(60)


def test_forked_children_do_not_keep_the_lock(tmp_path):
    import multiprocessing

    docs = tmp_path / "docs"
    ctx = multiprocessing.get_context("fork")
    started = ctx.Event()
    with lock.hold(docs):
        child = ctx.Process(target=_sleep_after, args=(started,))
        child.start()
    try:
        assert started.wait(60)  # the child runs (its copy of the descriptor is closed right after the fork)
        probe = subprocess.run(
            [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
             "fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)", str(docs)], capture_output=True, text=True, timeout=60)
        assert probe.returncode == 0, probe.stderr  # free, though the child still runs
    finally:
        child.kill()
        child.join()


@pytest.mark.parametrize("site_dir", [".", "docs/site"])
def test_a_site_folder_holding_the_docs_or_inside_them_is_refused(tmp_path, capsys, nlp, site_dir):
    """Replacing such a `site/` would delete the project (or copy the site into itself): one line, nothing lost."""
    from generator.cli import main

    project = make_project(tmp_path / "p")
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    code = main(["build", "-q", "--no-cache", "-j", "1", "--seeds", str(project / "seeds"), "--docs",
                 str(project / "docs"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / site_dir)])
    assert code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.splitlines()[-1].startswith("error: ")
    assert {p.relative_to(project) for p in project.rglob("*")} >= set(before)


def _pages(word: str) -> dict[str, str]:
    return {f"{name}/index.md": f"# {name} {word}\n" for name in GENERATED_DIRS}


@pytest.mark.parametrize("exchange", [True, False])
def test_write_generated_moves_plain_folders_to_links_and_refreshes(tmp_path, monkeypatch, exchange):
    """From an earlier version's plain folders to links, then new pages, then the same pages again; with the
    system's exchange and without it."""
    if not exchange:
        monkeypatch.setattr(site.swap, "exchange", lambda a, b: False)
    docs = tmp_path / "docs"
    for name in GENERATED_DIRS:
        (docs / name).mkdir(parents=True)
        (docs / name / site.MARKER).write_text("made by summary-site\n")
        (docs / name / "index.md").write_text(f"# {name} old\n")
    (docs / "index.md").write_text("# Mine\n")

    def shown() -> dict[str, str]:
        return {k: v for k, v in _files(docs).items() if not k.startswith(".summary-site-pages") and
                not k.endswith(site.MARKER)}

    def texts() -> dict[str, str]:
        return {f"{n}/index.md": (docs / n / "index.md").read_text() for n in GENERATED_DIRS}

    assert texts() == _pages("old")
    site.write_generated(docs, _pages("new"))
    assert all(os.readlink(docs / n) == f"{site.CURRENT}/{n}" for n in GENERATED_DIRS)
    assert texts() == _pages("new") and (docs / "index.md").read_text() == "# Mine\n"
    first = shown()
    (docs / "articles" / "index.md").write_text("tampered\n")
    site.write_generated(docs, _pages("new"))  # the same pages: the same set, refreshed where it can be
    if exchange:
        assert shown() == first
    site.write_generated(docs, _pages("newer"))
    assert texts() == _pages("newer")
    assert len([n for n in os.listdir(docs) if n.startswith(site.STORE)]) == 1
    assert not [n for n in os.listdir(docs) if n.startswith(site.LEFTOVER_PREFIXES) or ".tmp-" in n]

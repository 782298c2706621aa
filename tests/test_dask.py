"""Analysis on a Dask cluster (a 2-worker LocalCluster here) and the records store.

The cluster must give the local pool's records byte for byte, lose only a killed worker's shard, stop
cleanly on Ctrl-C, and say in one line when it cannot run; the store must round-trip what `analyze`
prints and recompute only the shards whose articles changed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.store import Store, read
from tests.conftest import SEED

distributed = pytest.importorskip("distributed")

ARTICLES = {
    "harbour.txt": """Harbour authority approves new ferry terminal in Portsmouth

The Portsmouth harbour authority approved plans on Tuesday for a new ferry terminal, ending a two-year dispute
with residents over traffic and noise.

"This terminal will carry a million passengers a year and it will be quieter than the old one," said Margaret
Ellison, the authority's chief executive.

Local councillor David Okafor said residents had been heard, but warned that lorries would still queue on the
main road into the city.

Work is due to start in March, and the first sailings to Caen and Bilbao are planned for the summer of 2028.
""",
    "drought.txt": """Farmers in Andalusia ask Madrid for drought aid

Farmers in the southern Spanish region of Andalusia asked the government in Madrid on Monday for emergency
aid after the driest spring in sixty years.

The regional farmers' union, Asaja, said olive growers expected to lose half of this year's harvest.
"We cannot water trees with promises," said its president, Ricardo Serra.

Spain's agriculture minister, Luis Planas, told reporters that a package would be presented to the cabinet
next week. He said the European Commission had been asked to release reserve funds.
""",
    "orchestra.txt": """Vienna orchestra names its first woman principal conductor

The Vienna Radio Symphony Orchestra has named the Finnish conductor Eva Ollikainen as its principal
conductor, the first woman to hold the post in its ninety-year history.

Ollikainen, 43, will take up the position in September. "It is an orchestra that is never afraid of new
music," she said in a statement released by the broadcaster ORF.

The orchestra's manager, Christoph Becker, said the appointment followed two years of guest concerts in
Vienna and Salzburg that had sold out within days.
""",
}


def _corpus(folder, copies: int = 1):
    """The articles above, each `copies` times under its own title, so there is more than one shard."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for name, text in ARTICLES.items():
            title, rest = text.split("\n", 1)
            (folder / f"{i:02d}-{name}").write_text(f"{title} ({i + 1})\n{rest}", encoding="utf-8")
    return folder


def _dumps(items) -> list[str]:
    return [json.dumps(r.to_dict(), ensure_ascii=False) if hasattr(r, "to_dict") else f"error: {r}" for r in items]


@pytest.fixture(scope="module")
def cluster():
    from generator.executors import DaskExecutor

    with DaskExecutor(jobs=2) as executor:
        yield executor.start()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("dask") / "articles", copies=12)  # 36 articles: 3 shards


@pytest.fixture(scope="module")
def local_records(corpus, nlp):
    return _dumps(pipeline.run([corpus], jobs=2, cache_dir=None))


def test_the_model_loads_once_per_worker_through_a_plugin(cluster):
    info = cluster.client.run(lambda: (os.getpid(), __import__("generator.nlp").nlp.load.cache_info().currsize))
    assert len(info) == 2 and all(size == 1 for _, size in info.values())
    assert all(pid != os.getpid() for pid, _ in info.values())


def test_dask_records_are_the_local_pools_byte_for_byte(cluster, corpus, local_records):
    records = _dumps(pipeline.run([corpus], cache_dir=None, executor=cluster))
    assert len(records) == 36 and not any(r.startswith("error") for r in records)
    assert records == local_records


def test_batches_in_flight_keep_the_order(cluster, corpus, local_records, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 8)  # 5 batches, all in flight at once (the window is 8)
    assert cluster.window == 8
    assert _dumps(pipeline.run([corpus], cache_dir=None, executor=cluster)) == local_records


def _alive(pid: int) -> bool:
    """The process runs: it exists and is no zombie (killed, but not yet reaped by its parent)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_worker_costs_only_its_shard_which_is_retried(cluster, corpus, local_records):
    client = cluster.client
    pids = client.run(os.getpid)
    killed = {}

    def kill_a_busy_worker():
        deadline = time.time() + 60
        while time.time() < deadline and not killed:
            for addr, tasks in client.processing().items():
                if tasks and addr in pids:
                    time.sleep(0.3)  # well into the shard
                    os.kill(pids[addr], signal.SIGKILL)
                    killed[addr] = pids[addr]
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    records = _dumps(pipeline.run([corpus], cache_dir=None, executor=cluster))
    killer.join()
    assert killed, "no worker was busy"
    (pid,) = killed.values()
    deadline = time.time() + 30  # the nanny reaps it; under load a killed process stays a zombie a while
    while _alive(pid) and time.time() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)
    assert records == local_records
    client.wait_for_workers(2, timeout=60)  # the nanny replaced it, with the model loaded by the plugin


def test_a_worker_with_other_code_is_refused():
    from generator.executors import VersionMismatch, _analyse_shard

    with pytest.raises(VersionMismatch, match="same summary-site"):
        _analyse_shard("not-this-version", [])


def test_analyze_out_then_read_round_trips_and_resumes(tmp_path, nlp, monkeypatch, capsys):
    monkeypatch.setattr(pipeline, "BATCH", 2)  # shards of two files
    articles = _corpus(tmp_path / "articles")
    (articles / "zz-bad.txt").write_bytes(b"\x00\x01\x02" * 500)
    printed = tmp_path / "records.jsonl"
    assert main(["analyze", "-q", "--no-cache", str(articles)]) == 1
    printed.write_text(capsys.readouterr().out, encoding="utf-8")
    store = tmp_path / "store"

    assert main(["analyze", "--no-cache", str(articles), "--out", str(store)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "zz-bad.txt: not a text file" in err and "3 records in 2 shards" in err and "(0 shards kept)" in err
    names = json.loads((store / "manifest.json").read_text())["shards"]
    assert sorted(p.name for p in store.iterdir()) == sorted([*names, "manifest.json"])
    assert _dumps(r for r in read(str(store)) if hasattr(r, "id")) == _dumps(read(str(printed)))
    assert [str(e) for e in read(str(store)) if not hasattr(e, "id")] == [
        f"{articles / 'zz-bad.txt'}: not a text file (binary content)"]

    # unchanged: nothing analysed; one article changed: only its shard
    stats = {}
    assert len(list(pipeline.run([articles], cache_dir=None, store=Store(str(store)), stats=stats))) == 4
    assert stats["analysed"] == 0
    first = sorted(articles.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8").replace("Monday", "Sunday"), encoding="utf-8")
    resumed = Store(str(store))
    assert len(list(pipeline.run([articles], cache_dir=None, store=resumed, stats=stats))) == 4
    assert stats["analysed"] == 2 and resumed.reused == 1  # the changed article and its shard mate
    resumed.finish()
    assert len(list(store.glob("shard-*.jsonl"))) == 2  # the stale shard is gone
    assert any("Sunday" in " ".join(r.paragraphs) for r in read(str(store)) if hasattr(r, "id"))


def test_generate_from_stored_records_writes_the_same_pages(tmp_path, nlp):
    from tests.conftest import make_project

    project = make_project(tmp_path / "p", {"b.txt": ARTICLES["drought.txt"], "c.txt": ARTICLES["harbour.txt"]})
    seeds, docs, again = project / "seeds", project / "docs", tmp_path / "docs2"
    config = ["-f", str(project / "mkdocs.yml")]  # the project's settings (a page for every actor)
    assert main(["generate", "-q", "--no-cache", "--seeds", str(seeds), "--docs", str(docs), *config]) == 0
    assert main(["analyze", "-q", "--no-cache", str(seeds), "--out", str(tmp_path / "store")]) == 0
    assert main(["generate", "-q", "--records", str(tmp_path / "store"), "--docs", str(again),
                 "--seeds", str(tmp_path / "nowhere"), *config]) == 0

    def pages(root):  # the generated folders are links into one page set: follow them
        return {(Path(d) / n).relative_to(root).as_posix(): (Path(d) / n).read_bytes()
                for d, _, names in os.walk(root, followlinks=True) for n in names
                if n.endswith(".md") and Path(d).relative_to(root).parts[:1] in (
                    ("articles",), ("actors",), ("places",), ("quotes",), ("tags",))}

    assert len(pages(docs)) > 10 and pages(again) == pages(docs)


def test_a_bad_line_in_a_records_file_is_one_error_and_the_rest_builds(tmp_path, seed_record, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(seed_record.to_dict()) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n",
                       encoding="utf-8")
    assert main(["generate", "-q", "--records", str(records), "--docs", str(tmp_path / "docs")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("not a summary-site record" in line for line in err)
    assert f"{records}:2" in err[0] and f"{records}:3" in err[1]
    assert len(list((tmp_path / "docs" / "articles").glob("*.md"))) == 2  # the article and the index


def test_an_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch, capsys):
    from generator import executors

    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 2)
    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = main(["analyze", "-q", "--no-cache", str(SEED), "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in err[0]


def test_without_dask_the_executor_says_what_to_install():
    code = ("import sys; sys.modules['distributed'] = None; from generator.cli import main; "
            f"raise SystemExit(main(['analyze', '--no-cache', {str(SEED)!r}, '--executor', 'dask']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["summary-site: error: --executor dask needs Dask: "
                                               "pip install 'summary-site[dask]'"]


def test_ctrl_c_stops_the_local_cluster_and_leaves_no_worker(tmp_path):
    import psutil

    articles = _corpus(tmp_path / "articles", copies=20)
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "analyze", "--no-cache", "--executor", "dask", "-j", "2", str(articles)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal
    def loaded():  # workers holding the model: the cluster is up (a Ctrl-C while it spawns is not seen)
        return [c for c in psutil.Process(proc.pid).children(recursive=True) if c.memory_info().rss > 250 * 2**20]

    deadline = time.time() + 120
    while len(loaded()) < 2 and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    children = psutil.Process(proc.pid).children(recursive=True)
    assert len(loaded()) == 2
    os.killpg(proc.pid, signal.SIGINT)  # the terminal sends Ctrl-C to the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err.decode().strip() == ""
    time.sleep(0.5)
    assert [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE] == []


def test_the_store_takes_any_fsspec_url(tmp_path, nlp, capsys):
    articles = _corpus(tmp_path / "articles")
    url = f"memory://summary-site-test-{os.getpid()}/records"
    assert main(["analyze", "-q", "--no-cache", str(articles), "--out", url]) == 0
    assert main(["analyze", "-q", "--no-cache", str(articles)]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.to_dict() for r in read(url)] == printed
    assert main(["generate", "-q", "--records", url, "--docs", str(tmp_path / "docs")]) == 0
    assert len(list((tmp_path / "docs" / "articles").glob("*.md"))) == 4

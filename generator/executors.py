"""Where analysis runs: the local pool of forked processes, or a Dask cluster, behind one small interface.

An executor turns `[(key, Article), ...]` into `(key, record dict or error message)` pairs, in input order.
The Dask one ships articles (plain data) out in shards and gets plain-dict records back, never spaCy
`Doc`s, whose pickles drag the whole vocabulary along. Each worker loads the model and the lookup tables
once (a `WorkerPlugin`) and analyses a shard in the same chunks, with the same code, as the local pool,
so the records are byte-identical.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from generator.records import Article

log = logging.getLogger(__name__)
SHARD = 16
"""Articles per Dask task: two local-pool chunks; small enough that the last tasks of a batch finish together."""
CONNECT_TIMEOUT = 20
"""Seconds to wait for a scheduler before giving up with one line."""
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Our own workers do not sample their stacks every 10 ms for a dashboard nobody opens."""
INSTALL_HINT = "--executor dask needs Dask: pip install 'summary-site[dask]'"


class ExecutorError(RuntimeError):
    """The executor cannot run at all (Dask missing, scheduler unreachable or lost); the message is one line."""


class Executor(Protocol):
    """`analyse` may start the work at once (a cluster does, and says through an optional `window` how many
    batches pipeline.run should keep in flight); its results are read in input order."""

    def analyse(self, todo: list[tuple[str, Article]]) -> Iterator[tuple[str, dict | str]]: ...

    def close(self) -> None: ...


class LocalPool:
    """Forked worker processes on this machine, sharing the model loaded once in the parent."""

    def __init__(self, jobs: int = 0):
        self.jobs = jobs

    def analyse(self, todo: list[tuple[str, Article]]) -> Iterator[tuple[str, dict | str]]:
        from generator import pipeline

        if todo:
            pipeline._warm_up()
        yield from pipeline._analyse_all(todo, self.jobs)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- Dask ------------------------------------------------------------------------------------------------

class VersionMismatch(RuntimeError):
    """A worker runs other analysis code or another model than the client: its records would differ."""


def _model_plugin(local: bool):
    from distributed import WorkerPlugin

    class ModelPlugin(WorkerPlugin):
        """Load the model and lookup tables once per worker, when it joins (restarted workers too).
        Workers of our own local cluster also get the local pool's memory cap."""

        name = "summary-site-model"

        def setup(self, worker) -> None:
            from generator import pipeline

            if local:
                pipeline._worker_init()
            pipeline._warm_up()

    return ModelPlugin()


def _analyse_shard(version: str, shard: list[tuple[str, dict]]) -> list[tuple[str, dict | str]]:
    """Runs on a worker: the local pool's chunk function over each CHUNK of the shard."""
    from generator import pipeline

    mine = pipeline.pipeline_version()
    if mine != version:
        raise VersionMismatch(f"worker {os.uname().nodename} runs pipeline {mine}, this client {version}: "
                              "install the same summary-site and model on every worker")
    items = [(k, Article(**a)) for k, a in shard]
    out: list[tuple[str, dict | str]] = []
    for i in range(0, len(items), pipeline.CHUNK):
        out.extend(pipeline._analyse_chunk(items[i:i + pipeline.CHUNK]))
    return out


@contextmanager
def _sigint_ignored():
    """Worker processes spawned in here ignore the terminal's Ctrl-C for life (an ignored signal stays ignored
    across exec, and Python and asyncio then leave it alone), so this process alone gets it and shuts the
    cluster down in order. The price: a Ctrl-C during these few seconds of spawning is lost."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _is_scheduler_file(address: str) -> bool:
    return "://" not in address and (address.endswith(".json") or Path(address).is_file())


class DaskExecutor:
    """A `LocalCluster` of `jobs` worker processes, or the existing cluster at `scheduler`
    (an address such as tcp://host:8786, or a scheduler file), reached on the first article to analyse, so
    a run with everything cached costs no cluster. A context manager: leaving it, by an error or Ctrl-C
    too, cancels the work and shuts a local cluster down with its workers."""

    def __init__(self, jobs: int = 0, scheduler: str | None = None):
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ExecutorError(INSTALL_HINT) from None
        if scheduler and _is_scheduler_file(scheduler) and not Path(scheduler).is_file():
            raise ExecutorError(f"{scheduler}: no such scheduler file")
        self.jobs, self.scheduler = jobs, scheduler
        self.cluster = None
        self.client = None

    def start(self) -> DaskExecutor:
        """Start or reach the cluster and register the model plugin (once)."""
        import dask
        import distributed

        if self.client is not None:
            return self
        scheduler = self.scheduler
        try:
            if scheduler is None:
                # workers' own log lines are Dask's housekeeping (a heartbeat to a scheduler that is closing):
                # what matters to the user comes back through the futures
                with _sigint_ignored(), dask.config.set(LOCAL_WORKER_CONFIG):
                    self.cluster = distributed.LocalCluster(
                        n_workers=max(1, self.jobs or os.cpu_count() or 1), threads_per_worker=1, processes=True,
                        dashboard_address=":0", silence_logs=logging.CRITICAL)
                self.client = distributed.Client(self.cluster, timeout=CONNECT_TIMEOUT)
            elif _is_scheduler_file(scheduler):
                self.client = distributed.Client(scheduler_file=scheduler, timeout=CONNECT_TIMEOUT)
            else:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            self.client.register_plugin(_model_plugin(local=self.cluster is not None))
        except (OSError, TimeoutError, ValueError, RuntimeError) as e:  # RuntimeError: a local worker failed to start
            self.__exit__(type(e))
            where = f"at {scheduler}" if scheduler else "(a local cluster)"
            raise ExecutorError(f"cannot reach the Dask scheduler {where}: {e or type(e).__name__}") from None
        except BaseException as e:
            self.__exit__(type(e))
            raise
        from generator.pipeline import pipeline_version

        self.version = pipeline_version()
        return self

    @property
    def window(self) -> int:
        """Batches to keep in flight: enough shards queued to keep every worker thread busy (twice over),
        and at least two, so the next batch is analysed while this one's records are collected."""
        from generator import pipeline

        if self.client is None:
            return 1
        threads = sum(self.client.nthreads().values()) or 1
        return max(2, -(-2 * threads * SHARD // pipeline.BATCH))

    def analyse(self, todo: list[tuple[str, Article]]) -> Iterator[tuple[str, dict | str]]:
        """Sends the shards out now; the results come back, in input order, as the iterator is read."""
        if not todo:
            return iter(())
        self.start()
        plain = [(k, asdict(a)) for k, a in todo]
        shards = [plain[i:i + SHARD] for i in range(0, len(plain), SHARD)]
        return self._collect(shards, [self._submit(s) for s in shards])

    def _collect(self, shards, futures) -> Iterator[tuple[str, dict | str]]:
        """A shard whose workers kept dying is split and its articles retried one by one, so only the article
        that kills a worker is reported."""
        try:
            for shard, future in zip(shards, futures):
                try:
                    yield from self._result(future)
                except _Failed:
                    for item in shard:
                        try:
                            yield from self._result(self._submit([item]))
                        except _Failed as e:
                            yield item[0], f"analysis crashed ({e})"
        finally:
            if self.client is not None and self.client.status == "running":
                self.client.cancel([f for f in futures if not f.done()])

    def _submit(self, shard: list[tuple[str, dict]]):
        if self.client.status != "running":
            raise ExecutorError("lost the Dask scheduler")
        return self.client.submit(_analyse_shard, self.version, shard, pure=False, retries=1)

    def _result(self, future) -> list[tuple[str, dict | str]]:
        from distributed import KilledWorker

        try:
            return future.result()
        except VersionMismatch as e:
            raise ExecutorError(str(e)) from None
        except KilledWorker:
            raise _Failed("the worker process died each time, perhaps out of memory") from None
        except (OSError, TimeoutError) as e:
            raise ExecutorError(f"lost the Dask scheduler: {e or type(e).__name__}") from None
        except Exception as e:  # noqa: BLE001  a task error other than an article's: its articles are retried
            if self.client.status not in ("running", "connecting"):
                raise ExecutorError(f"lost the Dask scheduler: {e or type(e).__name__}") from None
            raise _Failed(f"{type(e).__name__}: {e}") from None

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.close()
            except Exception:  # noqa: BLE001  closing is best effort: the cluster below is what matters
                log.debug("closing the Dask client failed", exc_info=True)
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:
            self.close()
            return
        logging.disable(logging.CRITICAL)  # workers stopped mid-article: their farewells are noise, not news
        try:
            self.close()
        finally:
            logging.disable(logging.NOTSET)


class _Failed(Exception):
    pass


def open_executor(args) -> LocalPool | DaskExecutor:
    """The executor the command line asked for (`--executor`, `--scheduler`, `--jobs`)."""
    kind = getattr(args, "executor", "local")
    scheduler = getattr(args, "scheduler", None)
    if kind == "dask":
        return DaskExecutor(args.jobs, scheduler)
    if scheduler:
        raise ExecutorError("--scheduler needs --executor dask")
    return LocalPool(args.jobs)

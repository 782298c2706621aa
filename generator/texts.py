"""Article texts kept on disk while a site is generated: the one part of a record only its own page needs.

The paragraphs are about half of a record. `generate` moves them here as the records stream in, so the
index of a 100,000-article site holds names, quotes and summaries but not the text (benchmarks/shards.py
measures the peak). The article page, the story grouping and the records download read each text back,
one at a time, by record id.
"""

from __future__ import annotations

import json
import os
import tempfile


class Texts:
    """Paragraphs by record id, in an unnamed temporary file (gone when closed, or when the process ends).
    Unbuffered, and read back at an offset (`os.pread`): a forked process can read it while this one does."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(buffering=0)
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def put(self, rid: str, paragraphs: list[str]) -> bytes:
        """Store the paragraphs under `rid`; returns the bytes stored (their JSON), for a caller that hashes them."""
        data = json.dumps(paragraphs, ensure_ascii=False).encode("utf-8", "surrogatepass")
        self._file.seek(self._end)
        view = memoryview(data)
        while view:  # unbuffered: a write may take part of it
            view = view[self._file.write(view):]
        self._where[rid] = (self._end, len(data))
        self._end += len(data)
        return data

    def get(self, rid: str) -> list[str]:
        """The paragraphs put under `rid` ([] when none were)."""
        return json.loads(self.raw(rid))

    def raw(self, rid: str) -> str:
        """The paragraphs put under `rid` as the JSON text they are stored as ("[]" when none were)."""
        if rid not in self._where:
            return "[]"
        start, size = self._where[rid]
        data = os.pread(self._file.fileno(), size, start)
        while len(data) < size:  # a short read (a signal): the rest
            more = os.pread(self._file.fileno(), size - len(data), start + len(data))
            if not more:
                raise OSError(f"the stored text of {rid} is cut short")
            data += more
        return data.decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Texts:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

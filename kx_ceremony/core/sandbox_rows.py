"""A sheet's cells sent by the reader child in chunks, so the parent starts on the first
rows while the child is still converting the rest.

The child (``send_rows``) announces how many rows the sheet has, then sends them in
chunks, converting each from calamine's cells just before it goes. The parent gets a
``SheetRows`` at once: a sequence whose length is the announced count, and whose rows
are received when something first reads them (a pipe holds only a chunk or so, so the
child converts while the parent works on the rows it already has: the child makes a
row about three times faster than the parent turns it into a nominee).

The parent trusts no count it has not checked: the announced one is held to the sheet
limits it asked for (sandbox.Limits), every chunk must be a non-empty list of rows,
and the rows must add up to the announced count exactly; anything else ends the child
and is a ReaderCrashed, as a dead child is. Receiving goes through
``sandbox.Workbook``, with its time limit, Ctrl+C and crash handling; a failure while
the rows arrive surfaces where they are read, through ``boundary`` (reading.Source
makes it the one sentence the user is told).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

FIRST_CHUNK = 400  # rows: the header search and the column samples need only these
CHUNK_ROWS = 4000  # rows per chunk after the first (a chunk is ~150 KB pickled)


def row_count(sheet: Any) -> int:
    """How many rows ``to_python(skip_empty_area=False)`` gives: those above the used
    area as well (``iter_rows`` gives the same rows, without the empty columns before)."""
    end = sheet.end
    return 0 if end is None else end[0] + 1


def send_rows(conn: Any, sheet: Any, extra: object = None) -> None:
    """(child) Announce the sheet's rows and send them in chunks, each with every
    repeated text one object (``share``)."""
    total = row_count(sheet)
    conn.send(("stream", total, extra))
    if not total:
        return
    start = sheet.start
    pad = [""] * (start[1] if start else 0)  # the empty columns before the used area
    seen: dict[str, str] = {}
    share = seen.setdefault
    chunk: list[list[object]] = []
    size = FIRST_CHUNK
    for row in sheet.iter_rows():
        if pad:
            row = pad + row
        chunk.append([share(c, c) if c.__class__ is str else c for c in row])
        if len(chunk) >= size:
            conn.send(("chunk", chunk))
            chunk, size = [], CHUNK_ROWS
    if chunk:
        conn.send(("chunk", chunk))


class SheetRows(Sequence):
    """The rows of one sheet as they arrive from the reader child (see the module's
    docstring). Reading row i waits until it has come; ``len`` never waits."""

    def __init__(self, total: int, pull: Callable[[], list[list[object]]]) -> None:
        """``pull`` returns the next chunk (checked by the caller: a non-empty list that
        does not go past ``total``) or raises."""
        self._rows: list[list[object]] = []
        self._total = total
        self._pull: Callable[[], list[list[object]]] | None = pull if total else None
        # Around each receive: what a failure becomes (reading.Source sets it).
        self.boundary: Callable[[], contextlib.AbstractContextManager[object]] = (
            contextlib.nullcontext
        )

    @property
    def complete(self) -> bool:
        return self._pull is None

    def finish(self) -> None:
        """Receive every row still to come."""
        self._fill(self._total)

    def _fill(self, count: int) -> None:
        rows = self._rows
        while len(rows) < count:
            with self.boundary():
                rows.extend(self._pull())  # type: ignore[misc] - None only once all came
            if len(rows) >= self._total:
                self._pull = None

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, at):  # type: ignore[no-untyped-def, override]
        if isinstance(at, slice):
            start, stop, step = at.indices(self._total)
            if step > 0:
                self._fill(stop)
                return self._rows[start:stop:step]
            self._fill(self._total)
            return self._rows[at]
        if at < 0:
            at += self._total
        if not 0 <= at < self._total:
            raise IndexError("row index out of range")
        self._fill(at + 1)
        return self._rows[at]

    def __iter__(self) -> Iterator[list[object]]:
        done = 0
        rows = self._rows
        while done < self._total:
            if done >= len(rows):
                self._fill(done + 1)
            end = len(rows)
            yield from rows[done:end]
            done = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SheetRows, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SheetRows({len(self._rows)} of {self._total} received)"

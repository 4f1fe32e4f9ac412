"""Workbooks parsed in a child process: a hostile file may kill the child, never the program.

python-calamine is fast but trusts its input: a 2 KB .xlsx whose one cell sits at
XFD200000 makes it allocate 100 GB, and Rust aborts the whole process (exit 134, its
panic text on the terminal); in the window that closes the program. So the workbook is
opened and read in a child process with a memory limit (RLIMIT_AS, POSIX) and a time
limit per request; the parent gets sheet names and rows, or an exception it turns into
one sentence (``reading.reader_boundary``). The child's stdout and stderr go to a
temporary file that is logged, never shown.

How the child starts (``START_METHOD``):

* Linux: ``fork``. Cheap (a millisecond or two, see benchmarks/sandbox_cost.py), and the
  child starts with calamine already imported. The window forks from a worker thread
  while Qt's threads run; that is safe here because the child only ever runs calamine
  (Rust, its allocator is glibc's malloc, which is fork-safe) and pure Python (pickle,
  the pipe), never Qt, logging, SQLite or a database driver, and it leaves through
  ``os._exit`` (multiprocessing's fork child), so no inherited handle or finaliser runs.
  python-calamine is imported in the parent before the fork, so the child imports
  nothing. Inherited descriptors of the store are never closed early by the child, and
  POSIX record locks belong to the parent process anyway, so the store's locks stay.
* Windows (and macOS): ``spawn``, a fresh interpreter that imports only this module (with
  sandbox_confine.py) and python-calamine. There is no address-space limit on Windows
  without a job object (not in the standard library's reach without ctypes plumbing we
  cannot test here), so the time limit and the pre-checks (``importing.inspection``)
  guard it; a crash or an abort of the child is still only a refused file.

One child serves one opened workbook (``Workbook``): it opens the file once, answers one
request per sheet (its rows in chunks, the parent working on the first while the child
converts the rest: sandbox_rows.py), and exits when the parent closes it, dies, or asks
nothing for a long time. Given ``read_ahead`` (fork only: importing/prefetch.py), it
parses the sheet the parent will most likely ask for before it is asked, while the
parent starts up; ``read_ahead``'s guard checks that sheet's size (on the child's main
thread, while a second one parses: ``_read_ahead``); the request is answered as always.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import warnings
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait

from kx_ceremony.core.sandbox_confine import confine, output_tail
from kx_ceremony.core.sandbox_rows import SheetRows, send_rows

START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
MEMORY_BUDGET = 2 * 1024**3  # bytes the child may add to the address space it starts with
TIME_LIMIT = 120.0  # seconds for opening the file, and again for reading each sheet
IDLE_LIMIT = 3600.0  # a child nobody asks anything for this long leaves

# Python 3.12+ warns that fork() in a process with threads "may lead to deadlocks in the
# child". Our child never touches a lock another thread could hold (see above).
warnings.filterwarnings(
    "ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning
)


class ReaderFailed(Exception):
    """The reader raised (a damaged file, a password, a Rust panic caught by pyo3)."""

    def __init__(self, type_name: str, detail: str) -> None:
        super().__init__(f"{type_name}: {detail}")
        self.type_name = type_name


class ReaderCrashed(Exception):
    """The child died (abort, signal, memory limit) or ran out of time."""

    def __init__(self, why: str, output: str = "") -> None:
        super().__init__(why)
        self.why = why
        self.output = output  # the child's stderr (a Rust panic, say): for the log only


class SheetTooBig(Exception):
    """The sheet's cell range exceeds the limits the parent asked for."""


@dataclass(frozen=True)
class Limits:
    rows: int
    columns: int
    cells: int


# read_ahead(path, sheet names, hidden sheets) -> (sheet name, Limits, guard) for the sheet
# to parse ahead, or None. guard() makes the parent's checks, raising where the parent
# would refuse, and returns what the parent gets with the cells.
ReadAhead = Callable[[str, list[str], list[str]], "tuple[str, Limits, Callable[[], object]] | None"]


class Workbook:
    """A workbook opened in a child process: sheet names, hidden sheets, rows on demand."""

    def __init__(
        self,
        path: str,
        *,
        time_limit: float | None = None,
        by_content: bool = False,
        read_ahead: ReadAhead | None = None,
    ) -> None:
        """``by_content``: open the bytes as a workbook whatever the file's name says (an
        .xlsx saved as .xls: calamine otherwise chooses its reader by the extension).
        ``read_ahead`` (fork only): the child calls it with (path, sheet names, hidden
        sheets) and parses the sheet it names, within the Limits it gives, before being
        asked; then this returns at once, and ``wait_ready`` gets the sheet names."""
        self.time_limit = TIME_LIMIT if time_limit is None else time_limit
        context = multiprocessing.get_context(START_METHOD)
        forked = context.get_start_method() == "fork"
        if not forked:
            read_ahead = None  # the function would have to be pickled: not worth it
        if forked:
            import python_calamine  # noqa: F401 - imported here so the child imports nothing
        handle, self._output = tempfile.mkstemp(prefix="kx-reader-", suffix=".txt")
        os.close(handle)
        self._conn, child_end = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child_end, path, self._output, MEMORY_BUDGET, by_content, read_ahead),
            daemon=True,
        )
        try:
            self._process.start()
        finally:
            child_end.close()
        self._kill = [True]  # until it has answered, a child is killed, not asked to leave
        self._finalizer = weakref.finalize(
            self, _stop, self._process, self._conn, self._output, self._kill, forked
        )
        self.sheet_names: list[str] = []
        self.hidden: set[str] = set()
        self._ready = False
        self._reads_ahead = read_ahead is not None
        self._stream: SheetRows | None = None  # the sheet whose rows are still arriving
        self._left = 0  # rows it has still to send
        self._budget = 0.0  # seconds left of the time limit for them
        if read_ahead is None:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Wait until the child has opened the file: its sheet names, hidden sheets."""
        if not self._ready:
            _, names, hidden = self._ask(None)
            self.sheet_names, self.hidden, self._ready = names, set(hidden), True

    def rows(self, name: str, limits: Limits) -> SheetRows:
        """The sheet's cells as Python values, arriving as they are read
        (sandbox_rows.py); SheetTooBig past the limits."""
        if self._stream is not None:  # the rest of a sheet still arriving comes first
            self._stream.finish()
        reply = self._ask(("sheet", name, limits))
        if reply[0] == "too_big":
            raise SheetTooBig(name)
        return self._open_stream(reply[1], limits)

    def rows_read_ahead(self, name: str, limits: Limits) -> tuple[SheetRows, object] | None:
        """(cells, what read_ahead gave besides) when the child read this sheet ahead,
        its guard passed; None when it did not (ask ``rows`` then, as always)."""
        if not self._reads_ahead:
            return None
        if self._stream is not None:  # the rest of a sheet still arriving comes first
            self._stream.finish()
        reply = self._ask(("ahead", name, limits))
        if reply[0] == "too_big":
            raise SheetTooBig(name)
        return None if reply[0] == "not_ahead" else (self._open_stream(reply[1], limits), reply[2])

    def _open_stream(self, total: object, limits: Limits) -> SheetRows:
        if total.__class__ is not int or not 0 <= total <= limits.rows:  # type: ignore[operator]
            output = self.output
            self.close()
            raise ReaderCrashed(f"reader announced {total!r} rows", output)
        self._kill[0] = bool(total)  # a child sending rows is killed, not asked to leave
        rows = SheetRows(total, self._next_chunk)  # type: ignore[arg-type]
        if total:
            self._stream, self._left, self._budget = rows, total, self.time_limit  # type: ignore[assignment]
        return rows

    def _next_chunk(self) -> list[list[object]]:
        """The next chunk of the sheet being sent, checked against what was announced."""
        started = time.monotonic()
        reply = self._ask(None, self._budget, busy=True)
        self._budget -= time.monotonic() - started
        chunk = reply[1] if reply[0] == "chunk" and len(reply) == 2 else None
        rows_ok = chunk.__class__ is list and 0 < len(chunk) <= self._left  # type: ignore[arg-type]
        if not rows_ok or any(row.__class__ is not list for row in chunk):  # type: ignore[union-attr]
            output = self.output
            self.close()
            raise ReaderCrashed("reader sent rows it had not announced", output)
        self._left -= len(chunk)  # type: ignore[arg-type]
        if not self._left:
            self._stream = None
            self._kill[0] = False
        return chunk  # type: ignore[return-value]

    def close(self) -> None:
        self._finalizer()

    def _ask(self, request: tuple | None, limit: float | None = None, busy: bool = False) -> tuple:
        """The answer to ``request`` within ``limit`` seconds (the time limit); ``busy``:
        the child still has more to send after it (kill it, do not ask it to leave)."""
        self._kill[0] = True
        try:
            if request is not None:
                self._conn.send(request)
            if not self._conn.poll(max(self.time_limit if limit is None else limit, 0.0)):
                self.close()
                raise ReaderCrashed(f"no answer within {self.time_limit:g} s")
            reply = self._conn.recv()
            self._kill[0] = busy or reply[0] not in ("ready", "stream", "too_big", "not_ahead")
        except (EOFError, OSError, BrokenPipeError):
            self._process.join(5)
            output = output_tail(self._output)
            code = self._process.exitcode
            self.close()
            raise ReaderCrashed(f"reader process ended (exit code {code})", output) from None
        except BaseException:  # Ctrl+C, or an error of ours: never leave the child behind
            self.close()
            raise
        kind = reply[0]
        if kind == "failed":
            self.close()
            raise ReaderFailed(reply[1], reply[2])
        if kind == "memory":
            self.close()
            raise MemoryError("the reader ran out of its memory budget")
        if kind == "interrupt":
            self.close()
            raise KeyboardInterrupt
        return reply

    @property
    def output(self) -> str:
        return output_tail(self._output)


def _stop(process, conn, output: str, kill: list[bool], forked: bool) -> None:  # type: ignore[no-untyped-def]
    """End the child and remove its output file.

    An idle child is asked to leave and, under fork, not waited for: it exits at once on
    its own (the next child start reaps it), and tearing down a copy of a big parent's
    address space is its time, not ours. A busy or unknown one is killed and reaped.
    """
    with contextlib.suppress(OSError, ValueError, BrokenPipeError):
        if process.is_alive() and not kill[0]:
            conn.send(("close",))
            process.join(0 if forked else 2)
        if process.is_alive() and (kill[0] or not forked):
            process.kill()
            process.join(5)
    with contextlib.suppress(OSError):
        conn.close()
    with contextlib.suppress(OSError):
        os.remove(output)  # under fork the child may still hold it open: fine on POSIX


# ---------------------------------------------------------------------------
# The child: calamine and pure Python only (see the module's docstring).


def _serve(
    conn, path: str, output: str, budget: int, by_content: bool = False, read_ahead=None
) -> None:  # type: ignore[no-untyped-def]
    # No cyclic collection: it would walk (and so copy, page by page) every object the
    # forked child shares with its parent; what the child makes has no cycles, and it
    # lives for one file under a memory ceiling.
    gc.disable()
    confine(output, budget)
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        if by_content:
            import io

            with open(path, "rb") as handle:
                workbook = CalamineWorkbook.from_filelike(io.BytesIO(handle.read()))
        else:
            workbook = CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
        hidden = [
            m.name
            for m in workbook.sheets_metadata
            if m.visible != SheetVisibleEnum.Visible or m.typ != SheetTypeEnum.WorkSheet
        ]
    except BaseException as exc:  # noqa: BLE001 - every failure is reported to the parent
        _report(conn, exc)
        return
    conn.send(("ready", names, hidden))
    ahead, parsing = (
        _read_ahead(workbook, read_ahead, path, names, hidden) if read_ahead else (None, None)
    )
    parent = multiprocessing.parent_process()
    watched = [conn] + ([parent.sentinel] if parent is not None else [])
    while True:
        if conn not in wait(watched, IDLE_LIMIT):
            return  # the parent died, or forgot us
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request[0] not in ("sheet", "ahead"):
            return
        kind, name, limits = request
        if ahead is not None and ahead[0] == name:
            _, height, width, sheet, extra = ahead
            ahead = None
            try:
                if _too_big(height, width, limits):
                    conn.send(("too_big",))
                else:
                    send_rows(conn, sheet, extra)
            except BaseException as exc:  # noqa: BLE001
                _report(conn, exc)
                return
            del sheet
            continue
        if kind == "ahead":
            conn.send(("not_ahead",))
            continue
        ahead = None
        if parsing is not None:  # a read ahead its guard gave up: the workbook is still busy
            parsing.join()
            parsing = None
        try:
            sheet = workbook.get_sheet_by_name(name)
            if _too_big(sheet.height, sheet.width, limits):
                conn.send(("too_big",))
                continue
            send_rows(conn, sheet)
        except BaseException as exc:  # noqa: BLE001
            _report(conn, exc)
            return
        del sheet


def _too_big(height: int, width: int, limits: Limits) -> bool:
    return height > limits.rows or width > limits.columns or height * width > limits.cells


def _read_ahead(workbook, choose: ReadAhead, path: str, names: list[str], hidden: list[str]):  # type: ignore[no-untyped-def]
    """((name, height, width, sheet, extra) of the sheet ``choose`` names, parsed before
    the parent asks, or None when it names none or anything fails: the parent's request
    then meets the same failure the usual way, so what the user is told does not change;
    and the thread still parsing, or None).

    The sheet is parsed on a thread while ``choose``'s guard runs on this one: calamine
    leaves the GIL while it parses, so the two share the machine's cores. A guard that
    refuses does not wait for the parse: the child reads nothing ahead, the parent checks
    and refuses, and ends the child (parse and all)."""
    thread: threading.Thread | None = None
    try:
        chosen = choose(path, names, hidden)
        if chosen is None:
            return None, None
        name, limits, guard = chosen
        parsed: list[object] = []

        def parse() -> None:
            try:
                parsed.append(workbook.get_sheet_by_name(name))
            except BaseException as exc:  # noqa: BLE001 - met again by the parent's request
                parsed.append(exc)

        thread = threading.Thread(target=parse, name="read-ahead", daemon=True)
        thread.start()
        extra = guard()
        thread.join()
        sheet = parsed[0]
        if isinstance(sheet, BaseException):
            return None, None
        height, width = sheet.height, sheet.width
        if _too_big(height, width, limits):
            return None, None
        return (name, height, width, sheet, extra), None
    except BaseException:  # noqa: BLE001 - left for the parent's request to meet
        return None, (thread if thread is not None and thread.is_alive() else None)


def _report(conn, exc: BaseException) -> None:  # type: ignore[no-untyped-def]
    if isinstance(exc, KeyboardInterrupt):
        reply: tuple = ("interrupt",)
    elif isinstance(exc, MemoryError):
        reply = ("memory",)
    else:
        reply = ("failed", type(exc).__name__, str(exc)[:500])
    with contextlib.suppress(OSError, ValueError):
        conn.send(reply)

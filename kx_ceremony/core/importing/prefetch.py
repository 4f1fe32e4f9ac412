"""`kx-ceremony import FILE`: the workbook is read while the program is still starting.

Before the command line imports SQLAlchemy and the models (a few tenths of a second),
``start_for_command_line`` starts the reader child of core/sandbox.py on the .xlsx file
the arguments name, and that child parses the sheet the import will most likely look at
(``sheets.sheet_order``), on the other core. When the import opens that same file,
unchanged, ``take`` hands it the child (reading.Source); otherwise the child is simply
ended at exit, so a wrong guess costs nothing but its work.

The child guards its read ahead as the parent guards a read (reading.Source.load): the
file must be an .xlsx by content (``inspection.inspect_file``) and the sheet within the
size limits (``inspection.check_xlsx_sheet_size``, checked while calamine parses: see
sandbox._read_ahead), else it reads nothing ahead and the parent checks and asks as
always, so what a file is refused with does not change. When it did read ahead, it also
sends the cells flagged in the sheet's XML (formula errors), so the parent need not read
and check that XML a second time.
Linux only (fork: the child starts in a millisecond, under its memory ceiling).
"""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from kx_ceremony.core import sandbox
from kx_ceremony.core.importing import inspection, xlsx_parts
from kx_ceremony.core.importing.sheets import SHEET_LIMITS, sheet_order

_ENTRY_NAMES = {"kx-ceremony", "kx-ceremony.exe", "__main__.py"}
_started: tuple[str, tuple[int, int], sandbox.Workbook] | None = None


def start_for_command_line() -> None:
    """Start reading ahead when this process is `kx-ceremony import FILE …`."""
    if Path(sys.argv[0]).name in _ENTRY_NAMES:
        start(sys.argv[1:])


def start(argv: list[str]) -> None:
    global _started
    if sandbox.START_METHOD != "fork" or "import" not in argv or _started is not None:
        return
    at = argv.index("import")
    if at + 1 >= len(argv):
        return
    path = Path(argv[at + 1])
    sheet = _option(argv, "--sheet")
    try:
        stat = path.stat()
        with path.open("rb") as fh:
            is_zip = fh.read(4) == inspection.ZIP_MAGIC
    except OSError:
        return
    if not is_zip or path.suffix.lower() not in (".xlsx", ".xlsm"):
        return
    try:
        workbook = sandbox.Workbook(str(path), read_ahead=_Chooser(sheet))
    except Exception:  # noqa: BLE001 - the import then opens the file the usual way
        return
    _started = (os.path.abspath(path), (stat.st_size, stat.st_mtime_ns), workbook)


def take(path: Path) -> sandbox.Workbook | None:
    """The child started for ``path`` if the file is unchanged since; once."""
    global _started
    if _started is None:
        return None
    where, stamp, workbook = _started
    _started = None
    try:
        stat = path.stat()
    except OSError:
        stat = None
    if stat is None or (where, stamp) != (os.path.abspath(path), (stat.st_size, stat.st_mtime_ns)):
        workbook.close()
        return None
    return workbook


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1 :]
    return None


class _Chooser:
    """Runs in the child: the sheet to read ahead, its limits and its guard (the checks
    the parent makes before it asks for cells: ``_guard``); None to read nothing ahead."""

    def __init__(self, sheet: str | None) -> None:
        self.sheet = sheet

    def __call__(
        self, path: str, names: list[str], hidden: list[str]
    ) -> tuple[str, sandbox.Limits, Callable[[], dict[tuple[int, int], str]]] | None:
        file = Path(path)
        if inspection.inspect_file(file).kind != "xlsx":
            return None
        candidates = sheet_order(names, set(hidden), self.sheet)
        if not candidates:
            return None
        with zipfile.ZipFile(file) as archive:
            part = xlsx_parts.sheet_parts(archive).get(candidates[0])
        if not part:
            return None
        return candidates[0], SHEET_LIMITS, partial(_guard, file, part, candidates[0])


def _guard(file: Path, part: str, sheet: str) -> dict[tuple[int, int], str]:
    """The sheet's size checked as the parent checks it (raising where the parent would
    refuse), and its flagged cells (formula errors), which go to the parent with the cells."""
    with zipfile.ZipFile(file) as archive:
        data = archive.read(part)
    inspection.check_xlsx_sheet_size(file, data, sheet)
    return xlsx_parts.flagged_cells(data)

"""The per-printer x/y offset in millimetres, kept in the user's settings folder.

Printers feed paper a little off; on a pre-printed blank a 3 mm shift puts a name on the
border. The organiser measures the shift once with the calibration page and saves it;
blank-mode certificates are then moved by it. Positive x moves text right, positive y
moves it down (as measured from the sheet's top-left corner with a ruler).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.paths import user_config_dir

SETTINGS_FILE = "printer-offsets.json"
DEFAULT_PRINTER = "default"
MAX_OFFSET_MM = 50.0


@dataclass(frozen=True)
class PrinterOffset:
    x_mm: float = 0.0
    y_mm: float = 0.0


def settings_path() -> Path:
    return user_config_dir() / SETTINGS_FILE


def _read_all() -> dict[str, dict[str, float]]:
    path = settings_path()
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Tệp cài đặt độ lệch máy in {path} bị hỏng ({exc}); hãy xóa tệp đó rồi canh chỉnh lại."
        ) from exc
    printers = data.get("printers") if isinstance(data, dict) else None
    return printers if isinstance(printers, dict) else {}


def _checked(value: float, axis: str) -> float:
    if not -MAX_OFFSET_MM <= value <= MAX_OFFSET_MM:
        raise UserError(
            f"Độ lệch {axis} = {value:g} mm quá lớn; hãy nhập số từ "
            f"-{MAX_OFFSET_MM:g} đến {MAX_OFFSET_MM:g} mm."
        )
    return float(value)


def load_offset(printer: str = DEFAULT_PRINTER) -> PrinterOffset:
    entry = _read_all().get(printer) or {}
    try:
        return PrinterOffset(
            _checked(float(entry.get("x_mm", 0.0)), "ngang"),
            _checked(float(entry.get("y_mm", 0.0)), "dọc"),
        )
    except (TypeError, ValueError) as exc:
        raise UserError(
            f"Độ lệch máy in «{printer}» trong {settings_path()} không phải số; hãy canh chỉnh lại."
        ) from exc


def save_offset(offset: PrinterOffset, printer: str = DEFAULT_PRINTER) -> Path:
    """Write atomically, so a crash never leaves a half-written settings file."""
    printers = _read_all()
    printers[printer] = {
        "x_mm": _checked(offset.x_mm, "ngang"),
        "y_mm": _checked(offset.y_mm, "dọc"),
    }
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".offsets-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"printers": printers}, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

"""The log file: where unexpected errors go, in full, instead of the user's screen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kx_ceremony.core.paths import user_log_dir
from kx_ceremony.core.redact import mask

LOG_FILE_NAME = "kx-ceremony.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Send log records to a rotating file in the user's log folder; return its path."""
    global _configured
    path = user_log_dir() / LOG_FILE_NAME
    if _configured == path:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_kx_ceremony", False)]:
        root.removeHandler(old)
        old.close()
    handler._kx_ceremony = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


class _MaskingFormatter(logging.Formatter):
    """Every record, its traceback included, with passwords hidden (see ``redact``)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def log_file_path() -> Path:
    return _configured or (user_log_dir() / LOG_FILE_NAME)

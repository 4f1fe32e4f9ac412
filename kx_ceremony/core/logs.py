"""The log file: where unexpected errors go, in full, instead of the user's screen.

The log must never be the failure itself: a log folder that cannot be created or
written falls back to the system's temporary folder (and, failing that, to no log
file at all), and a record that cannot be written (a full disk) is dropped without a
word on the terminal, where the logging module would otherwise print a traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
import tempfile
from pathlib import Path

from kx_ceremony.core.paths import APP_DIR_NAME, user_log_dir
from kx_ceremony.core.redact import mask

LOG_FILE_NAME = "kx-ceremony.log"
_configured: Path | None = None  # the file records go to
_configured_for: Path | None = None  # the file that was wanted then
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _MaskingFormatter(logging.Formatter):
    """Every record, its traceback included, with passwords hidden (see ``redact``)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose write errors (a full disk) never reach the terminal."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass  # the record is lost; the program goes on and says what it has to say


def _open_handler(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    return _QuietFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")


def setup_logging() -> Path:
    """Send log records to a rotating file in the user's log folder; return its path.

    When that folder cannot be used, the file goes to the system's temporary folder;
    when neither can, records are dropped (the returned path is then the wanted one).
    """
    global _configured, _configured_for
    wanted = user_log_dir() / LOG_FILE_NAME
    if _configured is not None and _configured_for == wanted:
        return _configured
    handler: logging.Handler = logging.NullHandler()
    path = wanted
    for candidate in (wanted, Path(tempfile.gettempdir()) / APP_DIR_NAME / LOG_FILE_NAME):
        try:
            handler = _open_handler(candidate)
        except OSError:
            continue
        path = candidate
        break
    handler.setFormatter(_MaskingFormatter(_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_kx_ceremony", False)]:
        root.removeHandler(old)
        old.close()
    handler._kx_ceremony = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured, _configured_for = path, wanted
    return path


def log_file_path() -> Path:
    return _configured or (user_log_dir() / LOG_FILE_NAME)

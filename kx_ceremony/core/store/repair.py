"""A damaged store: refuse it, keep it, offer the newest verified backup.

A store cut short (a copy interrupted, a USB stick pulled out) or with garbled pages can
look fine until a query reaches the damage. So before a SQLite store is opened its pages
are checked (``PRAGMA quick_check``); a damaged one is refused with a message that names
the newest automatic backup that passes the integrity check. Recovering
(``maintenance.recover_store``) never deletes the damaged file: it is renamed beside the
store, then the backup is restored.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.store.copies import latest_backup
from kx_ceremony.core.store.files import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    error_code,
    page_problems,
    reading_file,
)

log = logging.getLogger(__name__)


class DamagedStore(UserError):
    """The store file is not a sound SQLite database; ``backup`` is what to restore."""

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is not None:
            stamp = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M %d/%m/%Y")
            found = f"Bản sao lưu tự động gần nhất còn tốt là {backup} (lúc {stamp})"
            cli_hint = (
                f'để khôi phục, chạy «kx-ceremony --db "{path}" restore --latest» (tệp hỏng được '
                "đổi tên và giữ lại bên cạnh)."
            )
            window_hint = (
                "chọn Khôi phục để dùng bản đó (tệp hỏng được đổi tên và giữ lại bên cạnh)."
            )
        else:
            found = "Không có bản sao lưu tự động nào còn tốt"
            cli_hint = "nếu bạn có bản sao lưu khác, hãy chạy «kx-ceremony restore TỆP_SAO_LƯU»."
            window_hint = (
                "nếu bạn có bản sao lưu khác, hãy chọn «An toàn dữ liệu › Khôi phục từ bản sao "
                "lưu…»."
            )
        super().__init__(
            f"Tệp {path} bị hỏng hoặc không phải kho dữ liệu KX Ceremony ({problem}); "
            f"chương trình chưa thay đổi gì trong tệp. {found}",
            cli_hint=cli_hint,
            window_hint=window_hint,
        )


def damage_found(path: Path) -> str | None:
    """The first problem SQLite's quick check finds in the file, or None when it is sound."""
    try:
        with reading_file(path) as conn:
            rows = page_problems(conn, "quick_check")
    except sqlite3.DatabaseError as exc:
        code = error_code(exc)
        text = str(exc).lower()
        damaged = code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text
        if damaged or not isinstance(exc, sqlite3.OperationalError):
            return str(exc)
        raise UserError(
            f"Không đọc được kho dữ liệu {path} ({exc}). Hãy kiểm tra quyền đọc tệp và thư mục."
        ) from exc
    if not rows:
        return None
    return rows[0].splitlines()[-1] if rows[0] else "kiểm tra toàn vẹn không đạt"


def refuse_if_damaged(path: Path) -> None:
    """Raise ``DamagedStore`` (naming the backup to restore) for a damaged store file."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    problem = damage_found(path)
    if problem is not None:
        log.warning("store %s is damaged: %s", path, problem)
        raise DamagedStore(path, problem, latest_backup(path))


def keep_damaged_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) beside itself; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    number = 2
    while aside.exists():
        aside = path.with_name(f"{path.stem}-damaged-{stamp}-{number}{path.suffix}")
        number += 1
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + suffix))
    log.warning("damaged store %s kept aside as %s", path, aside)
    return aside

"""Backup, restore, check and recovery of the store, as the command line and window offer.

These work on the store's file directly, without opening it through the engine, so a
damaged store can still be checked and replaced.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.store import copies as backups
from kx_ceremony.core.store.engine import sqlite_path
from kx_ceremony.core.store.files import foreign_key_problems, reading_file, refuse_if_busy
from kx_ceremony.core.store.opening import prepare_store_folder, resolve_url, store_is_named
from kx_ceremony.core.store.repair import keep_damaged_aside
from kx_ceremony.core.store.schema import inspect_sqlite_file

log = logging.getLogger(__name__)


def require_sqlite_path(db: str | None) -> Path:
    path = sqlite_path(resolve_url(db))
    if path is None:
        raise UserError(
            "Sao lưu, khôi phục và kiểm tra bằng KX Ceremony chỉ dùng cho kho SQLite; với máy chủ "
            "PostgreSQL hãy dùng pg_dump / pg_restore của máy chủ."
        )
    return path


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: list[str]
    revision: str | None
    ceremonies: int
    honourees: int

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(db: str | None) -> CheckResult:
    path = require_sqlite_path(db)
    if not path.exists():
        raise UserError(
            f"Chưa có kho dữ liệu {path}. Hãy tạo buổi lễ đầu tiên (lệnh demo hoặc new-ceremony)."
        )
    state = inspect_sqlite_file(path)
    problems = backups.integrity_problems(path)
    ceremonies = honourees = 0
    if not problems and state.revision is not None:
        with reading_file(path) as conn:
            problems.extend(foreign_key_problems(conn))
            ceremonies = conn.execute("SELECT count(*) FROM ceremonies").fetchone()[0]
            honourees = conn.execute("SELECT count(*) FROM honourees").fetchone()[0]
    return CheckResult(path, problems, state.revision, ceremonies, honourees)


def backup_store(db: str | None, target: Path) -> Path:
    path = require_sqlite_path(db)
    if not path.exists():
        raise UserError(f"Chưa có kho dữ liệu {path} để sao lưu.")
    inspect_sqlite_file(path)
    if target.exists() and target.is_dir():
        raise UserError(
            f"{target} là một thư mục; hãy ghi tên tệp sao lưu, ví dụ {target / 'kx-ceremony-backup.sqlite'}."
        )
    if target.resolve() == path.resolve():
        raise UserError("Tệp sao lưu không được trùng với chính kho dữ liệu; hãy chọn tên khác.")
    return backups.copy_verified(path, target)


def restore_store(db: str | None, backup_file: Path) -> Path | None:
    """Replace the store with a verified backup; returns the copy of the store kept aside.

    The backup is checked first (a sound SQLite file, a KX Ceremony store of a version
    this program can read); only then is the current store copied aside and replaced.
    """
    path = require_sqlite_path(db)
    if not backup_file.is_file():
        raise UserError(f"Không tìm thấy tệp sao lưu {backup_file}.")
    state = inspect_sqlite_file(backup_file)
    if state.revision is None:
        raise UserError(
            f"Tệp {backup_file} không phải bản sao lưu kho KX Ceremony (không có dữ liệu)."
        )
    problems = backups.integrity_problems(backup_file)
    if problems:
        raise UserError(
            f"Tệp sao lưu {backup_file} bị hỏng ({problems[0]}); hãy chọn một bản sao lưu khác."
        )
    kept: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        refuse_if_busy(path)  # another program's store is never replaced nor renamed
        kept = _set_current_aside(path)
    else:
        prepare_store_folder(path, named=store_is_named(db))
    backups.restore_into(backup_file, path)
    problems = backups.integrity_problems(path)
    if problems:  # pragma: no cover - the source was verified; this guards the disk
        raise UserError(
            f"Khôi phục xong nhưng kho không qua kiểm tra ({problems[0]}). Bản cũ ở {kept}."
        )
    return kept


def _set_current_aside(path: Path) -> Path:
    """Keep the current store before it is replaced: a verified copy, or the raw file if damaged."""
    if not backups.integrity_problems(path):
        try:
            inspect_sqlite_file(path)
            return backups.automatic_backup(path, "before-restore")
        except UserError:
            pass  # a foreign or newer file: keep it byte for byte below
    return keep_damaged_aside(path)


@dataclass(frozen=True)
class Recovery:
    kept_aside: Path | None  # where the damaged store now is
    restored_from: Path | None  # None: no backup, the store starts empty


def recover_store(store_path: Path, backup: Path | None = None) -> Recovery:
    """What the window's "Khôi phục" button does: keep the damaged file, restore a backup.

    ``backup`` defaults to the newest verified automatic backup; with none, the damaged
    file is only set aside so that a new, empty store can be started.
    """
    chosen = backup or backups.latest_backup(store_path)
    if chosen is None:
        kept = None
        if store_path.exists():
            refuse_if_busy(store_path)  # never rename a file another program is using
            kept = keep_damaged_aside(store_path)
        return Recovery(kept, None)
    kept = restore_store(str(store_path), chosen)
    return Recovery(kept, chosen)

"""Opening the store for the window: one window per store, a damaged store offered its
newest verified backup, and a verified automatic backup once a day (``core.store.window_lock``,
``core.store.maintenance``, ``core.store.copies``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from kx_ceremony import APP_NAME
from kx_ceremony.core.store import Store, resolve_url, sqlite_path

log = logging.getLogger(__name__)


def store_file(db: str | None) -> Path | None:
    return sqlite_path(resolve_url(db))


def take_window_lock(db: str | None) -> Any:
    """The store's window lock (released when the process ends), or None without one."""
    path = store_file(db)
    if path is None:  # a database server: no file to lock
        return None
    from kx_ceremony.core.store.window_lock import acquire_window_lock

    return acquire_window_lock(path)


def ask_recover(parent: QWidget | None, message: str, backup: Path | None) -> bool:
    """The damaged-store question; tests replace it."""
    if backup is None:
        QMessageBox.critical(parent, APP_NAME, message)
        return False
    answer = QMessageBox.question(
        parent,
        APP_NAME,
        message + "\n\n" + QMessageBox.tr("Khôi phục ngay từ bản sao lưu %s?") % backup,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_for_window(ctx: Any, parent: QWidget | None = None) -> Store:
    """``ctx.store``, offering to recover a damaged store from its newest good backup."""
    from kx_ceremony.core.store.maintenance import recover_store
    from kx_ceremony.core.store.repair import DamagedStore

    try:
        return ctx.store
    except DamagedStore as exc:
        if not ask_recover(parent, exc.window_text, exc.backup):
            raise
        recovery = recover_store(exc.path)
        log.warning("damaged store recovered: %s", recovery)
        return ctx.store


def backup_if_due(store: Store) -> Path | None:
    """A verified automatic backup when the newest is over a day old (keeps the last 10)."""
    from kx_ceremony.core.store import copies as backup

    path = store.path
    if path is None:
        return None
    return backup.backup_if_due(path)

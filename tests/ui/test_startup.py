"""Opening a store for the window: the lock, a damaged store, the daily backup."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kx_ceremony.commands.common import Context
from kx_ceremony.ui import startup


def test_the_window_opens_a_plain_store(store_path, app):
    ctx = Context(db=str(store_path))
    lock = startup.take_window_lock(ctx.db)
    try:
        store = startup.open_for_window(ctx)
        assert store.path == store_path
    finally:
        if lock is not None:
            lock.release()
        ctx.close()


def test_a_file_that_is_no_store_is_refused_in_words(tmp_path, app, monkeypatch):
    from kx_ceremony.core.errors import StoreError, UserError

    bogus = tmp_path / "khong-phai-kho.sqlite"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(startup, "ask_recover", lambda *a: False)
    ctx = Context(db=str(bogus))
    try:
        with pytest.raises((UserError, StoreError)) as caught:
            startup.open_for_window(ctx)
        assert str(bogus) in caught.value.message
    finally:
        ctx.close()


def test_a_second_window_on_the_same_store_is_refused(store_path, demo_id):
    from kx_ceremony.core.errors import UserError

    lock = startup.take_window_lock(str(store_path))
    try:
        code = (
            f"from kx_ceremony.ui import startup\nstartup.take_window_lock({str(store_path)!r})\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
        )
        assert done.returncode != 0 and "cửa sổ KX Ceremony khác" in done.stderr
        assert isinstance(UserError, type)
    finally:
        lock.release()


def test_daily_backup_is_made_once(store, demo_id):
    from kx_ceremony.core.store.copies import backups_dir, list_automatic

    first = startup.backup_if_due(store)
    assert first is not None and first.is_file()
    assert startup.backup_if_due(store) is None  # not due again the same day
    assert len(list_automatic(backups_dir(store.path))) == 1


def test_a_damaged_store_is_recovered_from_its_newest_backup(
    store_path, demo_id, store, monkeypatch, app
):
    from kx_ceremony.core.services.ceremonies import list_ceremonies

    startup.backup_if_due(store)
    store.close()
    data = bytearray(store_path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    store_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)
    asked = []
    monkeypatch.setattr(
        startup, "ask_recover", lambda parent, message, backup: asked.append(backup) or True
    )
    ctx = Context(db=str(store_path))
    try:
        recovered = startup.open_for_window(ctx)
        assert asked and asked[0] is not None
        assert [c.id for c in list_ceremonies(recovered)] == [demo_id]
    finally:
        ctx.close()


def test_run_opens_the_window_and_refuses_a_second_one(store_path, demo_id, app, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kx_ceremony.ui import app as app_module

    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    first = Context(db=str(store_path))
    held = startup.take_window_lock(first.db)
    second = Context(db=str(store_path))
    try:
        assert app_module.run(second) == 2
        assert "cửa sổ KX Ceremony khác" in shown[-1]
    finally:
        held.release()
        second.close()
        first.close()
    built = []
    real_build = app_module.build_window
    monkeypatch.setattr(
        app_module, "build_window", lambda ctx: built.append(real_build(ctx)) or built[-1]
    )
    third = Context(db=str(store_path))
    try:
        assert app_module.run(third) == 0
        (window,) = built
        assert window.isVisible() and window.windowTitle().startswith("KX Ceremony")
        assert window.window_lock is not None
        window.window_lock.release()
        window.close()
        window.deleteLater()
    finally:
        third.close()

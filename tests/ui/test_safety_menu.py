"""Backup, check and restore from the «An toàn dữ liệu» menu."""

from __future__ import annotations

from kx_ceremony.core.services.honourees import list_honourees, remove_honourees
from kx_ceremony.ui import messages


def test_backup_check_restore(window, store, demo_id, tmp_path, monkeypatch):
    menu = window.safety_menu
    target = tmp_path / "sao-luu.sqlite"
    monkeypatch.setattr("kx_ceremony.ui.safety_menu.choose_save_file", lambda *a: target)
    menu.backup()
    assert target.is_file()
    assert str(target) in messages.shown[-1]

    menu.check()
    assert "Kho dữ liệu tốt" in messages.shown[-1]

    everyone = list_honourees(store, demo_id)
    remove_honourees(store, demo_id, [h.id for h in everyone[:5]])
    window.events.changed.emit("honourees")
    assert window.honourees.model.total == len(everyone) - 5

    monkeypatch.setattr("kx_ceremony.ui.safety_menu.choose_open_file", lambda *a: target)
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    menu.restore()
    assert "Đã khôi phục" in messages.shown[-1]
    assert len(list_honourees(store, demo_id)) == len(everyone)
    assert window.honourees.model.total == len(everyone)


def test_restore_refuses_a_file_that_is_not_a_backup(window, tmp_path, monkeypatch):
    bogus = tmp_path / "khong-phai.sqlite"
    bogus.write_text("xin chào", encoding="utf-8")
    monkeypatch.setattr("kx_ceremony.ui.safety_menu.choose_open_file", lambda *a: bogus)
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    before = window.honourees.model.total
    window.safety_menu.restore()
    assert str(bogus) in messages.shown[-1] or "không phải" in messages.shown[-1]
    assert window.honourees.model.total == before


def test_restore_the_newest_automatic_backup(window, store, demo_id, monkeypatch):
    from kx_ceremony.ui import startup

    window.safety_menu.restore_latest()
    assert "Chưa có bản sao lưu tự động" in messages.shown[-1]
    startup.backup_if_due(store)
    everyone = list_honourees(store, demo_id)
    remove_honourees(store, demo_id, [everyone[0].id])
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    window.safety_menu.restore_latest()
    assert "Đã khôi phục" in messages.shown[-1]
    assert len(list_honourees(store, demo_id)) == len(everyone)
    assert window.honourees.model.total == len(everyone)

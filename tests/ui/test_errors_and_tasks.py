"""Errors never close the window and never show a traceback; long jobs can be cancelled."""

from __future__ import annotations

import sys

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.logs import log_file_path, setup_logging
from kx_ceremony.ui import messages
from kx_ceremony.ui.tasks import BackgroundRunner, InlineRunner


def _steps(count: int):
    def task(progress):
        for i in range(count):
            progress(i + 1, count, f"bước {i + 1}")
        return "xong"

    return task


def test_background_job_reports_progress_and_result(window, qtbot):
    runner = BackgroundRunner()
    results = []
    runner.run(window, "Thử", _steps(5), results.append)
    qtbot.waitUntil(lambda: results == ["xong"], timeout=5000)
    assert not runner.busy()


def test_recover_from_a_deliberate_error_in_a_background_job(window, qtbot, store, demo_id):
    setup_logging()
    runner = BackgroundRunner()

    def broken(progress):
        progress(1, 2, "đang làm")
        raise RuntimeError("cố ý hỏng để thử")

    runner.run(window, "Việc hỏng", broken, lambda result: None)
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=5000)
    text = messages.shown[-1]
    assert "lỗi không mong đợi" in text and str(log_file_path()) in text
    assert "Traceback" not in text and "RuntimeError" not in text
    assert "cố ý hỏng để thử" in log_file_path().read_text(encoding="utf-8")
    box = messages._open_boxes[-1]
    assert any("nhật ký" in b.text() for b in box.buttons())
    # The window still works: the next job and the next edit go through.
    results = []
    runner.run(window, "Việc tiếp theo", _steps(2), results.append)
    qtbot.waitUntil(lambda: results == ["xong"], timeout=5000)
    window.honourees.search.setText("pham")
    assert window.honourees.model.rowCount() >= 1
    assert window.isVisible()


def test_expected_error_in_a_job_shows_its_sentence(window):
    runner = InlineRunner()

    def refuse(progress):
        raise UserError("Tệp không đọc được: hãy lưu lại thành .xlsx rồi thử lại.")

    runner.run(window, "Nhập", refuse, lambda r: None)
    assert messages.shown[-1] == "Tệp không đọc được: hãy lưu lại thành .xlsx rồi thử lại."


def test_cancel_stops_the_job(window):
    runner = InlineRunner()
    runner.cancel_after = 3
    results = []
    runner.run(window, "Dài", _steps(100), results.append)
    assert results == []
    assert len(runner.reports) == 3
    assert messages.shown[-1] == messages.CANCELLED


def test_errors_escaping_slots_are_shown_not_fatal(window):
    setup_logging()
    try:
        raise ValueError("lỗi lọt ra ngoài")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert "lỗi không mong đợi" in messages.shown[-1]
    assert "lỗi lọt ra ngoài" in log_file_path().read_text(encoding="utf-8")


def test_guarded_slot_turns_a_store_refusal_into_a_message(window, store, demo_id):
    view = window.honourees
    view.table.selectRow(0)
    doomed = view.selected_rows()[0]
    from kx_ceremony.core.services.honourees import remove_honourees
    from kx_ceremony.core.store import open_store

    other = open_store(str(store.path))  # another program on the same file
    try:
        remove_honourees(other, demo_id, [doomed.id])  # gone behind the window's back
    finally:
        other.close()
    view.delete_selected()
    assert f"số {doomed.id}" in messages.shown[-1]
    assert window.isVisible()


def test_cancel_a_real_background_job_from_its_progress_dialog(window, qtbot):
    import time

    runner = BackgroundRunner()
    started = []

    def slow(progress):
        for i in range(500):
            started.append(i)
            progress(i, 500, "đang làm")
            time.sleep(0.01)
        return "xong"

    results = []
    runner.run(window, "Việc dài", slow, results.append)
    qtbot.waitUntil(lambda: len(started) > 3, timeout=5000)
    from PySide6.QtWidgets import QPushButton

    _signals, dialog, _progress = runner._live[0]
    button = dialog.findChild(QPushButton)
    assert button.text() == "Hủy"
    button.click()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert results == []
    assert messages.shown[-1] == messages.CANCELLED
    assert len(started) < 500


def test_closing_the_window_stops_a_running_job(make_window, qtbot, demo_id, monkeypatch):
    import time

    runner = BackgroundRunner()
    window = make_window(demo_id, runner=runner)
    steps = []

    def slow(progress):
        for i in range(1000):
            steps.append(i)
            progress(i, 1000, "")
            time.sleep(0.01)

    runner.run(window, "Việc dài", slow, lambda r: None)
    qtbot.waitUntil(lambda: len(steps) > 2, timeout=5000)
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    window.close()
    assert runner.wait(5000)
    assert len(steps) < 1000

"""Import sample spreadsheets through the dialog: preview, mapping, problems, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.ui import messages
from kx_ceremony.ui.tasks import InlineRunner

SAMPLES = Path(__file__).parent.parent / "samples"


def pick(combo, data) -> None:
    """Choose the item holding ``data`` as the organiser would (the combo's activated)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def empty_ceremony(store) -> int:
    import datetime as dt

    return create_ceremony(
        store,
        CeremonyInput(
            "Tổng kết 2022", dt.date(2023, 1, 5), province="Thái Bình", place="Kiến Xương"
        ),
    )


def test_import_a_sample_file_through_the_dialog(make_window, store, empty_ceremony):
    window = make_window(empty_ceremony)
    dialog = window.open_import(SAMPLES / "district.xlsx")
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["district.xlsx"]
    assert dialog.preview is not None, messages.shown
    assert dialog.rows_model.rowCount() == len(expected)
    assert dialog.mapping.rowCount() >= 5
    assert "dòng tiêu đề" in dialog.status.text()
    assert dialog.import_all.isEnabled()
    dialog.import_all.click()
    stored = list_honourees(store, empty_ceremony)
    assert sorted(h.name for h in stored) == sorted(e["name"] for e in expected)
    assert window.honourees.model.total == len(expected)
    assert "Đã nhập" in messages.shown[-1]


def test_adjust_mapping_and_import_only_valid_rows(make_window, store, empty_ceremony, tmp_path):
    lines = (SAMPLES / "simple.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("Giấy khen huyện", "Kỷ niệm chương gì đó")  # an unknown award
    sheet = tmp_path / "danh-sach.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    window = make_window(empty_ceremony)
    dialog = window.open_import(sheet)
    total = dialog.rows_model.rowCount()
    assert total == len(lines) - 1
    assert len(dialog.preview.invalid_rows) == 1
    assert not dialog.import_all.isEnabled() and dialog.import_valid.isEnabled()
    cause = dialog.report.lines()[1]  # under the heading: one line per cause
    assert "dòng 3" in cause and "Kỷ niệm chương gì đó" in cause
    bad = dialog.rows_model.index(1, 0)
    assert dialog.rows_model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None

    # The award column said to feed nothing: every row lacks its award.
    award_row = next(
        r
        for r in range(dialog.mapping.rowCount())
        if dialog.mapping.combo(r).currentData() == "award"
    )
    pick(dialog.mapping.combo(award_row), None)
    assert len(dialog.preview.invalid_rows) == total
    assert not dialog.import_valid.isEnabled()
    pick(dialog.mapping.combo(award_row), "award")
    assert len(dialog.preview.invalid_rows) == 1

    dialog.import_valid.click()
    stored = list_honourees(store, empty_ceremony)
    assert len(stored) == total - 1
    assert "Vũ Công Dũng" not in {h.name for h in stored}
    assert "bỏ qua 1 dòng" in messages.shown[-1]


def test_a_bad_file_is_refused_in_one_sentence(make_window, store, empty_ceremony):
    window = make_window(empty_ceremony)
    bad = sorted((SAMPLES / "bad").iterdir())[0]
    dialog = window.open_import(bad)
    assert dialog.preview is None
    assert not dialog.import_all.isEnabled()
    line = dialog.status.text()  # said in the dialog, in one line, no popup to close
    assert line.startswith("Không nhập được tệp") and "\n" not in line.strip()
    assert "Traceback" not in line and messages.shown == []
    assert list_honourees(store, empty_ceremony) == []


def test_cancel_an_import_stores_nothing(make_window, store, empty_ceremony):
    runner = InlineRunner()
    window = make_window(empty_ceremony, runner=runner)
    dialog = window.open_import(SAMPLES / "district.xlsx")
    runner.reports.clear()
    runner.cancel_after = 1
    dialog.import_all.click()
    assert list_honourees(store, empty_ceremony) == []
    assert messages.shown[-1] in (
        messages.CANCELLED,
        "Đã dừng nhập danh sách; chưa có gì được lưu.",
    )


def test_dropping_a_file_on_the_window_opens_the_import(make_window, empty_ceremony, monkeypatch):
    window = make_window(empty_ceremony)
    opened = []
    monkeypatch.setattr(window, "open_import", lambda path=None: opened.append(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLES / "simple.csv"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert opened == [SAMPLES / "simple.csv"]


def test_a_file_that_aborts_the_reader_leaves_the_window_open(
    make_window, store, empty_ceremony, tmp_path, qtbot, monkeypatch
):
    """The reader aborts on this file (pre-checks off, so it really runs): on a real worker
    thread the window forks its child, shows one line, and carries on."""
    import hostile_files

    from kx_ceremony.core import sandbox
    from kx_ceremony.core.importing import inspection
    from kx_ceremony.ui.tasks import BackgroundRunner

    monkeypatch.setattr(inspection, "check_xlsx_sheet_size", lambda *a, **k: None)
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 512 * 1024**2)
    path = hostile_files.far_cell_attributes_swapped(tmp_path / "far.xlsx")
    runner = BackgroundRunner()
    window = make_window(empty_ceremony, runner=runner)
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: not runner.busy() and bool(dialog.status.text()), timeout=60000)
    line = dialog.status.text().strip()
    assert "tệp hỏng hoặc quá lớn" in line and "far.xlsx" in line and "\n" not in line
    assert "panicked" not in line and "Traceback" not in line
    assert dialog.preview is None and window.isVisible()
    dialog.set_file(SAMPLES / "district.xlsx")  # the same window imports the next file
    qtbot.waitUntil(lambda: not runner.busy() and dialog.preview is not None, timeout=60000)
    assert list_honourees(store, empty_ceremony) == []

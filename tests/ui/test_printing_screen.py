"""Print certificates, the calibration page, the MC script and the line-up from the window."""

from __future__ import annotations

import subprocess

import pytest

from kx_ceremony.core.services.honouree_table import honouree_rows
from kx_ceremony.ui import messages
from kx_ceremony.ui.tasks import InlineRunner


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def _pages(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def _plan(window) -> None:
    window.tabs.setCurrentWidget(window.stage)
    window.stage.plan()


def test_print_certificates_to_a_file_in_stage_order(window, store, demo_id, tmp_path, monkeypatch):
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    panel.mode.setCurrentIndex(panel.mode.findData("full"))
    panel.round.setValue(1)
    target = tmp_path / "bang-khen.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert target.is_file(), messages.shown
    first_round = [h for h in honouree_rows(store, demo_id) if h.round == 1]
    assert _pages(target) == len(first_round)
    text = _text(target)
    positions = [text.find(h.name) for h in first_round]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert view.pdf.page_count == len(first_round)


def test_calibration_page_with_offsets(window, tmp_path, monkeypatch):
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("calibration")
    panel = view.option_widgets[view.list.currentRow()]
    assert panel.award.count() > 0
    panel.offset_x.setValue(1.5)
    panel.offset_y.setValue(-2.0)
    panel.save_offset()
    from kx_ceremony.core.printing.printer_offset import load_offset

    assert (load_offset().x_mm, load_offset().y_mm) == (1.5, -2.0)
    view.preview()
    assert view.last_output.is_file() and _pages(view.last_output) == 1


def test_script_and_lineup(window, store, demo_id):
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    first = next(h for h in honouree_rows(store, demo_id) if h.round == 1)
    for key in ("script", "lineup"):
        view.select(key)
        view.preview()
        assert view.last_output.is_file(), messages.shown
        assert first.name in _text(view.last_output)


def test_cancel_printing_leaves_no_file(window, tmp_path, monkeypatch):
    _plan(window)
    runner = InlineRunner()
    runner.cancel_after = 2
    view = window.documents
    view.runner = runner
    view.select("certificates")
    target = tmp_path / "huy.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert not target.exists()
    assert messages.shown[-1] == messages.CANCELLED


def test_a_plan_with_newcomers_points_to_the_button_not_the_command_line(
    window, store, demo_id, cli
):
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree

    huyen = find_award_form(store, demo_id, "huyen").id
    add_honouree(store, demo_id, HonoureeInput("Trần Văn Muộn", huyen, unit="Xã Vũ Tây"))
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("script")
    view.preview()
    shown = messages.shown[-1]
    assert "Trần Văn Muộn" in shown and "«Xếp người mới vào đợt»" in shown
    assert "--" not in shown and "rounds" not in shown
    # The command line gets its own remedy for the same refusal.
    refused = cli("print", "script", "--ceremony", str(demo_id), "-o", "/tmp/never.pdf")
    assert refused.status == 2 and "--place-new" in refused.err


def test_saved_pdfs_are_readable_by_the_office_and_previews_go_with_the_window(
    window, tmp_path, monkeypatch
):
    import os
    import stat

    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("lineup")
    old = os.umask(0o022)
    try:
        target = tmp_path / "xep-hang.pdf"
        monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
        view.save_pdf()
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # like any saved file, not 0600
    view.preview()
    preview = view.last_output
    assert preview.is_file() and preview.parent == view.preview_dir
    window.close()
    assert not view.preview_dir.exists()
    assert target.is_file()  # what the organiser saved stays


def test_a_viewer_that_cannot_open_says_so_in_the_window(window, monkeypatch):
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("script")
    view.preview()
    monkeypatch.setattr("kx_ceremony.ui.pdf_preview.QDesktopServices.openUrl", lambda url: False)
    before = len(messages.shown)
    assert not view.pdf.open_externally()
    assert len(messages.shown) == before + 1
    assert "Không mở được tệp bằng trình xem PDF" in messages.shown[-1]
    assert str(view.last_output) in messages.shown[-1]


def test_an_old_preview_never_stays_on_screen(window, store, demo_id):
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree
    from kx_ceremony.ui import events

    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)

    def fresh_preview():
        view.preview()
        assert view.preview_area.currentWidget() is view.pdf

    def outdated():
        assert view.preview_area.currentWidget() is view.placeholder
        assert "đã cũ" in view.placeholder.text()

    view.select("certificates")
    fresh_preview()
    panel = view.option_widgets[view.list.currentRow()]
    panel.mode.setCurrentIndex(panel.mode.findData("full"))  # another print mode
    outdated()
    fresh_preview()
    view.select("script")  # another document
    outdated()
    fresh_preview()
    huyen = find_award_form(store, demo_id, "huyen").id  # the data changed elsewhere
    add_honouree(store, demo_id, HonoureeInput("Trần Văn Muộn", huyen, unit="Xã Vũ Tây"))
    window.events.changed.emit(events.HONOUREES)
    outdated()


def test_ledger_in_the_window_printed_and_not_printed(
    window, store, demo_id, tmp_path, monkeypatch
):
    from kx_ceremony.core.services.print_ledger import list_ledger
    from kx_ceremony.ui.honouree_model import COL_PRINTED, NOT_PRINTED

    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    panel.round.setValue(1)  # blank mode, the default
    view.preview()
    view.preview()  # previews never use a blank, never refused
    assert [r.mode for r in list_ledger(store, demo_id)] == ["preview"] * 4
    target = tmp_path / "phoi.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert target.is_file(), messages.shown

    people = window.honourees
    window.tabs.setCurrentWidget(people)
    model = people.model
    texts = {
        model.row_at(r).name: model.index(r, COL_PRINTED).data() for r in range(model.rowCount())
    }
    assert texts["Phạm Thị Thu Hằng"].startswith("Đã in lên phôi")
    assert texts["Nguyễn Văn Tâm"] == "Chưa in"
    people.printed_filter.setCurrentIndex(people.printed_filter.findData(NOT_PRINTED))
    names = {model.row_at(r).name for r in range(model.rowCount())}
    assert model.rowCount() == model.total - 2 and "Phạm Thị Thu Hằng" not in names

    # The same blanks again: refused in one sentence naming who, nothing written.
    window.tabs.setCurrentWidget(view)
    messages.shown.clear()
    again = tmp_path / "lan-hai.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: again)
    view.save_pdf()
    assert not again.exists()
    assert any("Phạm Thị Thu Hằng" in m for m in messages.shown), messages.shown
    panel.reprint.setChecked(True)
    panel.reason.setText("phôi bị nhòe mực")
    view.save_pdf()
    assert again.is_file(), messages.shown
    reprints = [r for r in list_ledger(store, demo_id) if r.reprint]
    assert [r.reason for r in reprints] == ["phôi bị nhòe mực"] * 2


def test_print_on_a_printer_cut_short_says_which_were_printed(
    make_window, store, demo_id, monkeypatch
):
    """«In ra máy in» through CUPS's PDF printer, stopped after the first page: the first
    certificate comes out and is the only one in the ledger, and the message names it."""
    from pypdf import PdfReader
    from test_direct_printing import OUT_DIR, PRINTER, needs_cups, pdfs_in, wait_for_pdf

    from kx_ceremony.core.services.print_ledger import list_ledger
    from kx_ceremony.ui.printer_dialog import PrinterChoice

    if needs_cups.args[0]:
        pytest.skip(needs_cups.kwargs["reason"])
    runner = InlineRunner()
    window = make_window(demo_id, runner=runner)
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    panel.mode.setCurrentIndex(panel.mode.findData("full"))
    panel.round.setValue(1)  # two certificates
    monkeypatch.setattr(
        "kx_ceremony.ui.printer_dialog.ask_printer", lambda parent: PrinterChoice(PRINTER, None, 1)
    )
    runner.cancel_after = 3  # two reports making the PDF, one for the first printed page
    before = pdfs_in(OUT_DIR)
    messages.shown.clear()
    view.print_to_printer()
    summary = messages.shown[-1]
    assert "1/2" in summary and "Phạm Thị Thu Hằng" in summary, messages.shown
    rows = list_ledger(store, demo_id)
    assert [(r.honouree_name, r.target_kind, r.target) for r in rows] == [
        ("Phạm Thị Thu Hằng", "printer", PRINTER)
    ]
    assert len(PdfReader(str(wait_for_pdf(OUT_DIR, before))).pages) == 1


def test_certificate_without_decision_refused_then_printed_as_draft(
    make_window, store, tmp_path, monkeypatch, shown_messages
):
    import datetime as dt

    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
    from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees

    cid = create_ceremony(store, CeremonyInput("Lễ thử", dt.date(2023, 1, 5), province="Thái Bình"))
    form = find_award_form(store, cid, "tinh")
    with store.transaction() as session:
        insert_honourees(session, cid, [HonoureeInput(name="Trần Văn Bình", award_form_id=form.id)])
    window = make_window(cid)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    target = tmp_path / "bang-khen.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert not target.exists()
    assert "Không in được «Bằng khen của Chủ tịch UBND tỉnh»" in shown_messages[-1]
    assert "\n" not in shown_messages[-1].strip()
    panel.draft.setChecked(True)
    view.save_pdf()
    assert target.is_file(), shown_messages
    assert "BẢN IN THỬ" in _text(target)

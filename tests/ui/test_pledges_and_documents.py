"""Edit a covenant and a pledge in the window, then print and preview them."""

from __future__ import annotations

import subprocess

from kx_ceremony.core.services.pledges.editing import delete_document, find_document


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout


def test_edit_a_covenant(window, store, demo_id):
    existing = find_document(store, demo_id, "covenant")
    if existing is not None:  # the sample ceremony may ship one: start from the draft
        delete_document(store, existing.id)
        window.events.changed.emit("documents")
    window.tabs.setCurrentWidget(window.pledges)
    editor = window.pledges.covenant
    assert editor.stack.currentWidget() is editor.empty
    editor.start_from_draft()
    assert editor.stack.currentWidget() is editor.editor
    editor.title.setText("BẢN GIAO ƯỚC THI ĐUA NĂM 2023 CỦA CỤM THI ĐUA SỐ 3")
    editor.sections.setCurrentRow(0)
    editor.body.setPlainText("Các đơn vị cùng giao ước:\nHoàn thành 100% chỉ tiêu được giao.")
    editor.add_section()
    editor.heading.setText("Điều khoản thi hành")
    editor.body.setPlainText("Giao ước có hiệu lực từ ngày ký.")
    from PySide6.QtWidgets import QTableWidgetItem

    before = editor.signatories.rowCount()
    for unit, title, name in (
        ("UBND xã Vũ Quý", "chủ tịch", "Bùi Văn Khải"),
        ("UBND xã Thanh Tân", "CHỦ TỊCH", "Lê Văn Hải"),
    ):
        editor.add_signatory()
        row = editor.signatories.rowCount() - 1
        for column, text in enumerate((unit, title, name)):
            editor.signatories.setItem(row, column, QTableWidgetItem(text))
    editor.signatories.setCurrentCell(row, 0)
    editor.move_signatory(-1)  # Thanh Tân signs before Vũ Quý
    assert editor.save()
    doc = find_document(store, demo_id, "covenant")
    assert doc.title == "BẢN GIAO ƯỚC THI ĐUA NĂM 2023 CỦA CỤM THI ĐUA SỐ 3"
    assert doc.sections[0]["body"].startswith("Các đơn vị cùng giao ước:")
    assert doc.sections[-1] == {
        "heading": "Điều khoản thi hành",
        "body": "Giao ước có hiệu lực từ ngày ký.",
    }
    assert len(doc.signatories) == before + 2
    assert [s.unit for s in doc.signatories[-2:]] == ["UBND xã Thanh Tân", "UBND xã Vũ Quý"]
    assert doc.signatories[-1].signer_title == "CHỦ TỊCH"

    # A signatory without a unit is refused next to the list; nothing is saved.
    editor.signatories.setItem(0, 0, QTableWidgetItem(""))
    editor.title.setText("Tiêu đề khác")
    assert not editor.save()
    assert "chưa có tên đơn vị" in editor.signatory_error.text()
    assert find_document(store, demo_id, "covenant").signatories == doc.signatories

    # Title cleared: refused next to the title.
    assert find_document(store, demo_id, "covenant").title == doc.title

    # Title cleared: refused next to the title; the signatories edited with it are kept as
    # they were in the store.
    editor.reload()
    editor.signatories.removeRow(0)
    editor.title.setText(" ")
    assert not editor.save()
    assert "Tiêu đề văn bản đang trống" in editor.form.error_text("title")
    assert find_document(store, demo_id, "covenant") == doc


def test_print_covenant_and_pledge_to_files_and_preview(
    window, store, demo_id, tmp_path, monkeypatch
):
    window.tabs.setCurrentWidget(window.pledges)
    for editor in (window.pledges.covenant, window.pledges.pledge):
        if editor.document is None:
            editor.start_from_draft()
    pledge = window.pledges.pledge
    pledge.targets.insertRow(pledge.targets.rowCount())
    from PySide6.QtWidgets import QTableWidgetItem

    last = pledge.targets.rowCount() - 1
    pledge.targets.setItem(last, 0, QTableWidgetItem("Số hộ gia đình văn hóa"))
    pledge.targets.setItem(last, 1, QTableWidgetItem("%"))
    pledge.targets.setItem(last, 2, QTableWidgetItem("≥ 92"))
    pledge.closing.setText("Chúng tôi cam kết hoàn thành vượt mức các chỉ tiêu trên.")
    assert pledge.save()
    saved = find_document(store, demo_id, "pledge")
    assert saved.extra["closing"] == "Chúng tôi cam kết hoàn thành vượt mức các chỉ tiêu trên."
    assert saved.extra["targets"][-1]["target"] == "Số hộ gia đình văn hóa"

    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("covenant")
    target = tmp_path / "giao-uoc.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert target.is_file()
    assert "GIAO ƯỚC" in _pdf_text(target).upper()
    assert view.pdf.page_count >= 1
    assert view.preview_area.currentWidget() is view.pdf

    view.select("pledge")
    view.preview()
    assert view.last_output.name == "cam-ket-thi-dua.pdf"
    text = _pdf_text(view.last_output)
    assert "Số hộ gia đình văn hóa" in text
    assert view.pdf.page_count >= 1
    opened = []
    monkeypatch.setattr(
        "kx_ceremony.ui.pdf_preview.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    assert view.pdf.open_externally()
    assert opened[0].toLocalFile() == str(view.last_output)


def test_printing_a_missing_document_offers_the_draft_and_the_editor(
    window, store, demo_id, monkeypatch
):
    for kind in ("covenant", "pledge"):
        found = find_document(store, demo_id, kind)
        if found:
            delete_document(store, found.id)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("pledge")
    asked = []

    def answer(choice):
        def choose(parent, text, choices, *a):
            asked.append((text, [key for key, _ in choices]))
            return choice

        return choose

    # Hủy: nothing printed, and the question never sends a window user to the command line.
    monkeypatch.setattr("kx_ceremony.ui.messages.choose", answer(None))
    view.preview()
    text, keys = asked[-1]
    assert "chưa có bản cam kết thi đua" in text and keys == ["draft", "compose"]
    assert "kx-ceremony" not in text and "--" not in text
    assert view.last_output is None
    # The draft button prints the unsaved template with blank signature blocks.
    monkeypatch.setattr("kx_ceremony.ui.messages.choose", answer("draft"))
    view.preview()
    assert view.last_output.name == "cam-ket-thi-dua.pdf"
    assert "CAM KẾT" in _pdf_text(view.last_output).upper()
    assert find_document(store, demo_id, "pledge") is None  # a draft stores nothing
    # The other button opens the editor.
    monkeypatch.setattr("kx_ceremony.ui.messages.choose", answer("compose"))
    view.preview()
    assert window.tabs.currentWidget() is window.pledges
    assert window.isVisible()

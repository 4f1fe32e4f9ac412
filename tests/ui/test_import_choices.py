"""The import dialog on real lists: whole-list choices, the column mapping, award values
mapped or added, a refused file after a good one, a sending unit's list seen before."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.ui import messages

SAMPLES = Path(__file__).parent.parent / "samples"
REAL = SAMPLES / "real"
R04, R08, R09 = (
    REAL / "r04_nhandulieu.xlsx",
    REAL / "r08_mautdkt_trong.xlsx",
    REAL / "r09_khenthuong_matran_x.xlsx",
)
PROVINCE = "Bằng khen của Chủ tịch UBND tỉnh"


def pick(combo, data) -> None:
    """Choose the item holding ``data`` as the organiser would (the combo's activated)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def ceremony(store) -> int:
    import datetime as dt

    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

    return create_ceremony(
        store,
        CeremonyInput("Tổng kết 2023", dt.date(2024, 1, 5), province="Hà Nội", place="Hà Nội"),
    )


def _form(store, ceremony: int, name: str):
    return next(f for f in list_award_forms(store, ceremony) if f.full_name == name)


def test_r09_award_values_mapped_to_an_existing_form_and_a_new_one(make_window, store, ceremony):
    dialog = make_window(ceremony).open_import(R09)
    awards = dialog.awards
    assert awards.rowCount() == 7  # each distinct value once, with its row count
    assert dialog.tabs.tabText(2) == "Hình thức khen thưởng (7, 4 chưa khớp)"
    assert awards.match_of("Tập Thể Lao Động Xuất Sắc") == "khớp «Tập thể lao động xuất sắc»"
    assert awards.match_of("Giấy Khen Hiệu Trưởng") == "chưa có trong danh mục"
    assert dialog.summary.text() == "41 dòng: 20 hợp lệ, 21 dòng có lỗi."
    assert dialog.import_valid.text() == "Chỉ nhập 20 dòng hợp lệ (bỏ 21 dòng)"
    assert not dialog.import_all.isEnabled()
    problems = " ".join(dialog.report.lines())
    assert "21 dòng (dòng 8, 9, 10, 17, 21 …)" in problems and "--" not in problems

    pick(awards.combo("Giấy Khen Hiệu Trưởng"), "new")
    assert awards.match_of("Giấy Khen Hiệu Trưởng").startswith("thêm làm hình thức mới, thứ hạng")
    province = _form(store, ceremony, PROVINCE)
    pick(awards.combo("Bằng Khen Ủy Ban Nhân Dân Thành Phố"), province.id)
    assert awards.match_of("Bằng Khen Ủy Ban Nhân Dân Thành Phố") == (
        f"đã chọn «{PROVINCE}» (ghi nhớ làm tên gọi khác)"
    )
    assert awards.combo("Giấy Khen Hiệu Trưởng").currentData() == "new"  # kept across re-runs
    assert dialog.tabs.tabText(2) == "Hình thức khen thưởng (7, 2 chưa khớp)"
    assert dialog.import_valid.text() == "Chỉ nhập 31 dòng hợp lệ (bỏ 10 dòng)"
    assert not dialog.import_all.isVisible()

    dialog.import_valid.click()
    stored = list_honourees(store, ceremony)
    assert len(stored) == 31
    added = _form(store, ceremony, "Giấy Khen Hiệu Trưởng")
    assert sum(h.award_form_id == added.id for h in stored) == 3
    assert added.rank > _form(store, ceremony, PROVINCE).rank  # a Giấy khen ranks below
    province = _form(store, ceremony, PROVINCE)
    assert "Bằng Khen Ủy Ban Nhân Dân Thành Phố" in province.aliases
    assert sum(h.award_form_id == province.id for h in stored) == 8
    assert messages.shown[-1] == "Đã nhập 31 người/tập thể, bỏ qua 10 dòng có lỗi."


def test_r04_takes_the_whole_list_award_from_the_combo(make_window, store, ceremony):
    dialog = make_window(ceremony).open_import(R04)
    panel = dialog.choices
    assert len(dialog.preview.invalid_rows) == 4  # the file names no award
    assert panel.award_source.text() == "tệp không ghi; chọn nếu cần"
    assert not dialog.import_all.isEnabled() and not dialog.import_valid.isEnabled()

    panel.award.setEditText("Kỷ niệm chương gì đó")  # typed, matches nothing
    panel.award.lineEdit().editingFinished.emit()
    assert dialog.preview is None and dialog.rows_model.rowCount() == 0
    refusal = dialog.status.text()
    assert "«Kỷ niệm chương gì đó» không khớp hình thức nào" in refusal
    assert "ô «Hình thức»" in refusal and "--" not in refusal
    assert not dialog.import_all.isEnabled()

    pick(panel.award, PROVINCE)
    assert panel.award_source.text() == "người dùng chọn"
    assert dialog.preview.invalid_rows == ()
    assert dialog.import_all.text() == "Nhập 4 dòng" and dialog.import_all.isEnabled()
    assert panel.kind_source.text() == "tệp không ghi; chọn nếu cần"  # kinds come per row
    dialog.import_all.click()
    stored = list_honourees(store, ceremony)
    province = _form(store, ceremony, PROVINCE)
    assert len(stored) == 4 and {h.award_form_id for h in stored} == {province.id}
    assert {h.kind for h in stored} == {"collective", "individual", "household"}


def test_changing_a_column_changes_the_preview(make_window, ceremony):
    dialog = make_window(ceremony).open_import(SAMPLES / "district.xlsx")
    mapping = dialog.mapping
    row = mapping.row_of("E")
    assert mapping.item(row, 1).text() == "Chức vụ"
    assert "Chuyên viên" in mapping.item(row, 2).text()  # a few values of the column
    positions = dialog.rows_model.HEADERS.index("Chức vụ")
    assert any(dialog.rows_model.rows[r].position for r in range(dialog.rows_model.rowCount()))
    pick(mapping.combo(row), None)
    assert all(not r.position for r in dialog.rows_model.rows)
    index = dialog.rows_model.index(5, positions)
    assert dialog.rows_model.data(index) == ""
    assert mapping.combo(mapping.row_of("E")).currentData() is None  # the table shows it
    pick(mapping.combo(mapping.row_of("E")), "position")
    assert any(r.position == "Chuyên viên" for r in dialog.rows_model.rows)


def test_a_refused_file_after_a_good_one_leaves_nothing_of_it(make_window, ceremony, tmp_path):
    lines = (SAMPLES / "simple.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("Giấy khen huyện", "Kỷ niệm chương gì đó")
    good = tmp_path / "danh-sach.csv"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    window = make_window(ceremony)
    dialog = window.open_import(good)
    valid = len(dialog.preview.valid_rows)
    assert dialog.import_valid.text() == f"Chỉ nhập {valid} dòng hợp lệ (bỏ 1 dòng)"
    for refused, says in ((R08, "danh sách trống"), (SAMPLES / "bad" / "truncated.xlsx", "")):
        dialog.set_file(refused)
        assert dialog.preview is None
        assert dialog.status.text().startswith(f"Không nhập được tệp {refused.name}: {says}")
        assert "\n" not in dialog.status.text()
        assert not dialog.import_valid.isVisible() and not dialog.import_valid.isEnabled()
        assert dialog.import_valid.text() == "" and not dialog.import_all.isEnabled()
        assert dialog.summary.text() == ""
        assert dialog.rows_model.rowCount() == 0 and dialog.mapping.rowCount() == 0
        assert dialog.awards.rowCount() == 0 and dialog.report.count() == 0
        assert dialog.tabs.tabText(0) == "Các dòng (0)"
        assert dialog.choices.award_source.text() == "" and dialog.choices.unit.text() == ""
        assert dialog.sheet.count() == 0 and not dialog.profile_note.isVisible()
        dialog.set_file(good)  # and back: the good file shows again, whole
        assert dialog.import_valid.text() == f"Chỉ nhập {valid} dòng hợp lệ (bỏ 1 dòng)"


def test_an_answer_for_the_previous_file_is_dropped(make_window, ceremony, qtbot):
    """Reading runs on a worker: the good file's preview arriving after the refused file
    was chosen must not bring its buttons back."""
    from kx_ceremony.ui.tasks import BackgroundRunner

    runner = BackgroundRunner()
    dialog = make_window(ceremony, runner=runner).open_import(SAMPLES / "district.xlsx")
    dialog.set_file(R08)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=60000)
    assert dialog.preview is None and "danh sách trống" in dialog.status.text()
    assert not dialog.import_all.isEnabled() and dialog.rows_model.rowCount() == 0


def _second_list(tmp_path: Path) -> Path:
    """Another list from the same unit: the same header, other people."""
    out = tmp_path / "dot-2.xlsx"
    shutil.copy(R04, out)
    book = openpyxl.load_workbook(out)
    sheet = book["DANHSACH"]
    names = {
        4: "UBND xã Bảo Ninh",
        5: "UBND xã Quang Phú",
        6: "Lê Thị Mai",
        7: "Gia đình ông Võ Văn Ba",
    }
    for row, name in names.items():
        sheet.cell(row, 3).value = name
    book.save(out)
    return out


def test_a_list_with_a_header_seen_before_comes_back_as_imported(
    make_window, store, ceremony, tmp_path
):
    window = make_window(ceremony)
    first = window.open_import(R04)
    pick(first.choices.award, PROVINCE)
    pick(first.mapping.combo(first.mapping.row_of("D")), None)  # «Chức vụ» left out
    assert not first.profile_note.isVisible()
    first.import_all.click()

    again = window.open_import(_second_list(tmp_path))
    assert again.profile_note.isVisible()
    assert again.profile_note.text().startswith(
        "Dùng lại cách nhập lần trước cho danh sách có cùng tiêu đề"
    )
    assert "đã gặp trước đây" not in again.status.text()  # said once, not twice
    assert again.choices.award.currentText() == PROVINCE
    assert again.choices.award_source.text() == "lần nhập trước"
    assert again.mapping.combo(again.mapping.row_of("D")).currentData() is None
    assert again.import_all.text() == "Nhập 4 dòng" and again.import_all.isEnabled()

    again.forget_profile.click()  # guess afresh: no award, «Chức vụ» read again
    assert not again.profile_note.isVisible()
    assert len(again.preview.invalid_rows) == 4
    assert again.mapping.combo(again.mapping.row_of("D")).currentData() == "position"
    assert again.choices.award_source.text() == "tệp không ghi; chọn nếu cần"


def test_the_dialog_fits_a_laptop_and_opens_to_its_screen(make_window, ceremony):
    window = make_window(ceremony)
    dialog = window.open_import(R09)
    free = dialog.screen().availableGeometry()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1093 and hint.height() <= 693, (tab, hint)
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    assert dialog.height() > 693  # uses the laptop's height, not a fixed small size


def test_the_unit_and_kind_for_the_whole_list_say_where_they_come_from(make_window, ceremony):
    dialog = make_window(ceremony).open_import(SAMPLES / "district.xlsx")
    panel = dialog.choices
    assert panel.unit.text() == "UBND HUYỆN KIẾN XƯƠNG"
    assert panel.unit_source.text() == "theo cơ quan ghi ở góc trên bên trái"
    panel.unit.setText("Huyện Kiến Xương")
    panel.unit.editingFinished.emit()
    assert panel.unit_source.text() == "người dùng chọn"
    assert dialog.preview.choices.unit == "Huyện Kiến Xương"
    panel.unit.setText("")  # nothing for the whole list: not the title's either
    panel.unit.editingFinished.emit()
    assert dialog.preview.choices.unit == "" and panel.unit.text() == ""
    assert panel.unit_source.text() == "tệp không ghi; chọn nếu cần"

    dialog.set_file(R09)  # «Đơn Vị» heads a list of collectives
    assert panel.kind.currentData() == "collective"
    assert panel.kind_source.text() == "theo tiêu đề cột tên"
    pick(panel.kind, "")
    assert dialog.preview.choices.kind is None
    assert panel.kind_source.text() == "tệp không ghi; chọn nếu cần"


def test_a_likely_duplicate_is_listed_apart_and_imported(make_window, store, ceremony, tmp_path):
    lines = (SAMPLES / "simple.csv").read_text(encoding="utf-8-sig").splitlines()
    again = lines[1].split(",")
    again[0], again[3] = "99", ""  # the same person, no birth year this time
    sheet = tmp_path / "lap.csv"
    sheet.write_text("\n".join([*lines, ",".join(again)]) + "\n", encoding="utf-8-sig")
    dialog = make_window(ceremony).open_import(sheet)
    total = len(lines)
    report = dialog.report.lines()
    assert report[0].startswith("Cần xem lại (vẫn nhập): 1 dòng")
    assert "Dương Văn Thắng" in report[1] and "có thể trùng với dòng 2" in report[1]
    assert dialog.summary.text() == f"{total} dòng: {total} hợp lệ; 1 dòng cần xem lại (vẫn nhập)."
    assert dialog.import_all.text() == f"Nhập {total} dòng" and dialog.import_all.isEnabled()
    dialog.import_all.click()
    assert len(list_honourees(store, ceremony)) == total

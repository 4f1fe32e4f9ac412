"""What the window's import dialog asks of the engine beyond the command line: award
values added one by one, whole-list values set to nothing on purpose, a few values per
column, and refusals whose remedy names the dialog's controls, not an option."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.importing import ListChoices, preview_import, run_import
from kx_ceremony.core.importing.award_choice import NEW, UNKNOWN
from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

SAMPLES = Path(__file__).parent / "samples"
R09 = SAMPLES / "real" / "r09_khenthuong_matran_x.xlsx"


@pytest.fixture
def ceremony(store) -> int:
    return create_ceremony(store, CeremonyInput("T", dt.date(2024, 1, 5)))


def test_award_values_added_one_by_one(store, ceremony):
    preview = preview_import(store, ceremony, R09, add_awards=["giấy khen hiệu trưởng"])
    status = {a.text: a.status for a in preview.awards}
    assert status["Giấy Khen Hiệu Trưởng"] == NEW  # matched loosely (case, marks)
    assert status["Bằng Khen Ủy Ban Nhân Dân Thành Phố"] == UNKNOWN  # not added with it
    assert status["Huân Chương Lao Động Hạng Ba"] == UNKNOWN
    result = run_import(store, ceremony, R09, skip_invalid=True, preview=preview)
    assert result.imported == 41 - 18
    names = [f.full_name for f in list_award_forms(store, ceremony)]
    assert "Giấy Khen Hiệu Trưởng" in names and "Huân Chương Lao Động Hạng Ba" not in names


def test_a_whole_list_value_set_to_nothing_is_not_taken_from_the_file(store, ceremony):
    district = SAMPLES / "district.xlsx"
    read = preview_import(store, ceremony, district)
    assert read.choices.unit == "UBND HUYỆN KIẾN XƯƠNG"
    cleared = preview_import(store, ceremony, district, choices=ListChoices(cleared=("unit",)))
    assert cleared.choices.unit == "" and cleared.choices.source_of("unit") == ""
    assert preview_import(store, ceremony, R09).choices.kind.value == "collective"
    kinds = preview_import(store, ceremony, R09, choices=ListChoices(cleared=("kind",)))
    assert kinds.choices.kind is None and kinds.choices.source_of("kind") == ""


def test_a_few_values_of_each_column(store, ceremony):
    preview = preview_import(store, ceremony, SAMPLES / "district.xlsx")
    position = next(c for c in preview.columns if c.field == "position")
    samples = preview.samples[position.index]
    assert len(samples) == 3 and len(set(samples)) == 3 and "Chuyên viên" in samples


def test_an_unknown_whole_list_award_names_the_dialogs_box_in_the_window(store, ceremony):
    with pytest.raises(UserError) as refused:
        preview_import(
            store,
            ceremony,
            SAMPLES / "real" / "r04_nhandulieu.xlsx",
            choices=ListChoices(award="Kỷ niệm chương gì đó"),
        )
    assert "--add-awards" in refused.value.message  # the command line keeps its remedy
    assert "--" not in refused.value.window_text and "ô «Hình thức»" in refused.value.window_text
    # Chosen to be added as a new form, it is no longer refused.
    added = preview_import(
        store,
        ceremony,
        SAMPLES / "real" / "r04_nhandulieu.xlsx",
        choices=ListChoices(award="Kỷ niệm chương gì đó"),
        add_awards=["Kỷ niệm chương gì đó"],
    )
    assert added.invalid_rows == ()

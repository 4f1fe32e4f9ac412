"""The honourees table model on its own, without a window (as Vorta tests its models)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kx_ceremony.core.services.honouree_table import table_rows
from kx_ceremony.core.text.vietnamese import fold_for_search
from kx_ceremony.ui.honouree_model import (
    COL_NAME,
    COL_ORDER,
    COL_PRINTED,
    NOT_PRINTED,
    PRINTED,
    UNPLACED,
    HonoureeTableModel,
)


@pytest.fixture
def model(qapp, store, demo_id):
    model = HonoureeTableModel()
    model.set_rows(table_rows(store, demo_id))
    return model


def _names(model):
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_the_model_keeps_qt_s_rules(model, qtmodeltester):
    assert model.rowCount() == model.total > 10
    qtmodeltester.check(model)
    model.set_search("nguyen")
    qtmodeltester.check(model)


def test_search_ignores_marks_and_case_and_never_matches_across_fields(model):
    everyone = _names(model)
    model.set_search("NGUYEN VAN")
    found = _names(model)
    assert found and len(found) < len(everyone)
    assert all("nguyen van" in fold_for_search(n) for n in found)
    model.set_search("")
    assert _names(model) == everyone


def test_filters_by_award_kind_and_unplaced(model):
    first = model.row_at(0)
    model.set_filters(first.award_form_id, None, None)
    assert {model.row_at(r).award_form_id for r in range(model.rowCount())} == {first.award_form_id}
    model.set_filters(None, "collective", None)
    assert model.rowCount() > 0
    assert {model.row_at(r).kind for r in range(model.rowCount())} == {"collective"}
    model.set_filters(None, None, UNPLACED)
    assert all(model.row_at(r).round is None for r in range(model.rowCount()))


def test_sorting_keeps_each_row_s_presentation_number(model):
    in_order = {model.row_at(r).id: model.index(r, COL_ORDER).data() for r in range(10)}
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    descending = _names(model)
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert _names(model) == list(reversed(descending)) or len(set(descending)) < len(descending)
    for r in range(model.rowCount()):
        row_id = model.row_at(r).id
        if row_id in in_order:
            assert model.index(r, COL_ORDER).data() == in_order[row_id]


def test_printed_column_and_filter(model):
    first, second = model.row_at(0), model.row_at(1)
    model.set_printed({first.id: "Đã in lên phôi"})
    assert model.index(0, COL_PRINTED).data() == "Đã in lên phôi"
    assert model.index(1, COL_PRINTED).data() == "Chưa in"
    model.set_printed_filter(PRINTED)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [first.id]
    model.set_printed_filter(NOT_PRINTED)
    assert model.row_of_id(first.id) is None
    assert model.row_of_id(second.id) is not None


def test_headers_are_vietnamese(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[COL_NAME] == "Họ tên / Tên tập thể"
    assert "Hình thức khen thưởng" in headers

"""Layouts as data, shrink-to-fit, the printer offset settings and the calibration page."""

from __future__ import annotations

import json

import pytest
from printing_helpers import MM, page_texts, page_words, print_scaling, words_of

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.paths import resource_path
from kx_ceremony.core.printing.layouts import FIELD_LABELS, layout_names, load_layout
from kx_ceremony.core.printing.printer_offset import (
    PrinterOffset,
    load_offset,
    save_offset,
    settings_path,
)
from kx_ceremony.core.printing.textfit import LEADING, fit_text
from kx_ceremony.core.services.awards import find_award_form, update_award_form


def test_layout_files_are_a3_landscape_and_complete():
    assert {"default", "bang-khen", "giay-khen"} <= set(layout_names())
    for name in ("default", "bang-khen", "giay-khen"):
        layout = load_layout(name)
        assert (layout.page_width, layout.page_height) == (420, 297)
        assert {f.name for f in layout.fields} == set(FIELD_LABELS)
        for box in layout.fields:
            assert box.x + box.width <= layout.page_width
            assert box.y + box.height <= layout.page_height
        json.loads(resource_path("layouts", f"{name}.json").read_text(encoding="utf-8"))


def test_saved_layout_wins_field_by_field():
    layout = load_layout(
        "bang-khen", {"page": {"width": 400, "height": 300}, "fields": {"recipient": {"y": 90}}}
    )
    base = load_layout("bang-khen")
    assert (layout.page_width, layout.page_height) == (400, 300)
    assert layout.field("recipient").y == 90
    assert layout.field("recipient").x == base.field("recipient").x
    assert layout.field("achievement") == base.field("achievement")
    assert load_layout("no-such-layout").name == "default"


@pytest.mark.parametrize(
    "override, words",
    [
        ({"fields": {"recipient": {"x": "abc"}}}, "Người/tập thể nhận"),
        ({"fields": {"recipient": {"style": "heavy"}}}, "heavy"),
        ({"fields": {"recipient": {"colour": "red"}}}, "red"),
        ({"fields": {"signature": {"x": 1}}}, "signature"),
        ({"page": {"width": 10}}, "khổ giấy"),
    ],
)
def test_bad_layout_is_refused_clearly(override, words):
    with pytest.raises(UserError) as caught:
        load_layout("bang-khen", override)
    assert words in caught.value.message


def test_bad_saved_layout_stops_printing_with_exit_2(cli, store, demo_id, tmp_path):
    form = find_award_form(store, demo_id, "GK huyện")
    update_award_form(store, demo_id, form.id, layout={"fields": {"recipient": {"size": -3}}})
    out = tmp_path / "x.pdf"
    result = cli("print", "certificates", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 2 and "Người/tập thể nhận" in result.err
    assert "Giấy khen của Chủ tịch UBND huyện" in result.err
    assert not out.exists()


def _measure(text: str, size: float) -> float:
    return len(text) * 0.5 * size  # every character half an em wide


def test_fit_keeps_size_when_text_fits():
    fitted = fit_text("Lê Văn Hải", _measure, 30, 20, 1000, 100, 2)
    assert fitted.size == 30 and fitted.lines == ("Lê Văn Hải",)


def test_fit_shrinks_on_one_line_down_to_the_minimum():
    text = "x" * 40  # 600 pt wide at 30 pt
    fitted = fit_text(text, _measure, 30, 20, 500, 100, 2)
    assert fitted.lines == (text,)
    assert 20 <= fitted.size < 30 and _measure(text, fitted.size) <= 500


def test_fit_wraps_to_two_lines_below_the_minimum():
    text = " ".join(["word"] * 30)  # 149 characters
    fitted = fit_text(text, _measure, 30, 20, 500, 100, 2)
    assert len(fitted.lines) == 2 and " ".join(fitted.lines) == text
    assert all(_measure(line, fitted.size) <= 500 for line in fitted.lines)
    assert 2 * fitted.size * LEADING <= 100


def test_fit_never_overflows_even_below_the_minimum():
    text = " ".join(["word"] * 200)
    fitted = fit_text(text, _measure, 30, 20, 500, 60, 2)
    assert " ".join(fitted.lines) == text and len(fitted.lines) <= 2
    assert all(_measure(line, fitted.size) <= 500 for line in fitted.lines)
    assert 0 < fitted.size < 20
    single = fit_text("y" * 500, _measure, 30, 20, 500, 60, 2)  # one word: shrinks only
    assert single.lines == ("y" * 500,) and _measure("y" * 500, single.size) <= 500


def test_offset_saved_in_user_settings_and_checked(tmp_path):
    assert load_offset() == PrinterOffset(0, 0)
    path = save_offset(PrinterOffset(1.5, -2))
    assert path == settings_path() and path.is_relative_to(tmp_path)
    assert load_offset() == PrinterOffset(1.5, -2)
    with pytest.raises(UserError):
        save_offset(PrinterOffset(80, 0))
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_offset()
    assert str(path) in caught.value.message


def test_calibration_page_needs_no_ceremony(cli, tmp_path):
    out = tmp_path / "cal.pdf"
    result = cli("print", "calibration", "-o", str(out), db=tmp_path / "never-made.sqlite")
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    assert not (tmp_path / "never-made.sqlite").exists()
    (text,) = page_texts(out)
    assert "TRANG CANH CHỈNH" in text and "Người/tập thể nhận" in text
    assert "MẪU CHUNG" in text
    assert print_scaling(out) == "/None"


@pytest.mark.parametrize(
    "award, title",
    [("giay-khen", "GIẤY KHEN"), ("BK TTg", "BẰNG KHEN"), ("Giấy khen huyện", "GIẤY KHEN")],
)
def test_calibration_uses_the_named_layout(cli, tmp_path, award, title):
    out = tmp_path / "cal.pdf"
    assert cli("print", "calibration", "-o", str(out), "--award", award).status == 0
    assert title in page_texts(out)[0]


def test_calibration_unknown_award_is_refused(cli, tmp_path):
    result = cli("print", "calibration", "-o", str(tmp_path / "c.pdf"), "--award", "Huy chương")
    assert result.status == 2 and "bang-khen" in result.err


def test_calibration_with_ceremony_shows_the_saved_layout_and_offset(cli, store, demo_id, tmp_path):
    form = find_award_form(store, demo_id, "GK huyện")
    update_award_form(store, demo_id, form.id, layout={"fields": {"recipient": {"x": 50}}})
    plain, moved = tmp_path / "a.pdf", tmp_path / "b.pdf"
    args = ("--ceremony", str(demo_id), "--award", "GK huyện")
    assert cli("print", "calibration", "-o", str(plain), *args).status == 0
    label = words_of(page_words(plain), "Người/tập thể nhận")[0]
    assert label.x0 == pytest.approx(51 * MM, abs=0.5)  # 1 mm inside the box
    result = cli("print", "calibration", "-o", str(moved), *args, "--offset-x", "2")
    assert result.status == 0 and "+2 mm" in result.out
    shifted = words_of(page_words(moved), "Người/tập thể nhận")[0]
    assert shifted.x0 - label.x0 == pytest.approx(2 * MM, abs=0.05)


def test_adjusted_layout_is_validated_saved_and_reset(store, demo_id):
    from kx_ceremony.core.printing.layout_store import adjust_layout, reset_layout

    form = find_award_form(store, demo_id, "BK tỉnh")
    layout = adjust_layout(store, demo_id, form.id, {"fields": {"recipient": {"y": 124}}})
    assert layout.field("recipient").y == 124
    layout = adjust_layout(store, demo_id, form.id, {"fields": {"recipient": {"size": 28}}})
    assert (layout.field("recipient").y, layout.field("recipient").size) == (124, 28)
    assert find_award_form(store, demo_id, "BK tỉnh").layout == {
        "fields": {"recipient": {"y": 124, "size": 28}}
    }
    with pytest.raises(UserError):
        adjust_layout(store, demo_id, form.id, {"fields": {"recipient": {"width": 0}}})
    assert find_award_form(store, demo_id, "BK tỉnh").layout["fields"]["recipient"]["size"] == 28
    assert reset_layout(store, demo_id, form.id) == load_layout("bang-khen")

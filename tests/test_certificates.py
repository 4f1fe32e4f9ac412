"""Certificates read back from the PDFs: order, modes, long and markup-like text, filters,
split files, the printer offset and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from printing_helpers import (
    MM,
    make_ceremony,
    page_texts,
    page_words,
    print_scaling,
    words_of,
)

from kx_ceremony.core.printing.certificate_text import recipient_line
from kx_ceremony.core.services.awards import update_award_form
from kx_ceremony.core.services.honourees import list_honourees

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _print(cli, ceremony: int, out: Path, *extra: str):
    result = cli("print", "certificates", "--ceremony", str(ceremony), "-o", str(out), *extra)
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    return result


@pytest.mark.parametrize("mode", ["full", "blank"])
def test_each_honouree_on_own_page_in_presentation_order(cli, store, demo_id, tmp_path, mode):
    out = tmp_path / f"{mode}.pdf"
    _print(cli, demo_id, out, "--mode", mode)
    rows = list_honourees(store, demo_id)
    pages = page_texts(out)
    assert len(pages) == len(rows)
    for page, row in zip(pages, rows, strict=True):
        assert recipient_line(row) in page
        holders = [i for i, p in enumerate(pages) if recipient_line(row) in p]
        assert len(holders) == 1, row.name
    has_title = [NATIONAL in p for p in pages]
    words = ["BẰNG KHEN" in p or "GIẤY KHEN" in p for p in pages]
    if mode == "full":
        assert all(has_title) and all(words)
        by_award = {r.award: p for r, p in zip(rows, pages, strict=True)}
        assert "GIẤY KHEN" in by_award["Giấy khen của Chủ tịch UBND huyện"]
        assert "BẰNG KHEN" in by_award["Bằng khen của Thủ tướng Chính phủ"]
        assert "THỦ TƯỚNG CHÍNH PHỦ" in by_award["Bằng khen của Thủ tướng Chính phủ"]
    else:
        assert not any(has_title) and not any(words)
    assert print_scaling(out) == "/None"


def test_variable_lines_follow_the_decision(cli, store, tmp_path):
    cid, _ = make_ceremony(
        store,
        [
            {
                "name": "Trần Văn Bình",
                "gender": "male",
                "position": "Trưởng phòng",
                "unit": "Phòng Nội vụ",
                "register_number": "GK-07",
            },
            {"name": "Phòng Tư pháp huyện", "kind": "collective"},
            {"name": "Gia đình bà Nguyễn Thị Mận", "kind": "household"},
        ],
    )
    out = tmp_path / "c.pdf"
    _print(cli, cid, out, "--mode", "blank")
    pages = page_texts(out)
    first = next(p for p in pages if "Bình" in p)
    assert "Ông Trần Văn Bình" in first
    assert "Trưởng phòng Nội vụ" in first  # the position and unit share "phòng"
    assert "Quyết định số 12/QĐ-UBND, ngày 30 tháng 12 năm 2022" in first
    assert "Số sổ vàng: GK-07" in first
    assert "Kiến Xương, ngày 30 tháng 12 năm 2022" in first
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in first
    assert "Đỗ Mạnh Cường" in first
    assert "năm 2022" in first  # the default achievement names the ceremony's year
    assert any("Tập thể Phòng Tư pháp huyện" in p for p in pages)
    assert any("Gia đình bà Nguyễn Thị Mận" in p and "Tập thể Gia" not in p for p in pages)


LONG_NAME = "Tôn Nữ Hoàng Phương Thảo Nguyễn Ngọc Bảo Châu Lê Minh Hằng Y"  # 60 characters
LONG_UNIT = (
    "Trung tâm Văn hóa, Thông tin và Thể thao huyện Kiến Xương, "
    "tỉnh Thái Bình (cơ sở 2, thôn Đông Hải 1)"
)


def test_long_and_markup_like_text_prints_whole_and_inside_its_box(cli, store, tmp_path):
    assert len(LONG_NAME) == 60 and len(LONG_UNIT) == 100
    markup = "Công ty <TNHH> Hải & Sơn"
    cid, form_id = make_ceremony(
        store,
        [
            {"name": LONG_NAME, "gender": "female", "position": "Chuyên viên", "unit": LONG_UNIT},
            {"name": markup, "kind": "collective", "unit": "A &amp; B <i>x</i>"},
            {"name": "Lê Văn Hải", "gender": "male", "unit": "UBND xã"},
        ],
    )
    # The organiser narrowed the boxes (saved with the award form; wins over the file).
    narrow = {"x": 85, "width": 250}
    update_award_form(
        store, cid, form_id, layout={"fields": {"recipient": narrow, "position_unit": narrow}}
    )
    out = tmp_path / "long.pdf"
    _print(cli, cid, out, "--mode", "full")
    rows = list_honourees(store, cid)
    pages = page_texts(out)
    page_of = {r.name: i + 1 for i, r in enumerate(rows)}
    long_text = pages[page_of[LONG_NAME] - 1]
    assert f"Bà {LONG_NAME}" in long_text
    assert LONG_UNIT in long_text
    assert f"Tập thể {markup}" in pages[page_of[markup] - 1]
    assert "A &amp; B <i>x</i>" in pages[page_of[markup] - 1]

    # The recipient box: x 85..335 mm, y 120..140 mm.
    long_words = words_of(page_words(out, page_of[LONG_NAME]), f"Bà {LONG_NAME}")
    short_words = words_of(page_words(out, page_of["Lê Văn Hải"]), "Ông Lê Văn Hải")
    for word in long_words:
        assert word.x0 >= 85 * MM - 1 and word.x1 <= 335 * MM + 1, word
        assert word.y0 >= 120 * MM - 2 and word.y1 <= 140 * MM + 2, word
    assert long_words[0].height < short_words[0].height  # shrunk, only this one
    unit_words = words_of(page_words(out, page_of[LONG_NAME]), LONG_UNIT)
    assert all(w.x0 >= 85 * MM - 1 and w.x1 <= 335 * MM + 1 for w in unit_words)
    short_unit = words_of(page_words(out, page_of["Lê Văn Hải"]), "Ủy ban nhân dân xã")  # written out
    assert unit_words[0].height < short_unit[0].height


def test_missing_glyph_is_refused_naming_honouree_and_character(cli, store, tmp_path):
    cid, _ = make_ceremony(store, [{"name": "Nguyễn Văn 王", "gender": "male"}])
    out = tmp_path / "x.pdf"
    result = cli("print", "certificates", "--ceremony", str(cid), "-o", str(out))
    assert result.status == 2
    assert "Nguyễn Văn 王" in result.err and "U+738B" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_split_writes_one_file_per_honouree(cli, store, demo_id, tmp_path):
    out, folder = tmp_path / "all.pdf", tmp_path / "split"
    result = _print(cli, demo_id, out, "--split", str(folder), "--award", "GK huyện")
    rows = [r for r in list_honourees(store, demo_id) if r.award.startswith("Giấy khen")]
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(rows) == len(page_texts(out))
    assert str(folder) in result.out
    for path, row in zip(files, rows, strict=True):
        assert path.name.endswith(f" - {row.name}.pdf")
        assert path.name[:3].isdigit()
        texts = page_texts(path)
        assert len(texts) == 1 and recipient_line(row) in texts[0]
        assert print_scaling(path) == "/None"


def test_split_file_names_are_safe(cli, store, tmp_path):
    cid, _ = make_ceremony(store, [{"name": 'Hội "A/B" <C>: D?', "kind": "collective"}])
    folder = tmp_path / "split"
    _print(cli, cid, tmp_path / "a.pdf", "--split", str(folder))
    (only,) = folder.glob("*.pdf")
    assert only.name == "001 - Hội A B C D.pdf"


def test_award_filter_and_unknown_award(cli, store, demo_id, tmp_path):
    out = tmp_path / "ttg.pdf"
    _print(cli, demo_id, out, "--award", "BK TTg", "--mode", "full")
    expected = [r for r in list_honourees(store, demo_id) if "Thủ tướng" in r.award]
    pages = page_texts(out)
    assert len(pages) == len(expected) == 2
    for page, row in zip(pages, expected, strict=True):
        assert recipient_line(row) in page
    bad = cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "-o",
        str(tmp_path / "n.pdf"),
        "--award",
        "Huy chương vàng",
    )
    assert bad.status == 2 and "Huy chương vàng" in bad.err


def test_round_filter_follows_stage_positions(cli, store, demo_id, tmp_path):
    from kx_ceremony.core.services.stage_edits import move_honouree

    # The demo's plan puts the province's awards in round 2; move its 6th person to the front.
    in_round = [r for r in list_honourees(store, demo_id) if r.round == 2]
    assert len(in_round) >= 6
    move_honouree(store, demo_id, in_round[5].id, 2, 1)
    chosen = [r for r in list_honourees(store, demo_id) if r.round == 2]
    assert chosen[0].id == in_round[5].id
    out = tmp_path / "r2.pdf"
    _print(cli, demo_id, out, "--round", "2")
    pages = page_texts(out)
    assert [recipient_line(r) in p for r, p in zip(chosen, pages, strict=True)] == [True] * len(
        chosen
    )
    empty = cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "-o",
        str(tmp_path / "r9.pdf"),
        "--round",
        "9",
    )
    assert empty.status == 2 and "Đợt 9" in empty.err


def test_printer_offset_moves_blank_mode_only(cli, store, demo_id, tmp_path):
    first = list_honourees(store, demo_id)[0]
    phrase = recipient_line(first)
    before = tmp_path / "before.pdf"
    _print(cli, demo_id, before, "--mode", "blank")
    full_before = tmp_path / "full-before.pdf"
    _print(cli, demo_id, full_before, "--mode", "full")
    saved = cli(
        "print",
        "calibration",
        "-o",
        str(tmp_path / "cal.pdf"),
        "--offset-x",
        "5",
        "--offset-y=-3,5",
    )
    assert saved.status == 0, saved.err
    after = tmp_path / "after.pdf"
    _print(cli, demo_id, after, "--mode", "blank", "--reprint", "--reason", "canh chỉnh lại")
    full_after = tmp_path / "full-after.pdf"
    _print(cli, demo_id, full_after, "--mode", "full")
    w0 = words_of(page_words(before), phrase)[0]
    w1 = words_of(page_words(after), phrase)[0]
    assert w1.x0 - w0.x0 == pytest.approx(5 * MM, abs=0.05)
    assert w1.y0 - w0.y0 == pytest.approx(-3.5 * MM, abs=0.05)
    f0 = words_of(page_words(full_before), phrase)[0]
    f1 = words_of(page_words(full_after), phrase)[0]
    assert (f0.x0, f0.y0) == pytest.approx((f1.x0, f1.y0))


def test_progress_and_cancel_leave_no_file(store, demo_id, tmp_path):
    from kx_ceremony.core.errors import Cancelled
    from kx_ceremony.core.printing.certificates import print_certificates

    seen: list[tuple[int, int]] = []
    out = tmp_path / "c.pdf"
    with pytest.raises(Cancelled):
        print_certificates(
            store,
            demo_id,
            out,
            progress=lambda d, t: seen.append((d, t)),
            should_cancel=lambda: len(seen) >= 3,
        )
    assert seen == [(1, 28), (2, 28), (3, 28)]
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    done: list[int] = []
    result = print_certificates(store, demo_id, out, progress=lambda d, t: done.append(d))
    assert result.count == 28 and done[-1] == 28 and out.exists()


def test_unwritable_output_is_a_clear_refusal(cli, demo_id, tmp_path):
    folder = tmp_path / "is-a-folder.pdf"
    folder.mkdir()
    result = cli("print", "certificates", "--ceremony", str(demo_id), "-o", str(folder))
    assert result.status == 2 and str(folder) in result.err
    assert list(tmp_path.glob(".*.part")) == []


def test_real_process_prints_the_path_and_refuses_without_traceback(cli_process, store, tmp_path):
    cid, _ = make_ceremony(store, [{"name": "Lê Văn Hải", "gender": "male"}])
    out = tmp_path / "one.pdf"
    done = cli_process("print", "certificates", "--ceremony", str(cid), "-o", str(out))
    assert done.status == 0, done.err
    assert done.last_line == str(out) and page_texts(out) != []
    refused = cli_process(
        "print", "certificates", "--ceremony", "99", "-o", str(tmp_path / "x.pdf")
    )
    assert refused.status == 2 and "Traceback" not in refused.err

"""The covenant and pledge PDFs, read back with pypdf: content, Decree 30 form, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kx_ceremony.core.demo import COVENANT_UNITS, PLEDGE_TARGETS
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.pledges.drafts import draft_covenant, draft_pledge
from kx_ceremony.core.services.pledges.editing import find_document
from kx_ceremony.core.services.row_types import SignatoryRow

DATE_LINE = "Kiến Xương, ngày 05 tháng 01 năm 2023"
A4_POINTS = (595.3, 841.9)


def flat(text: str) -> str:
    """Text with every run of spaces and line breaks made one space (lines wrap anywhere)."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def runs(path: Path, page: int) -> list[tuple[str, str, float, float]]:
    """(text, font, size, absolute y) of each text run on one page."""
    found: list[tuple[str, str, float, float]] = []

    def visit(text, cm, tm, font_dict, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            found.append((flat(text), font, size * cm[3], y))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def font_of(path: Path, page: int, starts: str) -> tuple[str, float]:
    for text, font, size, _y in runs(path, page):
        if text.startswith(starts):
            return font, size
    raise AssertionError(f"{starts!r} not on page {page + 1}")


def test_demo_covenant_prints_every_unit_and_signer(cli, demo_id, tmp_path):
    out = tmp_path / "giao-uoc.pdf"
    result = cli("print", "covenant", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    reader = PdfReader(out)
    assert [round(float(v), 1) for v in reader.pages[0].mediabox[2:]] == list(A4_POINTS)
    text = " ".join(page_texts(out))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        DATE_LINE,
        "BẢN GIAO ƯỚC THI ĐUA NĂM 2023",
        "II. CHỈ TIÊU CHUNG",
        "IV. CHẤM ĐIỂM VÀ BÁO CÁO",
        "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC",
    ):
        assert expected in text
    assert len(COVENANT_UNITS) >= 6
    signing = text[text.index("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC") :]
    for unit, title, name in COVENANT_UNITS:
        assert unit in text  # the parties
        assert unit.upper() in signing and title in signing and name in signing
    # The cluster head signs first.
    assert signing.index(COVENANT_UNITS[0][0].upper()) < signing.index(COVENANT_UNITS[1][0].upper())


def test_decree30_type_conventions(cli, demo_id, tmp_path):
    out = tmp_path / "giao-uoc.pdf"
    assert cli("print", "covenant", "--ceremony", str(demo_id), "-o", str(out)).status == 0
    font, size = font_of(out, 0, "CỘNG HÒA XÃ HỘI")
    assert font.endswith("-Bold") and 12 <= size <= 13
    font, size = font_of(out, 0, "Độc lập - Tự do")
    assert font.endswith("-Bold") and 13 <= size <= 14
    font, size = font_of(out, 0, "Kiến Xương, ngày")
    assert font.endswith("-Italic") and 13 <= size <= 14
    last = len(PdfReader(out).pages) - 1
    assert font_of(out, last, COVENANT_UNITS[-1][2])[0].endswith("-Bold")  # signer name
    assert font_of(out, last, COVENANT_UNITS[-1][1])[0].endswith("-Bold")  # signer title
    # Margins: nothing left of 30 mm (body text starts at the left margin or indented).
    xs = []

    def visit(text, cm, tm, font_dict, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReader(out).pages[-1].extract_text(visitor_text=visit)
    assert min(xs) == pytest.approx(30 * 72 / 25.4, abs=0.5)


def test_demo_pledge_prints_targets_and_both_signers(cli, demo_id, tmp_path):
    out = tmp_path / "cam-ket.pdf"
    result = cli("print", "pledge", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    text = " ".join(page_texts(out))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        DATE_LINE,
        "BẢN CAM KẾT THI ĐUA NĂM 2023",
        "Bên cam kết: UBND huyện Kiến Xương",
        "Bên nhận cam kết: UBND tỉnh Thái Bình",
        "STT Chỉ tiêu Đơn vị tính Kế hoạch năm 2023",
        "BÊN NHẬN CAM KẾT",
        "Nguyễn Quang Hưng",
        "Đỗ Mạnh Cường",
    ):
        assert expected in text, expected
    for number, (target, measure, planned) in enumerate(PLEDGE_TARGETS, start=1):
        assert f"{number} {target} {measure} {planned}" in text
    # The receiving superior signs on the left, the pledging party on the right.
    signing = len(PdfReader(out).pages) - 1
    by_name = {t: y for t, _f, _s, y in runs(out, signing)}
    xs = {}

    def visit(t, cm, tm, font_dict, size):
        xs.setdefault(flat(t), tm[4] * cm[0] + cm[4])

    PdfReader(out).pages[-1].extract_text(visitor_text=visit)
    assert xs["Nguyễn Quang Hưng"] < xs["Đỗ Mạnh Cường"]
    assert by_name["Nguyễn Quang Hưng"] == pytest.approx(by_name["Đỗ Mạnh Cường"])


@pytest.fixture
def big_covenant(store, tmp_path) -> tuple[Path, list[tuple[str, str, str]]]:
    """A covenant of 25 units, some with long names, printed to PDF."""
    from kx_ceremony.core.printing.pledge_documents import print_pledge_document

    ceremony_id = create_ceremony(
        store,
        CeremonyInput("Hội nghị tổng kết 2024", __import__("datetime").date(2025, 1, 8), "Vũ Thư"),
    )
    units = []
    for i in range(1, 26):
        long = " Dịch vụ nông nghiệp và Phát triển nông thôn liên xã" if i % 4 == 0 else ""
        units.append((f"Đơn vị {i:02d}{long}", f"GIÁM ĐỐC K{i:02d}", f"Người Ký Số {i:02d}"))
    draft_covenant(store, ceremony_id, [SignatoryRow(0, *u) for u in units])
    out = print_pledge_document(store, ceremony_id, "covenant", tmp_path / "25.pdf")
    return out, units


def test_25_unit_signature_grid_never_splits_a_block(big_covenant):
    out, units = big_covenant
    pages = page_texts(out)
    first = next(i for i, t in enumerate(pages) if "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC" in t)
    # Only the signing part of each page: the parties list names every unit too.
    signing = [pages[first].split("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC", 1)[1], *pages[first + 1 :]]
    assert len(signing) >= 3, "25 blocks must need several pages, or this test proves nothing"
    seen_pages = []
    for unit, title, name in units:
        holding = [i for i, t in enumerate(signing) if name in t]
        assert len(holding) == 1, f"{name} on pages {holding}"
        page = signing[holding[0]]
        assert unit.upper() in page, f"{unit} torn from its name"
        assert title in page, f"{title} torn from its name"
        seen_pages.append(holding[0])
    assert seen_pages == sorted(seen_pages)  # signing order kept across pages
    assert len(set(seen_pages)) >= 3


def test_page_numbers_start_on_page_two_in_the_top_margin(big_covenant):
    out, _units = big_covenant
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    top_margin_y = A4_POINTS[1] - 20 * 72 / 25.4
    for index in range(len(reader.pages)):
        numbers = [(t, y) for t, _f, _s, y in runs(out, index) if t.isdigit() and y > top_margin_y]
        if index == 0:
            assert numbers == []
        else:
            assert numbers == [(str(index + 1), pytest.approx(numbers[0][1]))]


def test_ceremony_without_documents_says_how_to_make_one(cli, store, tmp_path):
    ceremony = cli(
        "new-ceremony", "--title", "Lễ thử", "--date", "2024-01-10", "--place", "Tiền Hải"
    )
    ceremony_id = ceremony.last_line
    out = tmp_path / "x.pdf"
    for kind, label in (("covenant", "bản giao ước thi đua"), ("pledge", "bản cam kết thi đua")):
        result = cli("print", kind, "--ceremony", ceremony_id, "-o", str(out))
        assert result.status == 2
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and label in lines[0] and "--draft" in lines[0]
        assert not out.exists()
        draft = cli("print", kind, "--ceremony", ceremony_id, "--draft", "-o", str(out))
        assert draft.status == 0, draft.err
        text = " ".join(page_texts(out))
        assert "Tiền Hải, ngày 10 tháng 01 năm 2024" in text
        assert "THI ĐUA NĂM 2024" in text
        out.unlink()
        assert find_document(store, int(ceremony_id), kind) is None  # printing stores nothing


def test_unknown_ceremony_is_a_user_error(cli, tmp_path):
    result = cli("print", "pledge", "--ceremony", "99", "-o", str(tmp_path / "x.pdf"))
    assert result.status == 2
    assert "Không có buổi lễ số 99" in result.err


def test_markup_characters_print_literally(store, tmp_path):
    from kx_ceremony.core.printing.pledge_documents import print_pledge_document

    ceremony_id = create_ceremony(
        store, CeremonyInput("Lễ", __import__("datetime").date(2023, 1, 5), "Kiến Xương")
    )
    draft_covenant(
        store,
        ceremony_id,
        ["Hội Cựu chiến binh & Hội Nông dân", ("Phòng <Kinh tế>", "TRƯỞNG PHÒNG", "Lê A")],
    )
    out = print_pledge_document(store, ceremony_id, "covenant", tmp_path / "m.pdf")
    text = " ".join(page_texts(out))
    assert "Hội Cựu chiến binh & Hội Nông dân" in text
    assert "PHÒNG <KINH TẾ>" in text


def test_a_glyph_the_font_lacks_is_refused_with_where_it_is(cli, store, tmp_path):
    ceremony_id = create_ceremony(
        store, CeremonyInput("Lễ", __import__("datetime").date(2023, 1, 5), "Kiến Xương")
    )
    draft_pledge(store, ceremony_id, pledging_party="UBND xã 漢", superior="UBND huyện")
    out = tmp_path / "p.pdf"
    result = cli("print", "pledge", "--ceremony", str(ceremony_id), "-o", str(out))
    assert result.status == 2
    assert "U+6F22" in result.err
    assert not out.exists()


def test_a_long_pledge_repeats_the_table_header_and_keeps_both_signers_together(store, tmp_path):
    from kx_ceremony.core.printing.pledge_documents import print_pledge_document
    from kx_ceremony.core.services.pledges.editing import update_document

    ceremony_id = create_ceremony(
        store,
        CeremonyInput(
            "Lễ", __import__("datetime").date(2023, 1, 5), "Kiến Xương", province="Thái Bình"
        ),
    )
    doc_id = draft_pledge(
        store,
        ceremony_id,
        pledging_party="UBND huyện Kiến Xương",
        superior_signer=("TM. ỦY BAN NHÂN DÂN TỈNH", "Nguyễn Quang Hưng"),
        pledging_signer=("CHỦ TỊCH", "Đỗ Mạnh Cường"),
    )
    targets = [
        {
            "target": f"Chỉ tiêu thử số {i:02d} về phát triển kinh tế",
            "measure": "%",
            "planned": str(i),
        }
        for i in range(1, 41)
    ]
    update_document(store, doc_id, extra={"targets": targets})
    out = print_pledge_document(store, ceremony_id, "pledge", tmp_path / "long.pdf")
    pages = page_texts(out)
    assert len(pages) >= 2
    holding = [i for i, t in enumerate(pages) if "Chỉ tiêu thử số" in t]
    assert len(holding) >= 2
    for i in holding:
        assert "STT Chỉ tiêu Đơn vị tính Kế hoạch năm 2023" in pages[i]
    for i in range(1, 41):
        assert f"{i} Chỉ tiêu thử số {i:02d} về phát triển kinh tế % {i}" in " ".join(pages)
    signed = [i for i, t in enumerate(pages) if "Nguyễn Quang Hưng" in t and "Đỗ Mạnh Cường" in t]
    assert signed == [len(pages) - 1]
    assert (
        "BÊN NHẬN CAM KẾT" in pages[-1] and "ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG CHỦ TỊCH" in pages[-1]
    )


def test_blocks_per_row_defaults_and_choice():
    from kx_ceremony.core.printing.covenant import blocks_per_row

    assert [blocks_per_row(n) for n in (1, 2, 3, 4, 5, 8, 25)] == [1, 2, 3, 2, 3, 3, 3]
    assert blocks_per_row(8, 2) == 2 and blocks_per_row(8, 7) == 3


def test_cluster_issuer_heads_the_left_column_and_rows_of_two(store, tmp_path):
    from kx_ceremony.core.printing.pledge_documents import print_pledge_document
    from kx_ceremony.core.services.pledges.editing import update_document

    ceremony_id = create_ceremony(
        store, CeremonyInput("Lễ", __import__("datetime").date(2023, 1, 5), "Kiến Xương")
    )
    doc_id = draft_covenant(
        store, ceremony_id, [(f"UBND xã Số {i}", "CHỦ TỊCH", f"Người {i}") for i in range(1, 6)]
    )
    update_document(store, doc_id, extra={"issuer": "Cụm thi đua số 3", "per_row": 2})
    out = print_pledge_document(store, ceremony_id, "covenant", tmp_path / "c.pdf")
    top = runs(out, 0)
    issuer = next(r for r in top if r[0] == "CỤM THI ĐUA SỐ 3")
    national = next(r for r in top if r[0].startswith("CỘNG HÒA"))
    assert issuer[1].endswith("-Bold") and abs(issuer[3] - national[3]) < 4  # same line
    ys: dict[str, float] = {}
    for index in range(len(PdfReader(out).pages)):
        for text, _font, _size, y in runs(out, index):
            if text.startswith("Người "):
                ys[text] = (index, round(y))
    assert ys["Người 1"] == ys["Người 2"] != ys["Người 3"] == ys["Người 4"] != ys["Người 5"]


def test_print_runs_as_a_real_process(cli_process, tmp_path):
    demo = cli_process("demo")
    assert demo.status == 0, demo.err
    out = tmp_path / "cam ket.pdf"
    result = cli_process("print", "pledge", "--ceremony", demo.last_line, "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out) and out.stat().st_size > 5000

"""The Vietnamese text rules: NFC, spacing, name repair, honorifics, folding, collation, dates."""

import datetime as dt
import random
import unicodedata

import pytest

from kx_ceremony.core.text.vietnamese import (
    clean_text,
    collation_key,
    date_line,
    fold,
    fold_for_search,
    person_sort_key,
    repair_name_case,
    split_honorific,
)


def test_clean_text_makes_nfc_and_tidies_spacing():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn \u00a0Văn\t\tAn\u200b ")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    cleaned = clean_text(decomposed)
    assert cleaned == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(None) == ""
    assert clean_text(1990) == "1990"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("TRƯƠNG THÚY HƯƠNG", "Trương Thúy Hương"),
        ("đặng thanh oanh", "Đặng Thanh Oanh"),
        ("ĐỖ  THỊ   LAN", "Đỗ Thị Lan"),
        ("UBND xã Lê Lợi", "UBND xã Lê Lợi"),  # mixed case is left as typed
        ("Phòng Văn hóa và Thông tin huyện", "Phòng Văn hóa và Thông tin huyện"),
        ("TRƯỜNG THCS LÊ QUÝ ĐÔN", "Trường THCS Lê Quý Đôn"),  # abbreviations stay
        ("Lê Văn Quí", "Lê Văn Quí"),  # i/y spellings are never "corrected"
    ],
)
def test_repair_name_case(raw, expected):
    assert repair_name_case(raw) == expected


@pytest.mark.parametrize(
    ("raw", "name", "gender", "prefix"),
    [
        ("Ông Trương Quang Sáng", "Trương Quang Sáng", "male", "Ông"),
        ("Bà Lê Thị Thủy", "Lê Thị Thủy", "female", "Bà"),
        ("bà  Lê Thị Hoa", "Lê Thị Hoa", "female", "bà"),
        ("Đồng chí Nguyễn Quang Hưng", "Nguyễn Quang Hưng", None, "Đồng chí"),
        ("Đ/c Vũ Ngọc Trì", "Vũ Ngọc Trì", None, "Đ/c"),
        ("Đại tá Lê Văn Tiến", "Lê Văn Tiến", None, "Đại tá"),
        ("Ông. Phạm Văn Bình", "Phạm Văn Bình", "male", "Ông"),
        ("Bà", "Bà", None, ""),  # nothing would be left
        ("Bà Hoa", "Bà Hoa", None, ""),  # a one-word remainder is not a full name
        ("Bạch Văn Long", "Bạch Văn Long", None, ""),  # a surname, not "Bà"
        ("Ôn Văn Tuấn", "Ôn Văn Tuấn", None, ""),
    ],
)
def test_split_honorific(raw, name, gender, prefix):
    result = split_honorific(raw)
    assert (result.name, result.gender, result.prefix) == (name, gender, prefix)


def test_folding_ignores_case_marks_and_tone_placement():
    assert fold("Hoà") == fold("Hòa") == fold("HÒA") == fold("hoa") == "hoa"
    assert fold("Thuỷ") == fold("Thủy") == "thuy"
    assert fold("Đặng Đức") == "dang duc"  # đ does not decompose: handled by hand
    assert fold_for_search("  Nguyễn   Văn ") == "nguyen van"
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert fold(decomposed) == "nguyen"
    # One folded character per character, so positions line up for highlighting.
    text = "Trương Thị Ánh Đào"
    assert len(fold(text)) == len(text)


def _fold_by_definition(text: str) -> str:
    """What fold means: NFC, đ -> d, decompose, drop the marks, lower case."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "d")
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    ).lower()


def test_folding_by_table_gives_what_decomposing_gives():
    # fold reads precomposed Latin letters from a table; any mix of them, of ASCII, of
    # loose combining marks and of other scripts folds exactly as the definition says.
    latin = [chr(c) for c in (*range(0x20, 0x250), *range(0x1E00, 0x1F00))]
    others = ["\u0300", "\u0301", "\u0309", "\u0323", "\u0302", "Σ", "σ", "İ", "ß", "Ⅱ", "ﬁ", "中"]
    for char in latin + others:
        assert fold(char) == _fold_by_definition(char), repr(char)
    rnd = random.Random(13)
    for _ in range(20_000):
        text = "".join(rnd.choice(latin + others) for _ in range(rnd.randint(1, 10)))
        assert fold(text) == _fold_by_definition(text), repr(text)
    assert fold("Ừ NGƯỜI ĐẸP") == "u nguoi dep"


def test_collation_letter_order():
    # a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư
    for lower, higher in [
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("ơ", "p"),
        ("u", "ư"),
        ("ư", "v"),
    ]:
        assert collation_key(lower) < collation_key(higher), (lower, higher)
    # Code-point order would put đ after z; Vietnamese order does not.
    assert collation_key("đa") < collation_key("za")


def test_tones_are_secondary_in_the_documented_order():
    tones = ["an", "àn", "ản", "ãn", "án", "ạn"]  # none < huyền < hỏi < ngã < sắc < nặng
    shuffled = tones[:]
    random.Random(3).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key) == tones
    # Letters decide before tones: "ạn" < "ăn" although nặng is the heaviest tone.
    assert collation_key("ạn") < collation_key("ăn")
    assert collation_key("ánh") > collation_key("anh")
    assert collation_key("anh") < collation_key("ành") < collation_key("ăng")


def test_people_sort_by_given_name_then_the_rest():
    names = [
        "Trần Văn Bình",
        "Lê Thị Ánh",
        "Nguyễn Văn An",
        "Đỗ Đức Anh",
        "Bùi Thị Ân",
        "Phạm Văn Đạt",
        "Vũ Thị Dung",
        "Hoàng Văn Ơn",
        "Lê Văn Ôn",
        "Gia đình ông Lê Văn Ba",
        "Nguyễn Thị Ưng",
        "Ngô Văn Ung",
        "Lý Văn An",
    ]
    expected = [
        "Lý Văn An",
        "Nguyễn Văn An",
        "Đỗ Đức Anh",
        "Lê Thị Ánh",
        "Bùi Thị Ân",
        "Gia đình ông Lê Văn Ba",
        "Trần Văn Bình",
        "Vũ Thị Dung",
        "Phạm Văn Đạt",
        "Lê Văn Ôn",
        "Hoàng Văn Ơn",
        "Ngô Văn Ung",
        "Nguyễn Thị Ưng",
    ]
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=person_sort_key) == expected


def test_person_sort_key_accepts_decomposed_input():
    assert (
        person_sort_key(unicodedata.normalize("NFD", "Lê Thị Ánh"))[:4]
        == person_sort_key("Lê Thị Ánh")[:4]
    )


@pytest.mark.parametrize(
    ("place", "day", "expected"),
    [
        ("Kiến Xương", dt.date(2023, 1, 5), "Kiến Xương, ngày 05 tháng 01 năm 2023"),
        (None, dt.date(2023, 3, 15), "ngày 15 tháng 3 năm 2023"),
        ("Thái Bình", dt.date(2023, 2, 28), "Thái Bình, ngày 28 tháng 02 năm 2023"),
        ("Hà Nội", dt.date(2024, 12, 9), "Hà Nội, ngày 09 tháng 12 năm 2024"),
        ("Hà Nội", dt.date(2024, 10, 10), "Hà Nội, ngày 10 tháng 10 năm 2024"),
        ("  Kiến  Xương ", dt.date(2023, 11, 1), "Kiến Xương, ngày 01 tháng 11 năm 2023"),
    ],
)
def test_decree_30_date_line(place, day, expected):
    assert date_line(place, day) == expected


def test_typed_dates_as_organisers_type_them():
    import datetime as dt

    import pytest

    from kx_ceremony.core.text.vietnamese import parse_typed_date

    day = dt.date(2023, 1, 5)
    for typed in ("05/01/2023", "5/1/2023", " 5 / 1 / 2023 ", "5.1.2023", "5-1-23", "2023-01-05"):
        assert parse_typed_date(typed) == day, typed
    for bad, words in (
        ("31/2/2023", "Không có ngày 31/02/2023"),
        ("hôm qua", "ngày/tháng/năm"),
        ("", "Hãy nhập ngày"),
    ):
        with pytest.raises(ValueError, match=words):
            parse_typed_date(bad)

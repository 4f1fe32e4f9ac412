"""Legacy TCVN3 (.VnTime) text detected and converted to Unicode."""

import pytest

from kx_ceremony.core.text.tcvn3 import looks_like_tcvn3, tcvn3_to_unicode


@pytest.mark.parametrize(
    ("legacy", "unicode_text"),
    [
        ("NguyÔn V¨n An", "Nguyễn Văn An"),
        ("Phßng V¨n hãa vµ Th«ng tin huyÖn", "Phòng Văn hóa và Thông tin huyện"),
        ("B»ng khen Thñ t\u00adíng CP", "Bằng khen Thủ tướng CP"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("§Æng Thanh Oanh", "Đặng Thanh Oanh"),
        ("Hä vµ tªn", "Họ và tên"),
        ("Chøc vô", "Chức vụ"),
        ("§¬n vÞ c«ng t¸c", "Đơn vị công tác"),
        ("Tr\u00ad¬ng Quang S¸ng", "Trương Quang Sáng"),
        ("Lª ThÞ Thñy", "Lê Thị Thủy"),
    ],
)
def test_converts_mixed_case_text(legacy, unicode_text):
    assert looks_like_tcvn3(legacy)
    assert tcvn3_to_unicode(legacy) == unicode_text


@pytest.mark.parametrize(
    ("legacy", "unicode_text"),
    [
        ("UBND HUYÖN KIÕN X¦¥NG", "UBND HUYỆN KIẾN XƯƠNG"),
        ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("DANH S¸CH §Ò NGHÞ KHEN TH¦ëNG N¡M 2022", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"),
        ("TËP THÓ", "TẬP THỂ"),
        ("C¸ NH¢N", "CÁ NHÂN"),
    ],
)
def test_text_typed_in_capitals_stays_in_capitals(legacy, unicode_text):
    assert tcvn3_to_unicode(legacy) == unicode_text


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "Phòng Văn hóa và Thông tin",
        "Hoa Mai",
        "UBND xã Lê Lợi",
        "",
        "1990",
        "Hà Nội",
    ],
)
def test_unicode_text_is_not_mistaken_for_tcvn3(text):
    assert not looks_like_tcvn3(text)


def test_all_74_codes_map_to_distinct_vietnamese_letters():
    from kx_ceremony.core.text import tcvn3 as tcvn3

    assert len(set(tcvn3._UNICODE)) == 74
    assert len(set(tcvn3._TCVN3)) == 74

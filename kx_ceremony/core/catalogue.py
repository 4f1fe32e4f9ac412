"""The default award catalogue every new ceremony starts with (DOMAIN.md's ranking).

Data, not rules: the organiser edits names, authority lines, ranks and aliases per
ceremony. Ranks leave gaps so an award can be slotted in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kx_ceremony.core.model import Kind

ALL_KINDS = (Kind.COLLECTIVE, Kind.INDIVIDUAL, Kind.HOUSEHOLD)
PEOPLE = (Kind.INDIVIDUAL,)
GROUPS = (Kind.COLLECTIVE,)


@dataclass(frozen=True)
class AwardTemplate:
    code: str
    full_name: str
    short_name: str
    printed_word: str
    authority_line: str  # may hold {province} / {district}, filled from the ceremony
    rank: int
    kinds: tuple[Kind, ...] = ALL_KINDS
    aliases: tuple[str, ...] = field(default_factory=tuple)
    layout_name: str = ""


DEFAULT_CATALOGUE: tuple[AwardTemplate, ...] = (
    AwardTemplate(
        "huan-chuong-ld",
        "Huân chương Lao động",
        "Huân chương LĐ",
        "HUÂN CHƯƠNG LAO ĐỘNG",
        "CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        10,
        (Kind.COLLECTIVE, Kind.INDIVIDUAL),
        ("Huân chương", "HCLĐ"),
    ),
    AwardTemplate(
        "co-cp",
        "Cờ thi đua của Chính phủ",
        "Cờ thi đua CP",
        "CỜ THI ĐUA",
        "THỦ TƯỚNG CHÍNH PHỦ",
        20,
        GROUPS,
        ("Cờ thi đua Chính phủ", "Cờ CP"),
    ),
    AwardTemplate(
        "cstd-toan-quoc",
        "Chiến sĩ thi đua toàn quốc",
        "CSTĐ toàn quốc",
        "CHIẾN SĨ THI ĐUA TOÀN QUỐC",
        "THỦ TƯỚNG CHÍNH PHỦ",
        21,
        PEOPLE,
        ("CSTĐ toàn quốc",),
    ),
    AwardTemplate(
        "ttg",
        "Bằng khen của Thủ tướng Chính phủ",
        "BK Thủ tướng",
        "BẰNG KHEN",
        "THỦ TƯỚNG CHÍNH PHỦ",
        22,
        ALL_KINDS,
        (
            "Bằng khen Thủ tướng",
            "Bằng khen Thủ tướng Chính phủ",
            "BK TTg",
            "BK TTCP",
            "Bằng khen Thủ tướng CP",
            "BK Thủ tướng CP",
        ),
        "bang-khen",
    ),
    AwardTemplate(
        "co-tinh",
        "Cờ thi đua của UBND tỉnh",
        "Cờ thi đua tỉnh",
        "CỜ THI ĐUA",
        "ỦY BAN NHÂN DÂN TỈNH {province}",
        30,
        GROUPS,
        ("Cờ thi đua tỉnh", "Cờ UBND tỉnh"),
    ),
    AwardTemplate(
        "cstd-tinh",
        "Chiến sĩ thi đua cấp tỉnh",
        "CSTĐ cấp tỉnh",
        "CHIẾN SĨ THI ĐUA CẤP TỈNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province}",
        31,
        PEOPLE,
        ("CSTĐ tỉnh", "CSTĐ cấp tỉnh"),
    ),
    AwardTemplate(
        "tinh",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "BK UBND tỉnh",
        "BẰNG KHEN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province}",
        32,
        ALL_KINDS,
        (
            "Bằng khen UBND tỉnh",
            "Bằng khen tỉnh",
            "BK tỉnh",
            "BK UBND tỉnh",
            "BK Chủ tịch UBND tỉnh",
            "Bằng khen Chủ tịch UBND tỉnh",
        ),
        "bang-khen",
    ),
    AwardTemplate(
        "tt-ldxs",
        "Tập thể lao động xuất sắc",
        "TTLĐXS",
        "TẬP THỂ LAO ĐỘNG XUẤT SẮC",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province}",
        33,
        GROUPS,
        ("TTLĐXS", "Tập thể LĐXS"),
    ),
    AwardTemplate(
        "cstd-co-so",
        "Chiến sĩ thi đua cơ sở",
        "CSTĐ cơ sở",
        "CHIẾN SĨ THI ĐUA CƠ SỞ",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {district}",
        40,
        PEOPLE,
        ("CSTĐCS", "CSTĐ cơ sở"),
    ),
    AwardTemplate(
        "huyen",
        "Giấy khen của Chủ tịch UBND huyện",
        "GK UBND huyện",
        "GIẤY KHEN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {district}",
        41,
        ALL_KINDS,
        (
            "Giấy khen huyện",
            "Giấy khen UBND huyện",
            "GK huyện",
            "GK UBND huyện",
            "Giấy khen Chủ tịch UBND huyện",
            "GK Chủ tịch UBND huyện",
        ),
        "giay-khen",
    ),
    AwardTemplate(
        "ldtt",
        "Lao động tiên tiến",
        "LĐTT",
        "LAO ĐỘNG TIÊN TIẾN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {district}",
        42,
        PEOPLE,
        ("LĐTT",),
    ),
    AwardTemplate(
        "tt-ldtt",
        "Tập thể lao động tiên tiến",
        "TTLĐTT",
        "TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {district}",
        43,
        GROUPS,
        ("TTLĐTT", "Tập thể LĐTT"),
    ),
)


def fill_authority(template: str, province: str, district: str) -> str:
    """Fill {province}/{district} in upper case; a missing name leaves the line short."""
    line = template.format(province=province.upper(), district=district.upper())
    return " ".join(line.split())

"""The default award catalogues a new ceremony starts with (the official ranking of award forms).

Two catalogues: the district era (ceremonies before 1 July 2025, with "Giấy khen của Chủ
tịch UBND huyện") and today's two-tier government (province, then commune/ward; agency
heads' Giấy khen are forms the organiser picks). Data, not rules: the organiser edits
names, authority lines, ranks and aliases per ceremony. Ranks leave gaps so an award can
be slotted in between.

Authority lines are filled from the ceremony's province and its organiser (never from
the date-line place); a line whose name is unknown stays empty, and the certificate then
takes its authority from the decision's issuer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kx_ceremony.core.model import Kind
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import fold_for_search

# The day districts were abolished (two-tier local government; Decree 152/2025/NĐ-CP).
TWO_TIER_FROM = dt.date(2025, 7, 1)

ALL_KINDS = (Kind.COLLECTIVE, Kind.INDIVIDUAL, Kind.HOUSEHOLD)
PEOPLE = (Kind.INDIVIDUAL,)
GROUPS = (Kind.COLLECTIVE,)


# The issuer's lines of the Prime Minister's certificate (Decree 50/2006 art. 28): "THỦ
# TƯỚNG" in red over "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in black ("/"
# parts an authority line into its red and black lines; see certificate_text.py).
PRIME_MINISTER = "THỦ TƯỚNG / CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@dataclass(frozen=True)
class AwardTemplate:
    code: str
    full_name: str
    short_name: str
    printed_word: str
    authority_line: str  # may hold {province} / {district} / {commune}, filled from the ceremony
    rank: int
    kinds: tuple[Kind, ...] = ALL_KINDS
    aliases: tuple[str, ...] = field(default_factory=tuple)
    layout_name: str = ""


_HIGHER: tuple[AwardTemplate, ...] = (
    AwardTemplate(
        "huan-chuong-ld",
        "Huân chương Lao động",
        "Huân chương LĐ",
        "HUÂN CHƯƠNG LAO ĐỘNG",
        "CHỦ TỊCH / NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
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
        PRIME_MINISTER,
        21,
        PEOPLE,
        ("CSTĐ toàn quốc",),
    ),
    AwardTemplate(
        "ttg",
        "Bằng khen của Thủ tướng Chính phủ",
        "BK Thủ tướng",
        "BẰNG KHEN",
        PRIME_MINISTER,
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
)

_DISTRICT_GRASSROOTS: tuple[AwardTemplate, ...] = (
    AwardTemplate(
        "cstd-co-so",
        "Chiến sĩ thi đua cơ sở",
        "CSTĐ cơ sở",
        "CHIẾN SĨ THI ĐUA CƠ SỞ",
        "CHỦ TỊCH {district}",
        40,
        PEOPLE,
        ("CSTĐCS", "CSTĐ cơ sở"),
    ),
    AwardTemplate(
        "huyen",
        "Giấy khen của Chủ tịch UBND huyện",
        "GK UBND huyện",
        "GIẤY KHEN",
        "CHỦ TỊCH {district}",
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
        "CHỦ TỊCH {district}",
        42,
        PEOPLE,
        ("LĐTT",),
    ),
    AwardTemplate(
        "tt-ldtt",
        "Tập thể lao động tiên tiến",
        "TTLĐTT",
        "TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
        "CHỦ TỊCH {district}",
        43,
        GROUPS,
        ("TTLĐTT", "Tập thể LĐTT"),
    ),
)

_COMMUNE_GRASSROOTS: tuple[AwardTemplate, ...] = (
    AwardTemplate(
        "cstd-co-so",
        "Chiến sĩ thi đua cơ sở",
        "CSTĐ cơ sở",
        "CHIẾN SĨ THI ĐUA CƠ SỞ",
        "CHỦ TỊCH {commune}",
        40,
        PEOPLE,
        ("CSTĐCS", "CSTĐ cơ sở"),
    ),
    AwardTemplate(
        "xa",
        "Giấy khen của Chủ tịch UBND {commune_word}",
        "GK UBND {commune_word}",
        "GIẤY KHEN",
        "CHỦ TỊCH {commune}",
        41,
        ALL_KINDS,
        (
            "Giấy khen xã",
            "Giấy khen phường",
            "Giấy khen đặc khu",
            "Giấy khen UBND xã",
            "Giấy khen UBND phường",
            "GK xã",
            "GK phường",
            "GK UBND xã",
            "GK UBND phường",
            "Giấy khen Chủ tịch UBND xã",
            "Giấy khen Chủ tịch UBND phường",
            "GK Chủ tịch UBND xã",
            "GK Chủ tịch UBND phường",
        ),
        "giay-khen",
    ),
    AwardTemplate(
        "ldtt",
        "Lao động tiên tiến",
        "LĐTT",
        "LAO ĐỘNG TIÊN TIẾN",
        "CHỦ TỊCH {commune}",
        42,
        PEOPLE,
        ("LĐTT",),
    ),
    AwardTemplate(
        "tt-ldtt",
        "Tập thể lao động tiên tiến",
        "TTLĐTT",
        "TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
        "CHỦ TỊCH {commune}",
        43,
        GROUPS,
        ("TTLĐTT", "Tập thể LĐTT"),
    ),
)

DISTRICT_ERA_CATALOGUE: tuple[AwardTemplate, ...] = _HIGHER + _DISTRICT_GRASSROOTS
TODAY_CATALOGUE: tuple[AwardTemplate, ...] = _HIGHER + _COMMUNE_GRASSROOTS
# Kept for callers that want "the" default: the district era's, as the sample uses.
DEFAULT_CATALOGUE = DISTRICT_ERA_CATALOGUE


def catalogue_for(held_on: dt.date) -> tuple[AwardTemplate, ...]:
    """Today's catalogue for a ceremony held from 1 July 2025; the district era's before."""
    return TODAY_CATALOGUE if held_on >= TWO_TIER_FROM else DISTRICT_ERA_CATALOGUE


_DISTRICT_LEVEL = {
    "huyen ": "huyện",
    "quan ": "quận",
    "thi xa ": "thị xã",
    "thanh pho ": "thành phố",
}
_COMMUNE_LEVEL = {"xa ": "xã", "phuong ": "phường", "dac khu ": "đặc khu", "thi tran ": "thị trấn"}
_PEOPLES_COMMITTEE = "uy ban nhan dan "


def peoples_committee(organiser: str) -> tuple[str, str]:
    """(level word, body in full) when the organiser is a People's Committee.

    "UBND xã Vũ Quý" → ("xã", "Ủy ban nhân dân xã Vũ Quý"); "UBND huyện Kiến Xương" →
    ("huyện", …); anything else (a department, a school, nothing) → ("", "").
    """
    body = " ".join(spell_out(organiser).split())
    folded = fold_for_search(body)
    if not folded.startswith(_PEOPLES_COMMITTEE):
        return "", ""
    rest = folded[len(_PEOPLES_COMMITTEE) :]
    for prefix, word in (*_DISTRICT_LEVEL.items(), *_COMMUNE_LEVEL.items()):
        if rest.startswith(prefix):
            return word, body
    return "", ""


def fill_template(text: str, province: str, organiser: str, upper: bool = True) -> str:
    """Fill a catalogue template's names; "" when a name it needs is unknown.

    {province}: the ceremony's province; {district}: the organiser when it is a district
    People's Committee; {commune}: the organiser when it is a commune/ward one;
    {commune_word}: "xã", "phường"… of that organiser ("xã/phường" when unknown).
    """
    level, body = peoples_committee(organiser)
    district = body if level in _DISTRICT_LEVEL.values() else ""
    commune = body if level in _COMMUNE_LEVEL.values() else ""
    values = {
        "province": province.strip(),
        "district": district,
        "commune": commune,
        "commune_word": level if commune else "xã/phường",
    }
    for key, value in values.items():
        if "{" + key + "}" in text and not value:
            return ""
    line = text.format(**{k: (v.upper() if upper else v) for k, v in values.items()})
    return " ".join(line.split())


def fill_authority(template: str, province: str, organiser: str) -> str:
    """An authority line, upper case, from the ceremony's province and organiser."""
    return fill_template(template, province, organiser)


@dataclass(frozen=True)
class AgencyHead:
    """An agency head who gives Giấy khen (a form the organiser picks)."""

    code: str
    head: str  # "Giám đốc", "Hiệu trưởng"
    example: str


AGENCY_HEADS: tuple[AgencyHead, ...] = (
    AgencyHead("gk-giam-doc-so", "Giám đốc", "Sở Tư pháp tỉnh Quảng Bình"),
    AgencyHead("gk-hieu-truong", "Hiệu trưởng", "Trường THPT Nguyễn Du"),
    AgencyHead("gk-giam-doc-benh-vien", "Giám đốc", "Bệnh viện Đa khoa tỉnh Thái Bình"),
    AgencyHead("gk-thu-truong", "Thủ trưởng", "Ban Quản lý dự án tỉnh"),
)


def agency_giay_khen(head: str, issuer: str, rank: int = 41) -> dict[str, object]:
    """The values of an agency head's Giấy khen: "Giấy khen của Giám đốc Sở Tư pháp …"."""
    head = " ".join(head.split())
    issuer = " ".join(issuer.split())
    full = f"{head} {spell_out(issuer)}"
    return {
        "code": "gk-" + "-".join(fold_for_search(issuer).split())[:40],
        "full_name": f"Giấy khen của {head} {issuer}",
        "short_name": f"GK {head} {issuer}"[:100],
        "printed_word": "GIẤY KHEN",
        "authority_line": full.upper(),
        "rank": rank,
        "kinds": [k.value for k in ALL_KINDS],
        "aliases": [f"Giấy khen {issuer}", f"GK {issuer}"],
        "layout_name": "giay-khen",
    }

"""The parts of a year-end review conference, in order (DOMAIN.md "The conference, in order").

Data shared by the programme sheet and the MC's script: each part's key, its heading as
printed, who carries it out by default, and whether the MC invites a named person to it
(its "speaker"). The MC's default words for each part are in core/conference_words.py;
the organiser's edits are stored per ceremony (services/conference_parts.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    key: str
    heading: str  # may hold {year} and {next_year}
    performer: str  # may hold {organiser} or {emulation_body}
    when: str = ""  # "pledge" / "covenant": only when the ceremony has that document
    takes_speaker: bool = False  # the MC invites a named person to carry it out


PARTS: tuple[Part, ...] = (
    Part("opening", "Tuyên bố lý do, chào cờ (Quốc ca)", "Người dẫn chương trình"),
    Part("delegates", "Giới thiệu đại biểu", "Người dẫn chương trình"),
    Part(
        "report",
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ "
        "năm {next_year}",
        "Lãnh đạo {organiser}",
        takes_speaker=True,
    ),
    Part(
        "decisions",
        "Công bố các quyết định khen thưởng",
        "Lãnh đạo {emulation_body}",
        takes_speaker=True,
    ),
    Part("rounds", "Trao tặng khen thưởng", ""),
    Part("speech", "Phát biểu của lãnh đạo cấp trên", "", takes_speaker=True),
    Part(
        "launch",
        "Phát động phong trào thi đua yêu nước năm {next_year}",
        "Lãnh đạo {organiser}",
        takes_speaker=True,
    ),
    Part(
        "pledge",
        "Thông qua bản cam kết thi đua",
        "Đại diện đơn vị cam kết",
        "pledge",
        takes_speaker=True,
    ),
    Part(
        "covenant",
        "Ký kết giao ước thi đua",
        "Thủ trưởng các đơn vị",
        "covenant",
        takes_speaker=True,
    ),
    Part("closing", "Cảm ơn, bế mạc hội nghị", "Người dẫn chương trình"),
)

PART_KEYS = tuple(p.key for p in PARTS)

EMULATION_BODY = "Hội đồng Thi đua - Khen thưởng"


def part(key: str) -> Part:
    for p in PARTS:
        if p.key == key:
            return p
    raise KeyError(key)

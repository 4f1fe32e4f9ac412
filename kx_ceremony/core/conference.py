"""The parts of a year-end review conference, in order (DOMAIN.md "The conference, in order").

Data shared by the programme sheet and the MC's script: each part's key, its heading as
printed on the programme, and who carries it out by default.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    key: str
    heading: str
    performer: str  # may hold {organiser} or {emulation_body}
    when: str = ""  # "pledge" / "covenant": only when the ceremony has that document


PARTS: tuple[Part, ...] = (
    Part("opening", "Tuyên bố lý do, chào cờ (Quốc ca)", "Người dẫn chương trình"),
    Part("delegates", "Giới thiệu đại biểu", "Người dẫn chương trình"),
    Part(
        "report",
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ "
        "năm {next_year}",
        "Lãnh đạo {organiser}",
    ),
    Part("decisions", "Công bố các quyết định khen thưởng", "Lãnh đạo {emulation_body}"),
    Part("rounds", "Trao tặng khen thưởng", ""),
    Part("speech", "Phát biểu của lãnh đạo cấp trên", ""),
    Part(
        "launch",
        "Phát động phong trào thi đua yêu nước năm {next_year}",
        "Lãnh đạo {organiser}",
    ),
    Part("pledge", "Thông qua bản cam kết thi đua", "Đại diện đơn vị cam kết", "pledge"),
    Part("covenant", "Ký kết giao ước thi đua", "Thủ trưởng các đơn vị", "covenant"),
    Part("closing", "Cảm ơn, bế mạc hội nghị", "Người dẫn chương trình"),
)

EMULATION_BODY = "Hội đồng Thi đua - Khen thưởng"

"""The MC's default words for each part of the conference, made from the ceremony's data.

Written to be read aloud (core/spoken.py): abbreviations spelled out, no capitals inside
a sentence except names. A paragraph in brackets is a stage direction (printed in italics,
not read). The organiser edits any of it; what is never edited is made again from the
data each time, so it follows later changes (a presenter added, the venue corrected).
"""

from __future__ import annotations

from dataclasses import dataclass

from kx_ceremony.core.catalogue import peoples_committee
from kx_ceremony.core.conference import EMULATION_BODY, Part
from kx_ceremony.core.services.row_types import CeremonyRow, DocumentRow, PresenterRow
from kx_ceremony.core.spoken import introduction, lower_first, say, upper_first
from kx_ceremony.core.text.vietnamese import date_words

BLANK_NAME = "đồng chí ………………"
GREETING = "Kính thưa các đồng chí lãnh đạo, thưa các vị đại biểu, thưa toàn thể hội nghị!"


@dataclass(frozen=True)
class ConferenceFacts:
    """What the default words are made from."""

    ceremony: CeremonyRow
    presenters: tuple[PresenterRow, ...]  # most senior first
    pledge: DocumentRow | None
    covenant: DocumentRow | None

    @property
    def year(self) -> int:
        return self.ceremony.achievement_year or self.ceremony.held_on.year

    @property
    def next_year(self) -> int:
        return self.year + 1

    @property
    def organiser(self) -> str:
        return say(self.ceremony.organiser) or "ban tổ chức"

    @property
    def emulation_body(self) -> str:
        """ "Hội đồng Thi đua - Khen thưởng huyện", "… Sở Tư pháp tỉnh Quảng Bình"."""
        level, _ = peoples_committee(self.ceremony.organiser)
        if level:
            return f"{EMULATION_BODY} {level}"
        return f"{EMULATION_BODY} {self.organiser}" if self.ceremony.organiser else EMULATION_BODY

    def has(self, document: str) -> bool:
        return (self.pledge if document == "pledge" else self.covenant) is not None

    def heading(self, p: Part) -> str:
        return p.heading.format(year=self.year, next_year=self.next_year)


def _senior(presenters: tuple[PresenterRow, ...], host: bool) -> PresenterRow | None:
    group = [p for p in presenters if p.host == host]
    return group[0] if group else None


def default_speaker(key: str, facts: ConferenceFacts) -> str:
    """Who the MC invites to a part, named when the data says who; dots to fill otherwise."""
    if key == "report":
        return f"{BLANK_NAME}, đại diện lãnh đạo {facts.organiser}"
    if key == "decisions":
        return f"{BLANK_NAME}, đại diện lãnh đạo {facts.emulation_body}"
    if key == "speech":
        guest = _senior(facts.presenters, host=False)
        return introduction(guest) if guest else f"{BLANK_NAME}, đại diện lãnh đạo cấp trên"
    if key == "launch":
        host = _senior(facts.presenters, host=True)
        return introduction(host) if host else f"{BLANK_NAME}, đại diện lãnh đạo {facts.organiser}"
    if key == "pledge":
        party = (facts.pledge.extra.get("pledging_party") if facts.pledge else "") or ""
        return f"đại diện {say(party) or facts.organiser}"
    if key == "covenant":
        units = [say(s.unit) for s in facts.covenant.signatories] if facts.covenant else []
        if not units:
            return "thủ trưởng các đơn vị"
        listed = ", ".join(units[:-1]) + " và " + units[-1] if len(units) > 1 else units[0]
        return f"thủ trưởng các đơn vị: {listed}"
    return ""


def _delegates(facts: ConferenceFacts) -> list[str]:
    lines = ["Đến dự hội nghị hôm nay, xin trân trọng giới thiệu:"]
    guests = [p for p in facts.presenters if not p.host]
    hosts = [p for p in facts.presenters if p.host]
    groups = [
        (guests, "Về phía lãnh đạo cấp trên, có:"),
        (hosts, f"Về phía {facts.organiser}, có:"),
    ]
    both = bool(guests and hosts)
    for people, label in groups:
        if not people:
            continue
        if both:
            lines.append(label)
        lines += [f"– {upper_first(introduction(p))};" for p in people]
    lines.append(
        "Cùng dự hội nghị có các đồng chí lãnh đạo các cơ quan, đơn vị và đại diện các tập "
        "thể, cá nhân được khen thưởng."
    )
    lines.append("Xin nhiệt liệt chào mừng các vị đại biểu và toàn thể các đồng chí!")
    return lines


def default_words(key: str, facts: ConferenceFacts, speaker: str) -> str:
    """The MC's words for a part, paragraphs separated by line breaks."""
    c = facts.ceremony
    # "đồng chí X, Chủ tịch …, lên trình bày": a comma closes a speaker's titles.
    invited = f"{speaker}," if "," in speaker else speaker
    title = lower_first(say(c.title)) or "hội nghị"
    year, next_year = facts.year, facts.next_year
    if key == "opening":
        venue = f", tại {say(c.venue)}" if c.venue else ""
        host = f", {facts.organiser}" if c.organiser else ""
        lines = [
            GREETING,
            f"Hôm nay, {date_words(c.held_on)}{venue}{host} long trọng tổ chức {title}.",
            "Để bắt đầu hội nghị, xin mời toàn thể các đồng chí đứng dậy làm lễ chào cờ.",
            "Nghiêm! Chào cờ, chào!",
            "(Quốc ca)",
            "Xin mời các đồng chí ngồi.",
        ]
    elif key == "delegates":
        lines = _delegates(facts)
    elif key == "report":
        lines = [
            "Thưa hội nghị!",
            f"Tiếp theo chương trình, xin trân trọng kính mời {invited} lên trình bày báo cáo tổng "
            f"kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm "
            f"{next_year}.",
        ]
    elif key == "decisions":
        lines = [
            f"Để ghi nhận, biểu dương những tập thể, cá nhân có thành tích xuất sắc trong "
            f"phong trào thi đua yêu nước năm {year}, xin trân trọng kính mời {invited} lên "
            "công bố các quyết định khen thưởng.",
        ]
    elif key == "rounds":
        lines = [
            "Thưa hội nghị!",
            "Sau đây, hội nghị tiến hành trao tặng khen thưởng cho các tập thể, cá nhân có "
            "thành tích xuất sắc. Các đồng chí lãnh đạo trao và các tập thể, cá nhân được "
            "khen thưởng lên sân khấu theo từng đợt khi được mời.",
        ]
    elif key == "speech":
        lines = [
            "Thưa hội nghị!",
            f"Hội nghị vinh dự được đón nhận ý kiến phát biểu chỉ đạo của {speaker}. Xin "
            "trân trọng kính mời.",
        ]
    elif key == "launch":
        lines = [
            f"Hưởng ứng phong trào thi đua yêu nước năm {next_year}, xin trân trọng kính mời "
            f"{invited} lên phát động phong trào thi đua yêu nước năm {next_year}.",
        ]
    elif key == "pledge":
        lines = [
            f"Xin trân trọng kính mời {invited} lên thông qua bản cam kết thi đua năm {next_year}.",
        ]
    elif key == "covenant":
        lines = [
            f"Xin trân trọng kính mời {invited} lên ký kết giao ước thi đua năm {next_year}.",
            "(Ký giao ước, chụp ảnh lưu niệm)",
        ]
    elif key == "closing":
        lines = [
            GREETING,
            f"Như vậy, {title} đã hoàn thành chương trình đề ra.",
            "Một lần nữa, xin nhiệt liệt chúc mừng các tập thể, cá nhân vừa được khen thưởng. "
            "Xin trân trọng cảm ơn các vị đại biểu và toàn thể các đồng chí đã về dự.",
            "Kính chúc các vị đại biểu và các đồng chí mạnh khỏe, hạnh phúc và thành công. "
            "Hội nghị xin được bế mạc.",
        ]
    else:
        raise KeyError(key)
    return "\n".join(lines)

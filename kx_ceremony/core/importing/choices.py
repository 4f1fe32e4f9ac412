"""Choices for the whole list: its award, kind, unit and decision.

Lists often say them once, above the table, instead of on every row: the title
("DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN", "… LAO ĐỘNG TIÊN TIẾN NĂM
2023", "DANH SÁCH TẬP THỂ …"), a line "Đơn vị: Trường THCS Lê Lợi", the issuing body in
the top-left corner above the title, or the sheet's name. What the organiser gives wins
over what we read; a row's own value wins over both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kx_ceremony.core.importing.award_matching import looks_like_award, normalise_award
from kx_ceremony.core.importing.columns import header_key
from kx_ceremony.core.importing.values import TextCleaner, kind_from_name
from kx_ceremony.core.model import Kind


@dataclass(frozen=True)
class ListChoices:
    """Whole-list values, and where each came from ("tiêu đề", "tên trang", "người dùng"…)."""

    award: str = ""
    kind: Kind | None = None
    unit: str = ""
    decision: str = ""
    sources: tuple[tuple[str, str], ...] = ()  # (field, where it was read)
    # Fields the organiser set to nothing on purpose ("lấy theo từng dòng"): what the
    # file or the last import says for them is not used.
    cleared: tuple[str, ...] = ()

    def source_of(self, field: str) -> str:
        return dict(self.sources).get(field, "")

    def merged_over(self, read: ListChoices) -> ListChoices:
        """These (the organiser's) where given, else what was read from the file."""
        sources = dict(read.sources)
        values = {}
        for field in ("award", "kind", "unit", "decision"):
            mine = getattr(self, field)
            if mine:
                values[field] = mine
                sources[field] = "người dùng chọn"
            elif field in self.cleared:
                values[field] = None if field == "kind" else ""
                sources.pop(field, None)
            else:
                values[field] = getattr(read, field)
        return replace(read, **values, sources=tuple(sources.items()))


_AWARD_IN_TITLE = re.compile(r"^(?:danh sach|ds|bang|to trinh)\b")
_TAIL = re.compile(
    r"\s*(?:\bnăm\s*(?:học\s*)?\d{4}.*|\bgiai đoạn\b.*|\(.*\)\s*|\bkèm theo\b.*|[:;,.]\s*)$",
    re.IGNORECASE,
)
_UNIT_LABEL = re.compile(r"^\s*(?:đơn vị|cơ quan|trường|tên đơn vị)\s*:\s*(.+)$", re.IGNORECASE)
_DECISION = re.compile(r"quyết định số\s*([\w/.\-]+)", re.IGNORECASE)
_MOTTO = ("cong hoa xa hoi", "doc lap tu do", "so:", "so ")
_AWARD_WORDS = re.compile(
    r"(huân chương|huy chương|cờ thi đua|chiến sĩ|bằng khen|giấy khen|lao động tiên tiến|"
    r"lao động xuất sắc|tập thể lao động|danh hiệu|kỷ niệm chương|đơn vị tiên tiến|"
    r"đơn vị quyết thắng)",
    re.IGNORECASE,
)


def read_choices(above: list[list[object]], sheet_name: str, clean: TextCleaner) -> ListChoices:
    """What the rows above the header (and the sheet's name) say about the whole list."""
    lines = [[clean(c) for c in row] for row in above]
    award = unit = decision = ""
    kind: Kind | None = None
    sources: dict[str, str] = {}
    title_row = -1
    for index, cells in enumerate(lines):
        for text in cells:
            if not text:
                continue
            key = header_key(text)
            label = _UNIT_LABEL.match(text)
            if label and not unit:
                unit, sources["unit"] = label.group(1).strip(), "dòng «Đơn vị:» trên tiêu đề"
                continue
            found = _DECISION.search(text)
            if found and not decision:
                decision, sources["decision"] = found.group(1), "tiêu đề"
            if _AWARD_IN_TITLE.match(key):
                title_row = index if title_row < 0 else title_row
                if not award:
                    award = _award_in(text)
                    if award:
                        sources["award"] = "tiêu đề"
                if kind is None:
                    kind = _kind_in(key)
                    if kind is not None:
                        sources["kind"] = "tiêu đề"
    if not unit and title_row > 0:
        unit = _issuing_body(lines[:title_row])
        if unit:
            sources["unit"] = "cơ quan ghi ở góc trên bên trái"
    if not award:
        award = _award_in(sheet_name) if looks_like_award(sheet_name) else ""
        if award:
            sources["award"] = "tên trang"
    return ListChoices(award, kind, unit, decision, tuple(sources.items()))


def _award_in(text: str) -> str:
    match = _AWARD_WORDS.search(text)
    if not match:
        return ""
    phrase = text[match.start() :]
    while True:
        shorter = _TAIL.sub("", phrase).strip()
        if shorter == phrase:
            break
        phrase = shorter
    if not normalise_award(phrase):
        return ""
    return phrase[:1].upper() + phrase[1:].lower() if phrase.isupper() else phrase


def _kind_in(key: str) -> Kind | None:
    padded = f" {key} "
    if " ho gia dinh " in padded:
        return Kind.HOUSEHOLD
    has_group, has_person = " tap the " in padded, " ca nhan " in padded
    if has_group and not has_person:
        return Kind.COLLECTIVE
    if has_person and not has_group:
        return Kind.INDIVIDUAL
    return None


def _issuing_body(lines: list[list[str]]) -> str:
    """The first organisation named in the left part of the rows above the title."""
    for cells in lines:
        for text in cells[:3]:
            if not text:
                continue
            key = header_key(text)
            if key.startswith(_MOTTO):
                continue
            if kind_from_name(text) is Kind.COLLECTIVE:
                return text
            break
    return ""

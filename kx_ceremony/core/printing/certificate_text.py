"""What a certificate says: the words of each field, from an honouree and its decision.

Kept apart from drawing so the wording (the Vietnamese conventions of a Bằng khen) can
be read and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from kx_ceremony.core.award_types import TITLE, TITLE_WORD
from kx_ceremony.core.model import Gender, Kind
from kx_ceremony.core.services.row_types import AwardFormRow, CeremonyRow, DecisionRow, HonoureeRow
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import date_line, date_words, fold_for_search

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TANG = "TẶNG"
POSTHUMOUS = "TRUY TẶNG"
HONORIFIC = {Gender.MALE.value: "Ông", Gender.FEMALE.value: "Bà"}


def _written(text: str, keep: bool) -> str:
    """``text`` with its abbreviations spelled out, unless the award form keeps them."""
    return text if keep else spell_out(text)


def recipient_line(row: HonoureeRow, keep: bool = False) -> str:
    """ "Ông Nguyễn Văn A", "Bà …", "Tập thể …"; a household's name as written."""
    if row.kind == Kind.COLLECTIVE:
        # Written out on a certificate: "Tập thể Ủy ban nhân dân xã …", never "UBND"
        # (unless the organiser keeps this form's short forms: ``keep``).
        name = _written(row.name, keep)
        if fold_for_search(name).startswith("tap the "):
            return name
        return f"Tập thể {name}"
    if row.kind == Kind.HOUSEHOLD:
        return row.name  # already "Gia đình ông Lê Văn Hải"
    honorific = HONORIFIC.get(row.gender or "")
    return f"{honorific} {row.name}" if honorific else row.name


def join_position_unit(position: str, unit: str) -> str:
    """Position and unit without repeating what they share.

    "Chủ tịch UBND xã" + "UBND xã Vũ Quý" → "Chủ tịch UBND xã Vũ Quý"; "Trưởng phòng" +
    "Phòng Nội vụ" → "Trưởng phòng Nội vụ"; "Giáo viên" + "Trường THPT Nguyễn Du" →
    "Giáo viên, Trường THPT Nguyễn Du".
    """
    position, unit = " ".join(position.split()), " ".join(unit.split())
    if not position or not unit:
        return position or unit
    pos_words, unit_words = position.split(), unit.split()
    # Case ignored, marks kept: "trưởng" (head) is not "Trường" (school).
    folded_pos = [w.lower() for w in pos_words]
    folded_unit = [w.lower() for w in unit_words]
    for size in range(min(len(pos_words), len(unit_words)), 0, -1):
        if folded_pos[-size:] == folded_unit[:size]:
            return " ".join([*pos_words, *unit_words[size:]])
    if unit.lower() in position.lower():
        return position
    return f"{position}, {unit}"


def position_unit_line(row: HonoureeRow, keep: bool = False) -> str:
    """Position and unit written out ("Chủ tịch Ủy ban nhân dân xã Vũ Quý")."""
    return _written(join_position_unit(row.position, row.unit), keep)


def default_achievement(ceremony: CeremonyRow) -> str:
    year = ceremony.achievement_year or ceremony.held_on.year
    return f"Đã có thành tích xuất sắc trong thực hiện phong trào thi đua yêu nước năm {year}"


@dataclass(frozen=True)
class DesignTexts:
    """The fixed words of one award form's full design (pre-printed on a blank)."""

    national_title: str
    motto: str
    authority: str
    tang: str
    printed_word: str
    # The issuer's second line, in black, under the first in red: the Prime Minister's
    # certificate reads "THỦ TƯỚNG" over "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    authority_sub: str = ""

    def as_fields(self) -> dict[str, str]:
        fields = {
            "national_title": self.national_title,
            "motto": self.motto,
            "authority": self.authority,
            "tang": self.tang,
            "printed_word": self.printed_word,
        }
        if self.authority_sub:
            fields["authority_sub"] = self.authority_sub
        return fields


def authority_from_decision(decision: DecisionRow | None, keep: bool = False) -> str:
    """The issuer's line from a decision: its chairman's title over a People's Committee.

    A decision of "ỦY BAN NHÂN DÂN XÃ VŨ QUÝ" signed by its chairman (or a deputy for
    him) grants the chairman's certificate: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUÝ".
    """
    if decision is None:
        return ""
    authority = _written(" ".join(decision.authority.split()), keep).upper()
    title = decision.signer_title.upper().removeprefix("KT.").strip()
    if authority.startswith("ỦY BAN NHÂN DÂN") and title.startswith("CHỦ TỊCH"):
        return f"CHỦ TỊCH {authority}"
    return authority


def split_authority(line: str) -> tuple[str, str]:
    """An authority line as the certificate prints it: "THỦ TƯỚNG / CHÍNH PHỦ NƯỚC …" is
    the issuer's title in red over its body in black; a line without "/" is one line."""
    first, _, second = line.partition("/")
    return " ".join(first.split()), " ".join(second.split())


def printed_word(form: AwardFormRow) -> str:
    """The award's name in red: "BẰNG KHEN", or for an emulation title "DANH HIỆU CHIẾN SĨ
    THI ĐUA CƠ SỞ" (the certificate reads "… TẶNG DANH HIỆU …")."""
    word = form.printed_word or (form.short_name or form.full_name).upper()
    if form.award_type == TITLE and not word.upper().startswith(TITLE_WORD):
        word = f"{TITLE_WORD} {word}"
    return word


def design_texts(form: AwardFormRow, decision: DecisionRow | None) -> DesignTexts:
    keep = form.keep_abbreviations
    authority, authority_sub = split_authority(
        form.authority_line or authority_from_decision(decision, keep)
    )
    return DesignTexts(NATIONAL_TITLE, MOTTO, authority, TANG, printed_word(form), authority_sub)


def variable_texts(
    row: HonoureeRow,
    decision: DecisionRow | None,
    ceremony: CeremonyRow,
    form: AwardFormRow | None = None,
) -> dict[str, str]:
    """The words printed on a blank for one honouree, by field name."""
    keep = form.keep_abbreviations if form is not None else False
    texts = {
        "posthumous": POSTHUMOUS if row.posthumous else "",
        "recipient": recipient_line(row, keep),
        "position_unit": position_unit_line(row, keep),
        "achievement": row.achievement or default_achievement(ceremony),
        "register": f"Số sổ vàng: {row.register_number}" if row.register_number else "",
    }
    if decision is not None:
        texts["decision"] = f"Quyết định số {decision.number}, {date_words(decision.signed_on)}"
        texts["date_line"] = date_line(decision.place or ceremony.place, decision.signed_on)
        texts["signer_title"] = decision.signer_title.upper()
        texts["signer_subtitle"] = decision.signer_subtitle.upper()
        texts["signer_name"] = decision.signer_name
    else:
        texts["decision"] = ""
        texts["date_line"] = date_line(ceremony.place, ceremony.held_on)
        texts["signer_title"] = texts["signer_subtitle"] = texts["signer_name"] = ""
    return texts


def missing_decision_parts(decision: DecisionRow | None) -> list[str]:
    """What a certificate's decision still lacks (number, date, signer title and name)."""
    if decision is None:
        return ["quyết định khen thưởng (số, ngày ký, chức vụ và họ tên người ký)"]
    missing = []
    if not decision.number.strip():
        missing.append("số quyết định")
    if decision.signed_on is None:
        missing.append("ngày ký")
    if not decision.signer_title.strip():
        missing.append("chức vụ người ký")
    if not decision.signer_name.strip():
        missing.append("họ tên người ký")
    return missing


def choose_decision(
    row: HonoureeRow, decisions: dict[int, DecisionRow], by_form: dict[int, list[DecisionRow]]
) -> DecisionRow | None:
    """The honouree's own decision; else the award form's only (or latest) decision."""
    if row.decision_id is not None and row.decision_id in decisions:
        return decisions[row.decision_id]
    candidates = by_form.get(row.award_form_id) or []
    return candidates[-1] if candidates else None

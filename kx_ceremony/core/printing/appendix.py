"""The decision's appendix list: "Danh sách … kèm theo Quyết định số …".

One list per award form, each on its own pages: the issuing body (in full, on two lines)
beside the national title, "DANH SÁCH", what it lists, the decision it goes with (dotted
where the decision is not yet numbered or signed, as an appendix is drafted before the
decision is signed), then the collectives, the individuals and the households, each
numbered from 1, in presentation order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Kind
from kx_ceremony.core.model_values import KIND_LABELS, KINDS_IN_ORDER
from kx_ceremony.core.printing.certificate_text import choose_decision, join_position_unit
from kx_ceremony.core.printing.decree30 import (
    build_pdf,
    check_texts,
    esc,
    make_styles,
    national_header,
)
from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.printing.office_tables import grid_table
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import DecisionRow, HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import date_words

GROUPS = (
    (Kind.COLLECTIVE.value, "TẬP THỂ", ("STT", "Tên tập thể"), (14, None)),
    (
        Kind.INDIVIDUAL.value,
        "CÁ NHÂN",
        ("STT", "Họ và tên", "Chức vụ, đơn vị công tác"),
        (14, 55, None),
    ),
    (Kind.HOUSEHOLD.value, "HỘ GIA ĐÌNH", ("STT", "Hộ gia đình", "Địa chỉ"), (14, 65, None)),
)
ROMAN = ("I", "II", "III", "IV")
DOTS = "………"


def decision_reference(decision: DecisionRow | None) -> str:
    """ "(Kèm theo Quyết định số 3050/QĐ-UBND ngày 28 tháng 12 năm 2022 của Chủ tịch …)"."""
    if decision is None or not decision.number:
        number, day = f"{DOTS}/QĐ-{DOTS}", f"ngày {DOTS} tháng {DOTS} năm {DOTS}"
    else:
        number, day = decision.number, date_words(decision.signed_on)
    issuer = ""
    if decision is not None and decision.authority:
        issuer = f" của {issuer_in_sentence(decision)}"
    return f"(Kèm theo Quyết định số {number} {day}{issuer})"


_FIXED = {"THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ", "CHỦ TỊCH NƯỚC": "Chủ tịch nước"}
_LEVELS = {"tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố", "khu"}


def issuer_in_sentence(decision: DecisionRow) -> str:
    """Who issued a decision, as written inside a sentence: "Chủ tịch Ủy ban nhân dân tỉnh
    Thái Bình", "Thủ tướng Chính phủ"."""
    upper = spell_out(" ".join(decision.authority.split())).upper()
    if upper in _FIXED:
        return _FIXED[upper]
    words = upper.lower().split()
    out, proper = [], False
    for word in words:
        out.append(word[:1].upper() + word[1:] if proper else word)
        proper = proper or word in _LEVELS
    body = " ".join(out)
    body = body[:1].upper() + body[1:]
    title = decision.signer_title.upper().removeprefix("KT.").strip()
    if body.startswith("Ủy ban") and title.startswith("CHỦ TỊCH"):
        return f"Chủ tịch {body}"
    return body


def _rows(kind: str, people: list[HonoureeRow]) -> list[list[str]]:
    rows = []
    for i, h in enumerate(people, start=1):
        if kind == Kind.COLLECTIVE.value:
            rows.append([str(i), spell_out(h.name)])
        elif kind == Kind.INDIVIDUAL.value:
            where = join_position_unit(h.position, h.unit)
            honorific = {"male": "Ông ", "female": "Bà "}.get(h.gender or "", "")
            rows.append([str(i), honorific + h.name, spell_out(where)])
        else:
            rows.append([str(i), h.name, spell_out(h.unit)])
    return rows


def appendix_story(store: Store, ceremony_id: int) -> tuple[list[Any], list[tuple[str, str]]]:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    ceremony = get_ceremony(store, ceremony_id)
    forms = {f.id: f for f in list_award_forms(store, ceremony_id)}
    decisions = list_decisions(store, ceremony_id)
    by_id = {d.id: d for d in decisions}
    by_form: dict[int, list[DecisionRow]] = {}
    for d in decisions:
        by_form.setdefault(d.award_form_id, []).append(d)
    honourees = list_honourees(store, ceremony_id)
    if not honourees:
        raise UserError("Buổi lễ chưa có ai được khen; hãy nhập danh sách trước khi in.")
    # One list per (award form, decision), in presentation order.
    lists: dict[tuple[int, int | None], list[HonoureeRow]] = {}
    for h in honourees:
        d = choose_decision(h, by_id, by_form)
        lists.setdefault((h.award_form_id, d.id if d else None), []).append(h)
    styles = make_styles(register_fonts())
    story: list[Any] = []
    texts: list[tuple[str, str]] = []
    for n, ((form_id, decision_id), people) in enumerate(lists.items()):
        form = forms[form_id]
        decision = by_id.get(decision_id) if decision_id else None
        if n:
            story.append(PageBreak())
        issuer = decision.authority if decision and decision.authority else ceremony.organiser
        story.append(national_header(styles, "", issuer))
        story.append(Paragraph("DANH SÁCH", styles.title))
        kinds = [k for k in KINDS_IN_ORDER if any(h.kind == k for h in people)]
        who = _joined([KIND_LABELS[k] for k in kinds])
        what = f"{who[:1].upper()}{who[1:]} được tặng {spell_out(form.full_name)}"
        story.append(Paragraph(esc(what), styles.subtitle))
        reference = decision_reference(decision)
        story.append(Paragraph(f"<i>{esc(reference)}</i>", styles.date))
        story.append(Spacer(1, 8))
        texts += [("Danh sách", what), ("Danh sách", reference)]
        groups = [(g, [h for h in people if h.kind == g[0]]) for g in GROUPS]
        groups = [(g, members) for g, members in groups if members]
        for i, ((kind, label, head, columns), members) in enumerate(groups):
            count = f"{label} ({len(members)} {'người' if kind == 'individual' else 'đơn vị'})"
            heading = f"{ROMAN[i]}. {count}" if len(groups) > 1 else count
            story.append(Paragraph(esc(heading), styles.heading))
            rows = _rows(kind, members)
            texts += [(f"Danh sách «{form.full_name}»", " ".join(r)) for r in rows]
            story.append(grid_table(head, rows, columns, styles))
            story.append(Spacer(1, 6))
        counts = _joined([f"{sum(h.kind == k for h in people)} {KIND_LABELS[k]}" for k in kinds])
        story.append(Paragraph(f"<i>Danh sách có {counts}.</i>", styles.plain))
    return story, texts


def print_appendix(store: Store, ceremony_id: int, out: Path) -> Path:
    story, texts = appendix_story(store, ceremony_id)
    check_texts(texts)
    return build_pdf(Path(out), story, title="Danh sách kèm theo quyết định khen thưởng")


def _joined(parts: list[str]) -> str:
    """ "a", "a và b", "a, b và c": how a list is said in a sentence."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} và {parts[-1]}"

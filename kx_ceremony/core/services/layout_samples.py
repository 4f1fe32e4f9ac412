"""The texts the layout designer shows in its boxes: the ceremony's own, at their longest.

A box is placed well when the longest name, unit and achievement of the people who receive
that award form fit in it; so the designer (and its «In thử» sheet) shows exactly those,
worded as the certificate words them (``certificate_text``). Without honourees yet, a
typical text stands in.
"""

from __future__ import annotations

from dataclasses import dataclass

from kx_ceremony.core.printing.certificate_text import (
    default_achievement,
    design_texts,
    position_unit_line,
    recipient_line,
    variable_texts,
)
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import CeremonyRow, DecisionRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import date_line, date_words

PLACEHOLDERS = {
    "recipient": "Ông Nguyễn Văn A",
    "position_unit": "Chức vụ, đơn vị công tác",
    "decision": "Quyết định số …/QĐ-UBND, ngày … tháng … năm …",
    "register": "Số sổ vàng: …",
    "date_line": "…, ngày … tháng … năm …",
    "signer_title": "CHỨC VỤ NGƯỜI KÝ",
    "signer_subtitle": "",
    "signer_name": "Họ và tên người ký",
}


@dataclass(frozen=True)
class LayoutSamples:
    award_name: str
    honouree_count: int
    variable: dict[str, str]  # what the program prints on a blank, by field
    design: dict[str, str]  # what a blank has pre-printed (full design only)

    @property
    def texts(self) -> dict[str, str]:
        return {**self.design, **self.variable}


def _longest(texts: list[str]) -> str:
    return max(texts, key=len) if texts else ""


def layout_samples(store: Store, ceremony_id: int, award_form_id: int) -> LayoutSamples:
    """The longest recipient line, position-and-unit and achievement among the honourees of
    ``award_form_id``; the other fields as that award's decision words them."""
    ceremony = get_ceremony(store, ceremony_id)
    form = next(f for f in list_award_forms(store, ceremony_id) if f.id == award_form_id)
    decisions = [d for d in list_decisions(store, ceremony_id) if d.award_form_id == form.id]
    decision = decisions[-1] if decisions else None
    rows = [r for r in list_honourees(store, ceremony_id) if r.award_form_id == form.id]
    texts = dict(PLACEHOLDERS)
    if rows:
        own = variable_texts(rows[0], decision, ceremony)
        texts.update({k: v for k, v in own.items() if v})
        texts["recipient"] = _longest([recipient_line(r) for r in rows])
        texts["position_unit"] = (
            _longest([position_unit_line(r) for r in rows]) or texts["position_unit"]
        )
        texts["achievement"] = _longest(
            [r.achievement or default_achievement(ceremony) for r in rows]
        )
        numbers = [r.register_number for r in rows if r.register_number]
        if numbers:
            texts["register"] = f"Số sổ vàng: {_longest(numbers)}"
    else:
        texts["achievement"] = default_achievement(ceremony)
        if decision is not None:
            sample = variable_texts_for_decision(decision, ceremony)
            texts.update({k: v for k, v in sample.items() if v})
    return LayoutSamples(form.full_name, len(rows), texts, design_texts(form, decision).as_fields())


def variable_texts_for_decision(decision: DecisionRow, ceremony: CeremonyRow) -> dict[str, str]:
    """The decision's own lines (number, date, signer) without an honouree."""
    return {
        "decision": f"Quyết định số {decision.number}, {date_words(decision.signed_on)}",
        "date_line": date_line(decision.place or ceremony.place, decision.signed_on),
        "signer_title": decision.signer_title.upper(),
        "signer_subtitle": decision.signer_subtitle.upper(),
        "signer_name": decision.signer_name,
    }

"""The MC script (kịch bản): the whole conference in the programme's order, each part
with the organiser's words (services/conference_parts.py), the decisions to be read, and
for each round the invitations and the numbered names in stage order.

Large type (14 pt) for reading at a lectern, every word as it is said (core/spoken.py).
Names come from the checked stage plan, so the numbers here are the numbers on the
line-up and on the tray lists. A paragraph in brackets is a stage direction (italics).
"""

from __future__ import annotations

from pathlib import Path

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.printing.fonts import check_printable, register_fonts
from kx_ceremony.core.printing.stage_text import (
    PLACEHOLDER_PRESENTER,
    counts_phrase,
    escape,
    grantees_phrase,
    receivers_phrase,
)
from kx_ceremony.core.services.conference_parts import PartRow
from kx_ceremony.core.services.row_types import DecisionRow, HonoureeRow, PresenterRow
from kx_ceremony.core.services.stage_snapshot import RoundPlan, StagePlan
from kx_ceremony.core.spoken import honouree_words, introduction, paragraphs, say, short_name
from kx_ceremony.core.text.vietnamese import date_words

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

MM = 72 / 25.4


class _Writer:
    """Collects flowables; every text is checked against the font where it is added."""

    def __init__(self) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        fonts = register_fonts()
        base = ParagraphStyle(
            "body", fontName=fonts.name(), fontSize=14, leading=19, alignment=TA_JUSTIFY
        )
        self.styles = {
            "body": base,
            "say": ParagraphStyle("say", parent=base, spaceBefore=3, spaceAfter=3),
            "note": ParagraphStyle(
                "note", parent=base, fontName=fonts.name("italic"), fontSize=12, leading=16
            ),
            "item": ParagraphStyle(
                "item", parent=base, leftIndent=8 * MM, firstLineIndent=-4 * MM, spaceAfter=1
            ),
            "name": ParagraphStyle(
                "name",
                parent=base,
                alignment=TA_LEFT,
                leftIndent=14 * MM,
                firstLineIndent=-9 * MM,
                spaceAfter=2,
            ),
            # The round heading and its two invitations stay with the first names.
            "invite": ParagraphStyle(
                "invite", parent=base, spaceBefore=3, spaceAfter=3, keepWithNext=1
            ),
            "org": ParagraphStyle(
                "org", parent=base, fontName=fonts.name("bold"), fontSize=13, alignment=TA_CENTER
            ),
            "h1": ParagraphStyle(
                "h1",
                parent=base,
                fontName=fonts.name("bold"),
                fontSize=16,
                leading=21,
                alignment=TA_CENTER,
            ),
            "title": ParagraphStyle(
                "title",
                parent=base,
                fontName=fonts.name("italic"),
                alignment=TA_CENTER,
                spaceAfter=2,
            ),
            "h2": ParagraphStyle(
                "h2",
                parent=base,
                alignment=TA_LEFT,
                fontName=fonts.name("bold"),
                spaceBefore=10,
                spaceAfter=4,
                keepWithNext=1,
            ),
            "round": ParagraphStyle(
                "round",
                parent=base,
                alignment=TA_LEFT,
                fontName=fonts.name("bold"),
                spaceBefore=12,
                spaceAfter=4,
                keepWithNext=1,
            ),
        }
        self.items: list = []

    def add(self, style: str, text: str, where: str, markup: str | None = None) -> None:
        """Add ``text``; ``markup`` (already escaped) replaces it in the PDF when given."""
        from reportlab.platypus import Paragraph

        for font_style in ("regular", "bold", "italic"):
            check_printable(text, where, font_style)
        self.items.append(
            Paragraph(markup if markup is not None else escape(text), self.styles[style])
        )

    def space(self, mm: float) -> None:
        from reportlab.platypus import Spacer

        self.items.append(Spacer(1, mm * MM))


def _decision_counts(plan: StagePlan, decision: DecisionRow) -> list[HonoureeRow]:
    """Who a decision grants: its own honourees, plus, when it is the only decision of its
    award form, those of that form not tied to any decision."""
    same_form = [d for d in plan.decisions if d.award_form_id == decision.award_form_id]
    return [
        h
        for h in plan.honourees
        if h.decision_id == decision.id
        or (
            len(same_form) == 1
            and h.decision_id is None
            and h.award_form_id == decision.award_form_id
        )
    ]


def _words(w: _Writer, part: PartRow) -> None:
    """The part's words: a paragraph in brackets is a direction, "– …" a list item."""
    where = f"Kịch bản, phần «{part.title}»"
    for paragraph in paragraphs(part.text):
        text = say(paragraph)
        if text.startswith("(") and text.endswith(")"):
            w.add("note", text, where)
        elif text[:2] in ("– ", "- ", "+ "):
            w.add("item", "– " + text[2:], where)
        else:
            w.add("say", text, where)


def _decisions(w: _Writer, plan: StagePlan) -> None:
    """The decisions the speaker reads, as a reminder under the MC's words."""
    read = [(d, _decision_counts(plan, d)) for d in plan.decisions]
    read = [(d, rows) for d, rows in read if rows]
    if not read:
        return
    w.add("note", "Các quyết định được công bố:", "Kịch bản")
    for i, (d, rows) in enumerate(read, start=1):
        text = (
            f"{i}. Quyết định số {d.number} {date_words(d.signed_on)} về việc tặng "
            f"{say(rows[0].award)} cho {counts_phrase(rows)}."
        )
        w.add("name", text, f"Quyết định {d.number}")


def _invite_presenter(r, previous: PresenterRow | None, people: list[HonoureeRow]) -> str:  # type: ignore[no-untyped-def]
    award = say(r.award)
    if r.presenter is None:
        return f"Xin trân trọng kính mời {PLACEHOLDER_PRESENTER} lên trao {award} cho {grantees_phrase(people)}."
    if previous is not None and previous.id == r.presenter.id:
        return (
            f"Xin trân trọng kính mời {short_name(r.presenter)} tiếp tục trao {award} cho "
            f"{grantees_phrase(people)}."
        )
    return (
        f"Xin trân trọng kính mời {introduction(r.presenter)}, lên trao {award} cho "
        f"{grantees_phrase(people)}."
    )


def _round(w: _Writer, rp: RoundPlan, previous: PresenterRow | None) -> None:
    r = rp.round
    people = [s.honouree for s in rp.slots]
    award = say(r.award)
    where = f"Kịch bản, đợt {r.number}"
    w.add("round", f"Đợt {r.number}. {award}: {counts_phrase(people)}", where)
    w.add("invite", _invite_presenter(r, previous, people), f"{where}, người trao")
    w.add(
        "invite",
        f"Xin trân trọng kính mời {receivers_phrase(people)} có tên sau đây lên nhận {award}:",
        where,
    )
    for i, slot in enumerate(rp.slots):
        name, rest = honouree_words(slot.honouree)
        end = "." if i == len(rp.slots) - 1 else ";"
        w.add(
            "name",
            f"{slot.number}. {name}{rest}{end}",
            f"{where}, «{slot.honouree.name}»",
            markup=f"{slot.number}.&nbsp;&nbsp;<b>{escape(name)}</b>{escape(rest + end)}",
        )
    if rp.absent:
        who = "Các tập thể, cá nhân" if len(rp.absent) > 1 else "Tập thể, cá nhân"
        w.add("say", f"{who} có tên sau vắng mặt, ban tổ chức sẽ gửi khen thưởng sau:", where)
        for i, h in enumerate(rp.absent):
            name, rest = honouree_words(h)
            end = "." if i == len(rp.absent) - 1 else ";"
            w.add("item", f"– {name}{rest}{end}", f"{where}, «{h.name}»")
    w.add("note", "(Chụp ảnh lưu niệm)", where)
    thanks = f" và trân trọng cảm ơn {short_name(r.presenter)}" if r.presenter else ""
    w.add(
        "say",
        f"Xin chúc mừng {grantees_phrase(people)} vừa được khen thưởng{thanks}. Kính mời các "
        "đồng chí trở về vị trí.",
        where,
    )


def make_script(store, ceremony_id: int, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Load and check the stage plan and the programme, then write the MC script."""
    from kx_ceremony.core.services.conference_parts import list_parts
    from kx_ceremony.core.services.stage_snapshot import load_stage_plan

    plan = load_stage_plan(store, ceremony_id)
    parts = list_parts(store, ceremony_id)
    return write_atomically(Path(out), lambda partial: write_script(plan, parts, partial))


def write_script(plan: StagePlan, parts: list[PartRow], out: Path) -> Path:
    """Write the MC script of ``plan`` to ``out``: the parts held, in order."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    w = _Writer()
    c = plan.ceremony
    if c.organiser:
        w.add("org", say(c.organiser).upper(), "Đơn vị tổ chức")
    w.add("h1", "KỊCH BẢN DẪN CHƯƠNG TRÌNH", "Kịch bản")
    w.add("title", say(c.title), "Tên buổi lễ")
    venue = f", tại {say(c.venue)}" if c.venue else ""
    w.add(
        "title",
        f"{date_words(c.held_on)[:1].upper()}{date_words(c.held_on)[1:]}{venue}",
        "Ngày tổ chức",
    )
    w.space(4)
    held = [p for p in parts if p.held]
    for number, part in enumerate(held):
        numeral = ROMAN[number] if number < len(ROMAN) else str(number + 1)
        w.add("h2", f"{numeral}. {say(part.title).upper()}", f"Kịch bản, phần «{part.title}»")
        _words(w, part)
        if part.key == "decisions":
            _decisions(w, plan)
        elif part.key == "rounds":
            previous: PresenterRow | None = None
            for rp in plan.rounds:
                _round(w, rp, previous)
                previous = rp.round.presenter

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(register_fonts().name("italic"), 10)
        canvas.drawRightString(A4[0] - 15 * MM, 10 * MM, f"Kịch bản – trang {doc.page}")
        canvas.restoreState()

    out = Path(out)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=30 * MM,
        rightMargin=15 * MM,
        topMargin=20 * MM,
        bottomMargin=20 * MM,
        title="Kịch bản trao khen thưởng",
        author=c.organiser or "KX Ceremony",
    )
    doc.build(w.items, onFirstPage=footer, onLaterPages=footer)
    return out

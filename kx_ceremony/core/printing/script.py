"""The MC script (kịch bản): opening, the decisions read out, each round's two invitations
and its numbered names in stage order, closing.

Large type (14 pt) for reading at a lectern. Names come from the checked stage plan, so
the numbers here are the numbers on the line-up and on the tray lists.
"""

from __future__ import annotations

from pathlib import Path

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.printing.fonts import check_printable, register_fonts
from kx_ceremony.core.printing.stage_text import (
    PLACEHOLDER_PRESENTER,
    called_name,
    counts_phrase,
    escape,
    grantees_phrase,
    receivers_phrase,
    script_line,
)
from kx_ceremony.core.services.row_types import DecisionRow, HonoureeRow
from kx_ceremony.core.services.stage_snapshot import RoundPlan, StagePlan
from kx_ceremony.core.text.vietnamese import date_words

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
                fontName=fonts.name("bold"),
                spaceBefore=10,
                spaceAfter=4,
                keepWithNext=1,
            ),
            "round": ParagraphStyle(
                "round",
                parent=base,
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


def _opening(w: _Writer, plan: StagePlan, presenters: list[str]) -> None:
    c = plan.ceremony
    w.add("h2", "I. KHAI MẠC", "Kịch bản")
    w.add(
        "say",
        "Kính thưa các đồng chí lãnh đạo, thưa các vị đại biểu, thưa toàn thể hội nghị!",
        "Kịch bản",
    )
    where = f", tại {c.venue}" if c.venue else ""
    host = f", {c.organiser}" if c.organiser else ""
    w.add(
        "say",
        f"Hôm nay, {date_words(c.held_on)}{where}{host} long trọng tổ chức {c.title}.",
        "Tên buổi lễ",
    )
    if presenters:
        w.add("say", "Về dự buổi lễ, xin trân trọng giới thiệu:", "Kịch bản")
        for intro in presenters:
            w.add("name", f"– {intro};", f"Người trao «{intro}»")
    w.add(
        "say",
        "Xin trân trọng giới thiệu các vị đại biểu và toàn thể các đồng chí về dự.",
        "Kịch bản",
    )


def _decisions(w: _Writer, plan: StagePlan) -> None:
    read = [(d, _decision_counts(plan, d)) for d in plan.decisions]
    read = [(d, rows) for d, rows in read if rows]
    if not read:
        return
    w.add("h2", "II. CÔNG BỐ CÁC QUYẾT ĐỊNH KHEN THƯỞNG", "Kịch bản")
    w.add("say", "Sau đây, xin trân trọng công bố các quyết định khen thưởng:", "Kịch bản")
    for i, (d, rows) in enumerate(read, start=1):
        award = rows[0].award
        authority = f" của {d.authority}" if d.authority else ""
        signer = " – ".join(t for t in (d.signer_title, d.signer_subtitle) if t)
        signed = (
            f" Người ký: {signer} {d.signer_name}".rstrip() + "."
            if (signer or d.signer_name)
            else ""
        )
        text = (
            f"{i}. Quyết định số {d.number} {date_words(d.signed_on)}{authority} về việc tặng "
            f"{award} cho {counts_phrase(rows)}.{signed}"
        )
        w.add("name", text, f"Quyết định {d.number}")


def _round(w: _Writer, rp: RoundPlan) -> None:
    r = rp.round
    people = [s.honouree for s in rp.slots]
    where = f"Kịch bản, đợt {r.number}"
    w.add("round", f"Đợt {r.number}: {r.award} ({len(people)} người lên nhận)", where)
    intro = r.presenter.introduction if r.presenter else PLACEHOLDER_PRESENTER
    text = f"Xin trân trọng kính mời {intro}, lên trao {r.award} cho {grantees_phrase(people)}."
    w.add("invite", text, f"{where}, người trao")
    w.add(
        "invite",
        f"Xin trân trọng kính mời {receivers_phrase(people)} có tên sau đây lên nhận {r.award}:",
        where,
    )
    for slot in rp.slots:
        h = slot.honouree
        line = script_line(h)
        rest = line[len(called_name(h)) :]
        w.add(
            "name",
            f"{slot.number}. {line}",
            f"{where}, «{h.name}»",
            markup=f"{slot.number}.&nbsp;&nbsp;<b>{escape(called_name(h))}</b>{escape(rest)}",
        )
    thanks = r.presenter.introduction.split(", ")[0] if r.presenter else "đồng chí"
    w.add(
        "note",
        f"(Chụp ảnh lưu niệm.) Xin trân trọng cảm ơn {thanks}; kính mời các đại biểu trở về vị trí.",
        where,
    )


def make_script(store, ceremony_id: int, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Load and check the stage plan and the presenters, then write the MC script."""
    from kx_ceremony.core.services.presenters import list_presenters
    from kx_ceremony.core.services.stage_snapshot import load_stage_plan

    plan = load_stage_plan(store, ceremony_id)
    used = {rp.round.presenter.id for rp in plan.rounds if rp.round.presenter}
    presenters = [p.introduction for p in list_presenters(store, ceremony_id) if p.id in used]
    return write_atomically(Path(out), lambda partial: write_script(plan, presenters, partial))


def write_script(plan: StagePlan, presenters: list[str], out: Path) -> Path:
    """Write the MC script of ``plan`` to ``out``; ``presenters`` are their introductions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    w = _Writer()
    c = plan.ceremony
    if c.organiser:
        w.add("org", c.organiser.upper(), "Đơn vị tổ chức")
    w.add("h1", "KỊCH BẢN TRAO KHEN THƯỞNG", "Kịch bản")
    w.add("title", c.title, "Tên buổi lễ")
    w.add("title", f"({date_words(c.held_on)})", "Ngày tổ chức")
    w.space(4)
    _opening(w, plan, presenters)
    _decisions(w, plan)
    w.add("h2", f"{'III' if plan.decisions else 'II'}. TRAO KHEN THƯỞNG", "Kịch bản")
    for rp in plan.rounds:
        _round(w, rp)
    w.add("h2", f"{'IV' if plan.decisions else 'III'}. BẾ MẠC", "Kịch bản")
    w.add(
        "say",
        "Một lần nữa, xin nhiệt liệt chúc mừng các tập thể, cá nhân vừa được khen thưởng. "
        "Chương trình trao khen thưởng đến đây là kết thúc. Xin trân trọng cảm ơn!",
        "Kịch bản",
    )

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

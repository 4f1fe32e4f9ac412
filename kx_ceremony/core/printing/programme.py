"""The programme sheet (chương trình hội nghị): the conference's parts in order, who
carries out each, and the rounds of presentation with their presenters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.conference import EMULATION_BODY, PARTS
from kx_ceremony.core.printing.decree30 import (
    build_pdf,
    check_texts,
    esc,
    make_styles,
    national_header,
)
from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.printing.office_tables import grid_table
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.conference_parts import list_parts
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.services.stage import list_rounds
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import date_line, date_words

HEAD = ("STT", "Nội dung", "Thực hiện")
COLUMNS_MM = (14, None, 62)


def programme_rows(store: Store, ceremony_id: int) -> list[list[str]]:
    ceremony = get_ceremony(store, ceremony_id)
    year = ceremony.achievement_year or ceremony.held_on.year
    organiser = spell_out(ceremony.organiser) or "đơn vị tổ chức"
    presenters = list_presenters(store, ceremony_id)
    senior = min(presenters, key=lambda p: p.seniority) if presenters else None
    values = {
        "year": year,
        "next_year": year + 1,
        "organiser": organiser,
        "emulation_body": EMULATION_BODY,
    }
    rows: list[list[str]] = []
    held = {p.key: p for p in list_parts(store, ceremony_id) if p.held}
    for part in PARTS:
        if part.key not in held:  # left out by the organiser, or no such document
            continue
        heading = spell_out(held[part.key].title)
        if part.key == "rounds":
            awards: dict[str, list[str]] = {}
            for r in list_rounds(store, ceremony_id):
                who = spell_out(r.presenter.introduction) if r.presenter else "Lãnh đạo"
                names = awards.setdefault(r.award or "Khen thưởng", [])
                if who not in names:
                    names.append(who)
            for award, who in awards.items() or {"Trao tặng khen thưởng": [""]}.items():
                rows.append([f"Trao {spell_out(award)}", _capital("; ".join(who))])
            continue
        performer = part.performer.format(**values)
        if part.key == "speech":
            performer = spell_out(senior.introduction) if senior else "Lãnh đạo cấp trên"
        rows.append([heading, _capital(performer)])
    return [[str(i), *row] for i, row in enumerate(rows, start=1)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def programme_story(store: Store, ceremony_id: int) -> tuple[list[Any], list[tuple[str, str]]]:
    from reportlab.platypus import Paragraph, Spacer

    ceremony = get_ceremony(store, ceremony_id)
    styles = make_styles(register_fonts())
    line = date_line(ceremony.place, ceremony.held_on)
    story: list[Any] = [national_header(styles, line, ceremony.organiser)]
    story.append(Paragraph("CHƯƠNG TRÌNH", styles.title))
    story.append(Paragraph(esc(ceremony.title), styles.subtitle))
    story.append(Spacer(1, 6))
    when = f"<b>Thời gian:</b> {esc(date_words(ceremony.held_on))}"
    story.append(Paragraph(when, styles.plain))
    if ceremony.venue:
        story.append(Paragraph(f"<b>Địa điểm:</b> {esc(spell_out(ceremony.venue))}", styles.plain))
    story.append(Spacer(1, 8))
    rows = programme_rows(store, ceremony_id)
    story.append(grid_table(HEAD, rows, COLUMNS_MM, styles))
    texts = [("Chương trình", " ".join(r)) for r in rows] + [("Tên buổi lễ", ceremony.title)]
    return story, texts


def print_programme(store: Store, ceremony_id: int, out: Path) -> Path:
    story, texts = programme_story(store, ceremony_id)
    check_texts(texts)
    return build_pdf(Path(out), story, title="Chương trình hội nghị")

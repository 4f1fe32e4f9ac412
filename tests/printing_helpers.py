"""Reading printed PDFs back: page texts and word boxes through poppler, catalog via pypdf."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

MM = 72.0 / 25.4


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, NFC, whitespace collapsed to single spaces."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [" ".join(unicodedata.normalize("NFC", p).split()) for p in pages]


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page, points
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def page_words(pdf: Path, page: int = 1) -> list[Word]:
    """Word boxes of one page (points, y from the top), as poppler places them."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    body = out[out.index("<doc>") : out.index("</doc>") + len("</doc>")]
    root = ElementTree.fromstring(body)
    return [
        Word(
            unicodedata.normalize("NFC", unescape(w.text or "")),
            float(w.get("xMin")),
            float(w.get("yMin")),
            float(w.get("xMax")),
            float(w.get("yMax")),
        )
        for w in root.iter("word")
    ]


def words_of(words: list[Word], phrase: str) -> list[Word]:
    """The run of words that spells ``phrase`` (first occurrence)."""
    wanted = phrase.split()
    texts = [w.text for w in words]
    for i in range(len(texts) - len(wanted) + 1):
        if texts[i : i + len(wanted)] == wanted:
            return words[i : i + len(wanted)]
    raise AssertionError(f"{phrase!r} not found among {texts!r}")


def print_scaling(pdf: Path) -> str | None:
    from pypdf import PdfReader

    prefs = PdfReader(str(pdf)).trailer["/Root"].get("/ViewerPreferences")
    return None if prefs is None else str(prefs.get_object().get("/PrintScaling"))


def make_ceremony(store, people: list[dict], award: str = "huyen") -> tuple[int, int]:
    """A ceremony with a decision for ``award`` and the given honourees; (ceremony, form)."""
    from kx_ceremony.core.services.awards import DecisionInput, add_decision, find_award_form
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
    from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees

    cid = create_ceremony(
        store,
        CeremonyInput(
            "Lễ thử",
            dt.date(2023, 1, 5),
            place="Kiến Xương",
            organiser="UBND huyện Kiến Xương",
            province="Thái Bình",
        ),
    )
    form = find_award_form(store, cid, award)
    decision = add_decision(
        store,
        cid,
        DecisionInput(
            form.id,
            "12/QĐ-UBND",
            dt.date(2022, 12, 30),
            signer_title="KT. CHỦ TỊCH",
            signer_subtitle="PHÓ CHỦ TỊCH",
            signer_name="Đỗ Mạnh Cường",
            place="Kiến Xương",
        ),
    )
    with store.transaction() as session:
        insert_honourees(
            session,
            cid,
            [HonoureeInput(award_form_id=form.id, decision_id=decision, **p) for p in people],
        )
    return cid, form.id

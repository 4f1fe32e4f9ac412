"""The conference programme as the organiser edited it: each part's heading, the MC's
words, who carries it out, and whether it is held.

A part never edited has no stored row and its words are made from the ceremony's data
(core/conference_words.py) each time they are read; an edit stores only what was changed
(a None column keeps the default). Each change is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kx_ceremony.core.conference import PART_KEYS, PARTS, Part
from kx_ceremony.core.conference_words import ConferenceFacts, default_speaker, default_words
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import ConferencePart
from kx_ceremony.core.services.ceremonies import ceremony_row, load_ceremony
from kx_ceremony.core.services.pledges.editing import find_document
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.spoken import clean_paragraphs
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text


@dataclass(frozen=True)
class PartRow:
    key: str
    position: int  # 1.. in the programme's order
    title: str  # the heading in effect
    text: str  # the MC's words in effect, paragraphs separated by "\n"
    speaker: str  # who the MC invites ("" for the MC's own parts)
    enabled: bool  # the organiser keeps the part in the programme
    available: bool  # False: a pledge/covenant part while the ceremony has no such document
    edited: bool  # the words or the heading differ from the default
    takes_speaker: bool
    default_title: str
    default_text: str
    default_speaker: str

    @property
    def held(self) -> bool:
        """The part is in the programme and the script."""
        return self.enabled and self.available

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "position": self.position,
            "title": self.title,
            "text": self.text,
            "speaker": self.speaker,
            "enabled": self.enabled,
            "available": self.available,
            "held": self.held,
            "edited": self.edited,
        }


def _facts(store: Store, ceremony_id: int) -> ConferenceFacts:
    with store.reading() as session:
        ceremony = ceremony_row(load_ceremony(session, ceremony_id))
    return ConferenceFacts(
        ceremony=ceremony,
        presenters=tuple(list_presenters(store, ceremony_id)),
        pledge=find_document(store, ceremony_id, "pledge"),
        covenant=find_document(store, ceremony_id, "covenant"),
    )


def _stored(session: Session, ceremony_id: int) -> dict[str, ConferencePart]:
    rows = session.scalars(select(ConferencePart).where(ConferencePart.ceremony_id == ceremony_id))
    return {r.key: r for r in rows}


def _row(
    part: Part, position: int, facts: ConferenceFacts, stored: ConferencePart | None
) -> PartRow:
    d_speaker = default_speaker(part.key, facts) if part.takes_speaker else ""
    speaker = stored.speaker if stored is not None and stored.speaker else d_speaker
    d_title = facts.heading(part)
    d_text = default_words(part.key, facts, speaker)
    title = stored.title if stored is not None and stored.title else d_title
    text = stored.text if stored is not None and stored.text else d_text
    return PartRow(
        key=part.key,
        position=position,
        title=title,
        text=text,
        speaker=speaker,
        enabled=stored.enabled if stored is not None else True,
        available=not part.when or facts.has(part.when),
        edited=(title, text) != (d_title, d_text),
        takes_speaker=part.takes_speaker,
        default_title=d_title,
        default_text=d_text,
        default_speaker=d_speaker,
    )


def list_parts(store: Store, ceremony_id: int) -> list[PartRow]:
    """Every part of the programme, in order (also those not held, marked so)."""
    facts = _facts(store, ceremony_id)
    with store.reading() as session:
        stored = _stored(session, ceremony_id)
    return [_row(p, i, facts, stored.get(p.key)) for i, p in enumerate(PARTS, start=1)]


def get_part(store: Store, ceremony_id: int, key: str) -> PartRow:
    _check_key(key)
    return next(p for p in list_parts(store, ceremony_id) if p.key == key)


def _check_key(key: str) -> None:
    if key not in PART_KEYS:
        raise UserError(
            f"Không có phần «{key}» trong chương trình hội nghị: hãy dùng một trong "
            f"{', '.join(PART_KEYS)}.",
            field="key",
        )


def _row_for_edit(session: Session, ceremony_id: int, key: str) -> ConferencePart:
    load_ceremony(session, ceremony_id)
    stored = _stored(session, ceremony_id).get(key)
    if stored is None:
        stored = ConferencePart(
            ceremony_id=ceremony_id, key=key, position=PART_KEYS.index(key) + 1, enabled=True
        )
        session.add(stored)
    return stored


def edit_part(
    store: Store,
    ceremony_id: int,
    key: str,
    *,
    title: str | None = None,
    text: str | None = None,
    speaker: str | None = None,
    enabled: bool | None = None,
) -> PartRow:
    """Change what is given (None leaves it); one transaction. Words equal to the default
    are stored as "default", so they keep following the data."""
    _check_key(key)
    current = get_part(store, ceremony_id, key)
    if text is not None:
        text = clean_paragraphs(text)
        if not text:
            raise UserError(
                f"Lời dẫn phần «{current.title}» đang trống: hãy nhập lời, hoặc bỏ chọn phần "
                "này nếu hội nghị không có.",
                field="text",
            )
    if title is not None:
        title = clean_text(title)
        if not title:
            raise UserError("Tên phần đang trống: hãy nhập tên phần.", field="title")
    if speaker is not None:
        speaker = clean_text(speaker)
        if speaker and not current.takes_speaker:
            raise UserError(
                f"Phần «{current.title}» do người dẫn chương trình đọc, không mời ai thực hiện.",
                field="speaker",
            )
    with store.transaction() as session:
        stored = _row_for_edit(session, ceremony_id, key)
        if speaker is not None:
            stored.speaker = speaker if speaker and speaker != current.default_speaker else None
        if title is not None:
            stored.title = None if title == current.default_title else title
        if text is not None:
            stored.text = None if text == current.default_text else text
        if enabled is not None:
            stored.enabled = bool(enabled)
    return get_part(store, ceremony_id, key)


def reset_part(store: Store, ceremony_id: int, key: str) -> PartRow:
    """Back to the default heading and words (made from the data again); who carries the
    part out and whether it is held stay as the organiser set them. One transaction."""
    _check_key(key)
    with store.transaction() as session:
        stored = _row_for_edit(session, ceremony_id, key)
        stored.title = None
        stored.text = None
    return get_part(store, ceremony_id, key)

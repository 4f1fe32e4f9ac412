"""Pledge documents (covenant, pledge) stored per ceremony, with their signatories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import PledgeDocument, PledgeKind, Signatory
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.row_types import DocumentRow, SignatoryRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.hygiene import scrub
from kx_ceremony.core.text.vietnamese import clean_text


@dataclass(frozen=True)
class DocumentInput:
    kind: str
    title: str
    sections: Sequence[dict[str, Any]] = ()
    signatories: Sequence[SignatoryRow] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    place: str = ""
    signed_on: dt.date | None = None


def _check(data: DocumentInput) -> None:
    if data.kind not in {k.value for k in PledgeKind}:
        raise UserError(f"Loại văn bản «{data.kind}» không hợp lệ.", field="kind")
    if not clean_text(data.title):
        raise UserError("Tiêu đề văn bản đang trống.", field="title")
    for i, s in enumerate(data.signatories, start=1):
        if not clean_text(s.unit):
            raise UserError(f"Bên ký thứ {i} chưa có tên đơn vị.", field="signatories")


def document_row(doc: PledgeDocument) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        ceremony_id=doc.ceremony_id,
        kind=doc.kind,
        title=doc.title,
        sections=tuple(doc.sections or ()),
        extra=dict(doc.extra or {}),
        place=doc.place,
        signed_on=doc.signed_on,
        signatories=tuple(
            SignatoryRow(s.order, s.unit, s.signer_title, s.signer_name) for s in doc.signatories
        ),
    )


def save_document(
    store: Store, ceremony_id: int, data: DocumentInput, document_id: int | None = None
) -> int:
    """Create a document, or replace the content of ``document_id``; returns its id."""
    _check(data)
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        if document_id is None:
            doc = PledgeDocument(ceremony_id=ceremony_id)
            session.add(doc)
        else:
            doc = load_in_ceremony(session, PledgeDocument, ceremony_id, document_id)
        doc.kind = data.kind
        doc.title = clean_text(data.title)
        # Multi-line texts inside: unsafe characters go, line breaks stay.
        doc.sections = [scrub(dict(s)) for s in data.sections]
        doc.extra = scrub(dict(data.extra))
        doc.place = clean_text(data.place)
        doc.signed_on = data.signed_on
        doc.signatories = [
            Signatory(
                order=i,
                unit=clean_text(s.unit),
                signer_title=clean_text(s.signer_title),
                signer_name=clean_text(s.signer_name),
            )
            for i, s in enumerate(sorted(data.signatories, key=lambda s: s.order), start=1)
        ]
        session.flush()
        return doc.id


def list_documents(store: Store, ceremony_id: int, kind: str | None = None) -> list[DocumentRow]:
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        query = (
            select(PledgeDocument)
            .where(PledgeDocument.ceremony_id == ceremony_id)
            .options(selectinload(PledgeDocument.signatories))
            .order_by(PledgeDocument.id)
        )
        if kind:
            query = query.where(PledgeDocument.kind == kind)
        return [document_row(d) for d in session.scalars(query)]

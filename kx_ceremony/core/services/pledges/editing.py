"""Editing one pledge document the way the window does it: piece by piece.

``save_document`` replaces a whole document; the editor instead changes the sections,
the details or one signatory at a time, each change its own transaction, so an edit
that is refused leaves the stored document exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.model import PledgeDocument, Signatory
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.pledges.documents import document_row
from kx_ceremony.core.services.row_types import DocumentRow, SignatoryRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.hygiene import strip_unsafe
from kx_ceremony.core.text.vietnamese import clean_text

KIND_LABELS = {"covenant": "bản giao ước thi đua", "pledge": "bản cam kết thi đua"}
_UNSET: Any = object()


def _load(session: Session, document_id: int) -> PledgeDocument:
    doc = session.get(PledgeDocument, document_id)
    if doc is None:
        raise NotFound(f"Không có văn bản số {document_id}; có thể nó đã bị xóa, hãy tải lại.")
    return doc


def get_document(store: Store, document_id: int) -> DocumentRow:
    with store.reading() as session:
        return document_row(_load(session, document_id))


def find_document(store: Store, ceremony_id: int, kind: str) -> DocumentRow | None:
    """The ceremony's (first) document of this kind, or None when it has none yet."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        doc = session.scalars(
            select(PledgeDocument)
            .where(PledgeDocument.ceremony_id == ceremony_id, PledgeDocument.kind == kind)
            .options(selectinload(PledgeDocument.signatories))
            .order_by(PledgeDocument.id)
            .limit(1)
        ).first()
        return document_row(doc) if doc else None


def delete_document(store: Store, document_id: int) -> None:
    with store.transaction() as session:
        session.delete(_load(session, document_id))


def clean_sections(sections: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Sections as stored: heading on one line, body keeping its line breaks (paragraphs)."""
    cleaned = []
    for i, section in enumerate(sections, start=1):
        if not isinstance(section, Mapping):
            raise UserError(f"Mục thứ {i} của văn bản không hợp lệ.", field="sections")
        heading = clean_text(section.get("heading", ""))
        # Unsafe characters out before splitting: splitlines() also breaks at \r, \x85 …
        body_text = strip_unsafe(str(section.get("body", "") or ""))
        lines = [clean_text(line) for line in body_text.splitlines()]
        body = "\n".join(line for line in lines if line)
        if heading or body:
            cleaned.append({"heading": heading, "body": body})
    return cleaned


def clean_targets(targets: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """A pledge's table rows; a row needs the target itself, measure and figure may wait."""
    rows = []
    for i, target in enumerate(targets, start=1):
        row = {k: clean_text(target.get(k, "")) for k in ("target", "measure", "planned")}
        if not any(row.values()):
            continue
        if not row["target"]:
            raise UserError(
                f"Dòng chỉ tiêu thứ {i} chưa ghi tên chỉ tiêu: hãy ghi tên hoặc xóa dòng đó.",
                field="targets",
            )
        rows.append(row)
    return rows


def update_document(
    store: Store,
    document_id: int,
    *,
    title: str = _UNSET,
    sections: Sequence[Mapping[str, Any]] = _UNSET,
    extra: Mapping[str, Any] = _UNSET,
    place: str = _UNSET,
    signed_on: dt.date | None = _UNSET,
) -> DocumentRow:
    """Change only the parts given; ``extra`` keys given replace those keys only."""
    with store.transaction() as session:
        doc = _load(session, document_id)
        if title is not _UNSET:
            if not clean_text(title):
                raise UserError("Tiêu đề văn bản đang trống: hãy nhập tiêu đề.", field="title")
            doc.title = clean_text(title)
        if sections is not _UNSET:
            doc.sections = clean_sections(sections)
        if extra is not _UNSET:
            merged = dict(doc.extra or {})
            if "cluster" in extra:
                check_cluster(str(extra["cluster"] or ""))
            for key, value in extra.items():
                merged[key] = clean_targets(value) if key == "targets" else _clean_value(value)
            doc.extra = merged
        if place is not _UNSET:
            doc.place = clean_text(place)
        if signed_on is not _UNSET:
            if signed_on is not None and not isinstance(signed_on, dt.date):
                raise UserError("Ngày ký không hợp lệ.", field="signed_on")
            doc.signed_on = signed_on
        session.flush()
        return document_row(doc)


CLUSTER_STARTS = ("cum thi dua", "khoi thi dua")


def check_cluster(name: str) -> None:
    """A covenant's cluster or block is named as Decree 30 heads it: "Cụm thi đua …" or
    "Khối thi đua …" (empty: the covenant of a district's or commune's own units)."""
    from kx_ceremony.core.text.vietnamese import fold_for_search

    name = clean_text(name)
    if name and not fold_for_search(name).startswith(CLUSTER_STARTS):
        raise UserError(
            f"Tên cụm, khối «{name}» phải bắt đầu bằng «Cụm thi đua» hoặc «Khối thi đua», "
            "ví dụ «Cụm thi đua số 3» hoặc «Khối thi đua các cơ quan chuyên môn».",
            field="cluster",
        )


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    return value


def _signatory(row: SignatoryRow | Sequence[str], position: int) -> Signatory:
    if isinstance(row, SignatoryRow):
        unit, title, name = row.unit, row.signer_title, row.signer_name
    else:
        unit, title, name = (list(row) + ["", ""])[:3]
    if not clean_text(unit):
        raise UserError(
            f"Bên ký thứ {position} chưa có tên đơn vị: hãy nhập tên đơn vị.",
            field="signatories",
        )
    return Signatory(
        order=position,
        unit=clean_text(unit),
        signer_title=clean_text(title).upper(),
        signer_name=clean_text(name),
    )


def _edit_signatories(
    store: Store, document_id: int, change: Callable[[list[Signatory]], list[Signatory]]
) -> DocumentRow:
    with store.transaction() as session:
        doc = _load(session, document_id)
        current = list(doc.signatories)
        updated = change(current)
        for removed in set(current) - set(updated):
            session.delete(removed)
        for i, signatory in enumerate(updated, start=1):
            signatory.order = i
        doc.signatories = updated
        session.flush()
        return document_row(doc)


def _index(signatories: list[Signatory], order: int) -> int:
    for i, signatory in enumerate(signatories):
        if signatory.order == order:
            return i
    raise UserError(
        f"Không có bên ký thứ {order} trong văn bản (đang có {len(signatories)} bên ký).",
        field="signatories",
    )


def set_signatories(
    store: Store, document_id: int, rows: Sequence[SignatoryRow | Sequence[str]]
) -> DocumentRow:
    """Replace every signatory, in the order given (the first is the cluster head)."""
    built = [_signatory(row, i) for i, row in enumerate(rows, start=1)]
    return _edit_signatories(store, document_id, lambda _current: built)


def add_signatory(
    store: Store,
    document_id: int,
    unit: str,
    signer_title: str = "",
    signer_name: str = "",
    position: int | None = None,
) -> DocumentRow:
    """Add one signing unit at ``position`` (1-based), or at the end."""

    def change(current: list[Signatory]) -> list[Signatory]:
        at = len(current) if position is None else max(0, min(position - 1, len(current)))
        new = _signatory((unit, signer_title, signer_name), at + 1)
        return [*current[:at], new, *current[at:]]

    return _edit_signatories(store, document_id, change)


def update_signatory(
    store: Store,
    document_id: int,
    order: int,
    *,
    unit: str = _UNSET,
    signer_title: str = _UNSET,
    signer_name: str = _UNSET,
) -> DocumentRow:
    def change(current: list[Signatory]) -> list[Signatory]:
        old = current[_index(current, order)]
        new = _signatory(
            (
                old.unit if unit is _UNSET else unit,
                old.signer_title if signer_title is _UNSET else signer_title,
                old.signer_name if signer_name is _UNSET else signer_name,
            ),
            order,
        )
        old.unit, old.signer_title, old.signer_name = new.unit, new.signer_title, new.signer_name
        return current

    return _edit_signatories(store, document_id, change)


def remove_signatory(store: Store, document_id: int, order: int) -> DocumentRow:
    def change(current: list[Signatory]) -> list[Signatory]:
        at = _index(current, order)
        return current[:at] + current[at + 1 :]

    return _edit_signatories(store, document_id, change)


def move_signatory(store: Store, document_id: int, order: int, new_order: int) -> DocumentRow:
    """Move one signatory to ``new_order`` (1-based); the others close up around it."""

    def change(current: list[Signatory]) -> list[Signatory]:
        moving = current.pop(_index(current, order))
        at = max(0, min(new_order - 1, len(current)))
        current.insert(at, moving)
        return current

    return _edit_signatories(store, document_id, change)

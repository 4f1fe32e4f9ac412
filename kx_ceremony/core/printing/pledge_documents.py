"""Print a ceremony's covenant or pledge: the stored one, or an unsaved draft on request.

Printing never writes to the store. A ceremony without the document gets a refusal
that says how to make one, because silently printing a template could end up signed
by mistake; the draft is printed only when asked for, with blank blocks to fill in.
"""

from __future__ import annotations

from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.pledges.documents import DocumentInput
from kx_ceremony.core.services.pledges.drafts import DRAFT_UNIT_COUNT, unsaved_draft
from kx_ceremony.core.services.pledges.editing import KIND_LABELS, find_document
from kx_ceremony.core.services.row_types import DocumentRow
from kx_ceremony.core.store import Store


def draft_row(ceremony_id: int, data: DocumentInput) -> DocumentRow:
    """An unsaved draft in the shape the printers read."""
    return DocumentRow(
        id=0,
        ceremony_id=ceremony_id,
        kind=data.kind,
        title=data.title,
        sections=tuple(data.sections),
        extra=dict(data.extra),
        place=data.place,
        signed_on=data.signed_on,
        signatories=tuple(data.signatories),
    )


class NoDocumentYet(UserError):
    """The ceremony has no saved covenant/pledge of that kind; the window offers the draft."""


def print_pledge_document(
    store: Store, ceremony_id: int, kind: str, out: Path, draft: bool = False
) -> Path:
    """Write the ceremony's covenant (kind "covenant") or pledge ("pledge") to ``out``."""
    if kind not in KIND_LABELS:
        raise UserError(f"Loại văn bản «{kind}» không hợp lệ (covenant hoặc pledge).")
    if draft:
        doc = draft_row(ceremony_id, unsaved_draft(store, ceremony_id, kind))
    else:
        found = find_document(store, ceremony_id, kind)
        if found is None:
            raise NoDocumentYet(
                f"Buổi lễ số {ceremony_id} chưa có {KIND_LABELS[kind]}",
                cli_hint="hãy soạn văn bản này trong cửa sổ chương trình (bắt đầu từ bản nháp "
                "có sẵn), hoặc in bản nháp mẫu để điền tay bằng lệnh «kx-ceremony print "
                f"{kind} --ceremony {ceremony_id} --draft -o TỆP.pdf».",
                window_hint="hãy soạn văn bản ở thẻ «Giao ước, cam kết», hoặc in bản nháp mẫu "
                "để điền tay.",
            )
        doc = found
    if kind == "covenant":
        from kx_ceremony.core.printing.covenant import render_covenant

        return render_covenant(doc, out, blank_blocks=DRAFT_UNIT_COUNT if draft else 0)
    from kx_ceremony.core.printing.pledge import render_pledge

    return render_pledge(doc, out)

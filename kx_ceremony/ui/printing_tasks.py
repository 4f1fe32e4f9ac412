"""The background task behind «In ra máy in»: any document of the printing screen, at 100 %.

Certificates go through the ledger of blanks (only those the printer took are recorded);
a job the user stops ends after the current page and says which certificates came out.
"""

from __future__ import annotations

from typing import Any

from kx_ceremony.core.store import Store


def print_on_printer(
    store: Store,
    ceremony_id: int,
    kind: Any,  # a DocumentKind
    options: dict[str, Any],
    choice: Any,  # a PrinterChoice
    progress: Any,  # tasks.Progress: callable, with .cancelled
    text: str,
) -> str:
    """Returns the one sentence to show when the job ends (complete or cut short)."""

    def report(done: int, total: int) -> None:
        if not progress.cancelled:  # stopping is answered by should_cancel, page by page
            progress(done, total, text)

    def stop() -> bool:
        return bool(progress.cancelled)

    if kind.key == "certificates":
        from kx_ceremony.printer.jobs import print_certificates_to_printer

        result = print_certificates_to_printer(
            store,
            ceremony_id,
            choice.name,
            tray=choice.tray,
            copies=choice.copies,
            mode=options["mode"],
            round_number=options["round"],
            award=options["award"],
            reprint=options.get("reprint", False),
            draft=bool(options.get("draft")),
            reason=options.get("reason", ""),
            progress=report,
            should_cancel=stop,
        )
        return result.summary()
    from kx_ceremony.printer.jobs import print_document_to_printer

    sent = print_document_to_printer(
        lambda out: kind.make(store, ceremony_id, out, options, progress),
        choice.name,
        tray=choice.tray,
        copies=choice.copies,
        title=kind.title,
        progress=report,
        should_cancel=stop,
    )
    if sent.complete:
        return f"Đã gửi {sent.pages} trang «{kind.title}» tới máy in «{sent.printer}»."
    return (
        f"In dở: đã gửi {sent.pages}/{sent.total} trang «{kind.title}» tới máy in «{sent.printer}»."
    )

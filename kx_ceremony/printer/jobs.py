"""Print jobs on a printer: the PDF the ``-o`` path writes, then QPrinter at 100 %.

Certificates are entered in the ledger of blanks only after the printer took them; a job
cut short (the user stopped it, or the printer stopped taking pages) records and names
exactly the certificates that went out.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.certificates import (
    Certificate,
    flags_note,
    prepare_job,
    write_job,
)
from kx_ceremony.core.store import Store
from kx_ceremony.printer.qt_printer import PrintedJob, ShouldCancel, offset_key, print_pdf

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CertificatesPrinted:
    job: PrintedJob
    printed: tuple[Certificate, ...]  # the certificates that went out, in order
    total: int
    skipped_flags: int = 0

    @property
    def complete(self) -> bool:
        return len(self.printed) == self.total

    def summary(self) -> str:
        """One Vietnamese line: all printed, or which ones were before the job stopped."""
        where = f"máy in «{self.job.printer}»"
        if self.complete:
            note = flags_note(self.skipped_flags)
            return f"Đã gửi {self.total} bằng khen, giấy khen tới {where}." + (
                f" {note}" if note else ""
            )
        why = self.job.problem or "đã dừng theo yêu cầu"
        if not self.printed:
            return f"Chưa in bằng nào ({why}); sổ theo dõi phôi không ghi gì."
        first, last = self.printed[0], self.printed[-1]
        return (
            f"In dở ({why}): đã in {len(self.printed)}/{self.total} bằng, từ số "
            f"{first.ordinal} «{first.honouree.name}» đến số {last.ordinal} "
            f"«{last.honouree.name}»; chỉ những bằng này được ghi vào sổ theo dõi phôi."
        )


def _halves(progress: Progress | None) -> tuple[Progress, Progress]:
    """Making the PDF is the first half of the progress, printing it the second."""

    def making(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total * 2)

    def printing(done: int, total: int) -> None:
        if progress is not None:
            progress(total + done, total * 2)

    return making, printing


def print_certificates_to_printer(
    store: Store,
    ceremony_id: int,
    printer: str,
    *,
    tray: str | None = None,
    copies: int = 1,
    mode: str = "blank",
    round_number: int | None = None,
    award: str | None = None,
    reprint: bool = False,
    reason: str = "",
    draft: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    dpi: int | None = None,
) -> CertificatesPrinted:
    if mode == "blank" and copies != 1:
        raise UserError(
            "In lên phôi mỗi người một bản (mỗi phôi một số sổ vàng); hãy để số bản là 1."
        )
    key = offset_key(printer, tray)
    job = prepare_job(
        store,
        ceremony_id,
        mode=mode,
        round_number=round_number,
        award=award,
        printer=key,
        reprint=reprint,
        reason=reason,
        draft=draft,
    )
    making, printing = _halves(progress)
    with tempfile.TemporaryDirectory(prefix="kx-print-") as folder:
        pdf = write_job(
            job, Path(folder) / "bang-khen.pdf", progress=making, should_cancel=should_cancel
        ).path
        sent = print_pdf(
            pdf,
            printer,
            tray=tray,
            copies=copies,
            title=job.title,
            progress=printing,
            should_cancel=should_cancel,
            **({"dpi": dpi} if dpi else {}),
        )
    printed = tuple(job.certificates[: sent.pages])
    if printed:
        job.record(printed, "printer", key)
    return CertificatesPrinted(sent, printed, len(job.certificates), job.skipped_flags)


def print_document_to_printer(
    make: Callable[[Path], Path],
    printer: str,
    *,
    tray: str | None = None,
    copies: int = 1,
    title: str = "KX Ceremony",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    dpi: int | None = None,
) -> PrintedJob:
    """Any other document (script, line-up, calibration, covenant…): ``make(path)`` writes
    its PDF, which is then printed at 100 %."""
    with tempfile.TemporaryDirectory(prefix="kx-print-") as folder:
        pdf = make(Path(folder) / "van-ban.pdf")
        return print_pdf(
            pdf,
            printer,
            tray=tray,
            copies=copies,
            title=title,
            progress=progress,
            should_cancel=should_cancel,
            **({"dpi": dpi} if dpi else {}),
        )

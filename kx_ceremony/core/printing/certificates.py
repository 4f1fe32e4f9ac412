"""Certificates (Bằng khen, Giấy khen) for a ceremony, in presentation order.

``blank`` mode prints only the variable words, moved by the printer offset, onto
pre-printed blanks; ``full`` mode adds the design a blank carries (border, national
title, authority, TẶNG, the award's name) for plain paper and previews.

The order is exactly ``list_honourees`` (the one presentation order the stage documents
use). Every text is checked before the first page is drawn, so a refusal leaves no file.
The design of each award form is drawn once per file as a form XObject and reused on
every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kx_ceremony.core.atomic_file import StagedFolder, staged_folder, write_atomically
from kx_ceremony.core.errors import Cancelled, UserError
from kx_ceremony.core.gc_pause import no_cyclic_gc
from kx_ceremony.core.printing.certificate_selection import (  # noqa: F401 - also offered here
    flags_note,
    safe_filename,
    select_honourees,
    without_flags,
)
from kx_ceremony.core.printing.certificate_text import (
    DesignTexts,
    choose_decision,
    design_texts,
    missing_decision_parts,
    variable_texts,
)
from kx_ceremony.core.printing.drawing import (
    DRAFT_MARK,
    Typesetter,
    binary_streams,
    draw_border,
    draw_draft_mark,
    new_canvas,
    shift,
)
from kx_ceremony.core.printing.extra_fields import box_for, label_of
from kx_ceremony.core.printing.layouts import FieldBox, Layout, layout_for_award
from kx_ceremony.core.printing.printer_offset import DEFAULT_PRINTER, PrinterOffset, load_offset
from kx_ceremony.core.printing.textfit import FittedText
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.print_ledger import PlannedPrint, plan_prints, record_prints
from kx_ceremony.core.services.row_types import DecisionRow, HonoureeRow
from kx_ceremony.core.store import Store

MODES = ("blank", "full")
Progress = Callable[[int, int], None]  # (done, total)
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class Certificate:
    """One page, ready to draw: every text already checked and fitted."""

    ordinal: int  # place in the ceremony's whole presentation order, from 1
    honouree: HonoureeRow
    award_form_id: int
    fields: tuple[tuple[FieldBox, FittedText], ...]


@dataclass
class PrintResult:
    path: Path
    count: int
    split_files: list[Path] = field(default_factory=list)
    skipped_flags: int = 0  # Cờ thi đua in the selection: no paper certificate (see flags.py)

    @property
    def note(self) -> str:
        return flags_note(self.skipped_flags)


@dataclass
class _AwardDesign:
    layout: Layout
    design: DesignTexts
    fitted: tuple[tuple[FieldBox, FittedText], ...] = ()


def _who(row: HonoureeRow, ordinal: int) -> str:
    return f"Bằng/giấy khen số {ordinal} của «{row.name}»"


class _Plan:
    """Everything checked and measured before a page is drawn."""

    def __init__(self, store: Store, ceremony_id: int, mode: str, draft: bool = False) -> None:
        self.mode = mode
        self.draft = draft
        self.typesetter = Typesetter()
        self.ceremony = get_ceremony(store, ceremony_id)
        self.forms = {f.id: f for f in list_award_forms(store, ceremony_id)}
        decisions = list_decisions(store, ceremony_id)
        self.decisions = {d.id: d for d in decisions}
        self.by_form: dict[int, list[DecisionRow]] = {}
        for d in decisions:
            self.by_form.setdefault(d.award_form_id, []).append(d)
        self.designs: dict[int, _AwardDesign] = {}

    def design_for(self, award_form_id: int, decision: DecisionRow | None) -> _AwardDesign:
        known = self.designs.get(award_form_id)
        if known is not None:
            return known
        form = self.forms[award_form_id]
        try:
            layout = layout_for_award(form)
        except UserError as exc:
            raise UserError(f"«{form.full_name}»: {exc.message}") from exc
        design = _AwardDesign(layout, design_texts(form, decision))
        if self.mode == "full":
            where = f"Mẫu «{form.full_name}»"
            fitted = []
            two_lines = bool(design.design.authority_sub)
            for name, text in design.design.as_fields().items():
                box = box_for(layout, name, two_lines)
                if box is None:
                    continue
                text = self.typesetter.prepare(text, f"{where}, ô {label_of(box)}", box.style)
                fitted.append((box, self.typesetter.fit(box, text)))
            design.fitted = tuple(fitted)
        self.designs[award_form_id] = design
        return design

    def refuse_incomplete(self, row: HonoureeRow, decision: DecisionRow | None) -> None:
        """A certificate without its decision's number, date and signer cannot go out."""
        missing = missing_decision_parts(decision)
        if missing:
            form = self.forms[row.award_form_id]
            raise UserError(
                f"Không in được «{form.full_name}»: quyết định còn thiếu {', '.join(missing)}. "
                "Hãy nhập đủ quyết định (lệnh decisions) rồi in lại, hoặc in bản thử (--draft)."
            )

    def certificate(self, ordinal: int, row: HonoureeRow) -> Certificate:
        decision = choose_decision(row, self.decisions, self.by_form)
        if not self.draft:
            self.refuse_incomplete(row, decision)
        layout = self.design_for(row.award_form_id, decision).layout
        form = self.forms[row.award_form_id]
        texts = []
        for name, text in variable_texts(row, decision, self.ceremony, form).items():
            box = box_for(layout, name)
            if box is None or not text:
                continue
            where = f"{_who(row, ordinal)}, ô {label_of(box)}"
            text = self.typesetter.prepare(text, where, box.style)
            texts.append((box, self.typesetter.fit(box, text)))
        return Certificate(ordinal, row, row.award_form_id, tuple(texts))


class _Writer:
    """One PDF file; the design XObjects are defined once per file."""

    def __init__(self, plan: _Plan, path: Path, title: str, offset: PrinterOffset) -> None:
        self.plan = plan
        first = next(iter(plan.designs.values()))
        self.canvas = new_canvas(path, first.layout, title)
        self.offset = offset
        self._forms: set[int] = set()
        self._codes: dict[tuple[FieldBox, FittedText], str] = {}

    def _design_form(self, award_form_id: int) -> str:
        name = f"design{award_form_id}"
        if award_form_id not in self._forms:
            design = self.plan.designs[award_form_id]
            layout = design.layout
            canvas = self.canvas
            canvas.beginForm(name)
            draw_border(canvas, layout)
            self.plan.typesetter.draw(canvas, design.fitted, layout.page_height)
            canvas.endForm()
            self._forms.add(award_form_id)
        return name

    def page(self, cert: Certificate) -> None:
        from kx_ceremony.core.printing.textfit import MM

        canvas = self.canvas
        layout = self.plan.designs[cert.award_form_id].layout
        canvas.setPageSize((layout.page_width * MM, layout.page_height * MM))
        if self.plan.mode == "full":
            canvas.doForm(self._design_form(cert.award_form_id))
        else:
            shift(canvas, self.offset)
        self.plan.typesetter.draw(canvas, cert.fields, layout.page_height, self._codes)
        if self.plan.draft:
            draw_draft_mark(canvas, layout.page_width, layout.page_height)
        canvas.showPage()

    def save(self) -> None:
        self.canvas.save()


def split_name(cert: Certificate, width: int) -> str:
    return f"{cert.ordinal:0{width}d} - {safe_filename(cert.honouree.name)}.pdf"


@dataclass
class CertificateJob:
    """Certificates checked, numbered and measured, ready to be written and recorded."""

    store: Store
    ceremony_id: int
    ledger_mode: str  # what the ledger records: blank, full or preview
    plan: _Plan
    certificates: list[Certificate]
    planned: dict[int, PlannedPrint]  # by ordinal
    offset: PrinterOffset
    title: str
    reason: str = ""
    skipped_flags: int = 0

    def record(self, done: Sequence[Certificate], target_kind: str, target: str) -> int:
        """Enter the certificates that came out into the ledger of blanks."""
        return record_prints(
            self.store,
            self.ceremony_id,
            self.ledger_mode,
            [self.planned[c.ordinal] for c in done],
            target_kind,
            target,
            self.reason,
        )


def prepare_job(
    store: Store,
    ceremony_id: int,
    *,
    mode: str = "blank",
    round_number: int | None = None,
    award: str | None = None,
    printer: str = DEFAULT_PRINTER,
    preview: bool = False,
    reprint: bool = False,
    reason: str = "",
    draft: bool = False,
) -> CertificateJob:
    """Select, check against the ledger, number and measure every certificate of a job.

    ``printer`` is the key of the printer offset applied in blank mode. A preview is drawn
    in ``mode`` but recorded as a preview: never refused, never numbered; so is a draft
    (``draft``: printed even when a decision is incomplete, marked "BẢN IN THỬ").
    """
    if mode not in MODES:
        raise UserError(f"Kiểu in «{mode}» không hợp lệ: chọn full (đủ mẫu) hoặc blank (phôi).")
    selected, skipped_flags = without_flags(
        store, ceremony_id, select_honourees(store, ceremony_id, round_number, award)
    )
    ledger_mode = "preview" if preview or draft else mode
    planned = plan_prints(
        store,
        ceremony_id,
        [row for _, row in selected],
        ledger_mode,
        reprint=reprint,
        reason=reason,
    )
    plan = _Plan(store, ceremony_id, mode, draft)
    with no_cyclic_gc():
        certificates = [
            plan.certificate(ordinal, replace(row, register_number=p.register_number))
            for (ordinal, row), p in zip(selected, planned, strict=True)
        ]
    return CertificateJob(
        store,
        ceremony_id,
        ledger_mode,
        plan,
        certificates,
        {c.ordinal: p for c, p in zip(certificates, planned, strict=True)},
        load_offset(printer) if mode == "blank" else PrinterOffset(),
        (f"{DRAFT_MARK} - " if draft else "") + f"Bằng khen, giấy khen - {plan.ceremony.title}",
        reason if reprint else "",
        skipped_flags,
    )


def write_job(
    job: CertificateJob,
    out: Path,
    *,
    split_dir: Path | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> PrintResult:
    """Write the job to ``out`` (and one file per honouree into ``split_dir``), whole or
    not at all: cancelling (``should_cancel`` returning True) removes whatever was written."""
    out = Path(out)
    plan, certificates, offset, title = job.plan, job.certificates, job.offset, job.title
    total = len(certificates) * (2 if split_dir is not None else 1)
    done = 0
    written: list[Path] = []

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)
        if should_cancel is not None and should_cancel():
            raise Cancelled("Đã dừng in theo yêu cầu.")

    def write_all(partial: Path, split: StagedFolder | None) -> None:
        _write(plan, partial, title, offset, certificates, step)
        if split is not None:
            width = max(3, len(str(certificates[-1].ordinal)))
            for cert in certificates:
                target = split.path_for(split_name(cert, width))
                _write(plan, target, f"{title} - {cert.honouree.name}", offset, [cert], step)

    if split_dir is None:
        write_atomically(out, lambda partial: write_all(partial, None))
    else:
        # Every file is made in a private folder beside split_dir, then moved in: a failure
        # or a cancel leaves split_dir's files as they were and no half file.
        with staged_folder(Path(split_dir)) as split:
            write_atomically(out, lambda partial: write_all(partial, split))
            written = split.commit()
    return PrintResult(out, len(certificates), written, job.skipped_flags)


def print_certificates(
    store: Store,
    ceremony_id: int,
    out: Path,
    *,
    mode: str = "blank",
    round_number: int | None = None,
    award: str | None = None,
    split_dir: Path | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    printer: str = DEFAULT_PRINTER,
    preview: bool = False,
    reprint: bool = False,
    reason: str = "",
    draft: bool = False,
) -> PrintResult:
    """Write the certificates to a PDF file, then record them in the ledger of blanks.

    A certificate whose decision lacks its number, date or signer is refused unless
    ``draft``: a draft prints anyway, every page marked "BẢN IN THỬ", and is recorded as a
    preview (it uses up no blank and takes no register number).
    """
    job = prepare_job(
        store,
        ceremony_id,
        mode=mode,
        round_number=round_number,
        award=award,
        printer=printer,
        preview=preview,
        reprint=reprint,
        reason=reason,
        draft=draft,
    )
    result = write_job(
        job, out, split_dir=split_dir, progress=progress, should_cancel=should_cancel
    )
    job.record(job.certificates, "file", str(result.path.resolve()))
    return result


def _write(
    plan: _Plan,
    path: Path,
    title: str,
    offset: PrinterOffset,
    certificates: Sequence[Certificate],
    step: Callable[[], None],
) -> None:
    try:
        with binary_streams(), no_cyclic_gc():
            writer = _Writer(plan, path, title, offset)
            for cert in certificates:
                writer.page(cert)
                step()
            writer.save()
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {path}: {exc.strerror or exc}; hãy đóng tệp nếu đang mở "
            "hoặc chọn thư mục khác."
        ) from exc

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

import gc
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.errors import Cancelled, UserError
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
from kx_ceremony.core.printing.layouts import FieldBox, Layout, layout_for_award
from kx_ceremony.core.printing.printer_offset import DEFAULT_PRINTER, PrinterOffset, load_offset
from kx_ceremony.core.printing.textfit import FittedText
from kx_ceremony.core.services.awards import find_award_form, list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.rows import DecisionRow, HonoureeRow
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


@dataclass
class _AwardDesign:
    layout: Layout
    design: DesignTexts
    fitted: tuple[tuple[FieldBox, FittedText], ...] = ()


def _who(row: HonoureeRow, ordinal: int) -> str:
    return f"Bằng/giấy khen số {ordinal} của «{row.name}»"


def select_honourees(
    store: Store, ceremony_id: int, round_number: int | None, award: str | None
) -> list[tuple[int, HonoureeRow]]:
    """(ordinal, honouree) in presentation order, filtered by round and award form."""
    rows = list(enumerate(list_honourees(store, ceremony_id), start=1))
    if not rows:
        raise UserError(
            "Buổi lễ chưa có ai được khen; hãy nhập danh sách (lệnh import) trước khi in."
        )
    if award:
        form = find_award_form(store, ceremony_id, award)
        rows = [(i, r) for i, r in rows if r.award_form_id == form.id]
        if not rows:
            raise UserError(f"Không có ai nhận «{form.full_name}» trong buổi lễ này.")
    if round_number is not None:
        rows = [(i, r) for i, r in rows if r.round == round_number]
        if not rows:
            raise UserError(
                f"Đợt {round_number} không có ai"
                + (" nhận hình thức đã chọn" if award else "")
                + "; hãy xem lệnh «rounds» hoặc lập đợt bằng «rounds --plan»."
            )
    return rows


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
            for name, text in design.design.as_fields().items():
                box = layout.field(name)
                if box is None:
                    continue
                text = self.typesetter.prepare(text, f"{where}, ô {box.label}", box.style)
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
        texts = []
        for name, text in variable_texts(row, decision, self.ceremony).items():
            box = layout.field(name)
            if box is None or not text:
                continue
            text = self.typesetter.prepare(text, f"{_who(row, ordinal)}, ô {box.label}", box.style)
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


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def safe_filename(text: str, limit: int = 80) -> str:
    """A file name that Windows, macOS and Linux all accept, keeping Vietnamese letters."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(_UNSAFE.sub(" ", text).split())[:limit]
    return text.rstrip(" .") or "khong-ten"


def split_name(cert: Certificate, width: int) -> str:
    return f"{cert.ordinal:0{width}d} - {safe_filename(cert.honouree.name)}.pdf"


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while pages are made.

    Thousands of pages allocate millions of small objects that all stay alive until the
    file is saved; the collector would scan them again and again for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    draft: bool = False,
) -> PrintResult:
    """Write the certificates to ``out`` (and one file per honouree into ``split_dir``).

    A certificate whose decision lacks its number, date or signer is refused unless
    ``draft``: a draft prints anyway, every page marked "BẢN IN THỬ".

    Cancelling (``should_cancel`` returning True) removes whatever was written.
    """
    if mode not in MODES:
        raise UserError(f"Kiểu in «{mode}» không hợp lệ: chọn full (đủ mẫu) hoặc blank (phôi).")
    out = Path(out)
    selected = select_honourees(store, ceremony_id, round_number, award)
    plan = _Plan(store, ceremony_id, mode, draft)
    with _no_cyclic_gc():
        certificates = [plan.certificate(ordinal, row) for ordinal, row in selected]
    offset = load_offset(printer) if mode == "blank" else PrinterOffset()
    total = len(certificates) * (2 if split_dir is not None else 1)
    done = 0
    written: list[Path] = []
    title = f"Bằng khen, giấy khen - {plan.ceremony.title}"
    if draft:
        title = f"{DRAFT_MARK} - {title}"

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)
        if should_cancel is not None and should_cancel():
            raise Cancelled("Đã dừng in theo yêu cầu.")

    def write_all(partial: Path) -> None:
        _write(plan, partial, title, offset, certificates, step)
        if split_dir is not None:
            folder = Path(split_dir)
            folder.mkdir(parents=True, exist_ok=True)
            width = max(3, len(str(selected[-1][0])))
            for cert in certificates:
                target = folder / split_name(cert, width)
                _write(plan, target, f"{title} - {cert.honouree.name}", offset, [cert], step)
                written.append(target)

    try:
        write_atomically(out, write_all)
    except BaseException:
        for path in written:  # a refusal or a cancel leaves no file behind
            path.unlink(missing_ok=True)
        raise
    return PrintResult(out, len(certificates), written)


def _write(
    plan: _Plan,
    path: Path,
    title: str,
    offset: PrinterOffset,
    certificates: Sequence[Certificate],
    step: Callable[[], None],
) -> None:
    try:
        with binary_streams(), _no_cyclic_gc():
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

"""What every command needs: the store, opened once and only when asked for, and output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.store import Store, open_store


@dataclass
class Context:
    db: str | None
    _store: Store | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def parse_date(text: str) -> dt.date:
    """YYYY-MM-DD, or the Vietnamese DD/MM/YYYY."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"«{text}» không phải ngày hợp lệ (viết dạng YYYY-MM-DD)")


# The largest id or count a store can hold on every kind of store (PostgreSQL's integer).
MAX_NUMBER = 2**31 - 1


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải số nguyên dương") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"«{text}» không phải số nguyên dương")
    if value > MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            f"«{text}» quá lớn (lớn nhất là {MAX_NUMBER}); hãy xem lại số đã gõ"
        )
    return value


def add_ceremony_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ceremony",
        type=positive_int,
        required=True,
        metavar="ID",
        help="số (id) của buổi lễ, xem lệnh ceremonies",
    )


def add_format_arg(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("table", "json")
) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help="cách in kết quả")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    """Aligned plain-text columns; long cells are cut with an ellipsis."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    cells = [[v if len(v) <= 48 else v[:47] + "…" for v in row] for row in cells]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def require(condition: bool, message: str) -> None:
    if not condition:
        raise UserError(message)


def pdf_output(text: str) -> Path:
    """An -o value for a printed document: a .pdf file in an existing, writable folder."""
    from kx_ceremony.core.atomic_file import check_target

    return check_target(Path(text), (".pdf",))


def add_output_args(parser: argparse.ArgumentParser) -> None:
    """``-o OUT.pdf`` or ``--printer NAME`` (with ``--tray`` and ``--copies``), one of them."""
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=pdf_output, metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    target.add_argument(
        "--printer", metavar="NAME", help="in thẳng ra máy in NAME, đúng 100 %% (lệnh printers)"
    )
    parser.add_argument("--tray", metavar="TRAY", help="khay giấy của máy in (ví dụ Manual)")
    parser.add_argument("--copies", type=positive_int, default=1, metavar="N", help="số bản in")
    parser.add_argument(
        "--dpi",
        type=positive_int,
        default=None,
        metavar="N",
        help="độ phân giải gửi tới máy in (mặc định 600; 300 in nhanh hơn)",
    )


def deliver(args: argparse.Namespace, make: Any, title: str) -> int:
    """Write the document with ``make(path) -> path`` to -o, or print it on --printer."""
    if args.output is not None:
        if args.tray or args.copies != 1 or args.dpi:
            raise UserError("--tray, --copies và --dpi chỉ dùng khi in ra máy in (--printer NAME).")
        print(make(args.output))
        return 0
    from kx_ceremony.printer.jobs import print_document_to_printer

    sent = print_document_to_printer(
        make, args.printer, tray=args.tray, copies=args.copies, title=title, dpi=args.dpi
    )
    print(f"Đã gửi {sent.pages} trang tới máy in «{sent.printer}».")
    return 0

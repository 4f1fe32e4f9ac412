"""`import FILE --ceremony ID [--sheet NAME] [--award NAME] [--kind K] [--unit TEXT]
[--map COLUMN=FIELD …] [--award-map TEXT=NAME …] [--add-awards] [--dry-run] [--skip-invalid]`.

Prints what was found (sheet, header rows, the whole-list choices and where they came
from, which column became which field, each distinct award value and how it matched),
the problems grouped by cause, the warnings, and ends with «Đã nhập N, bỏ qua M» (the
contract's last line: the rows stored, then the rows skipped). ``--format json`` prints one
object instead: {"imported", "skipped", "problems": [...], ...}. Invalid rows without
--skip-invalid: nothing stored, exit status 2, one line on stderr saying so.
"""

from __future__ import annotations

import argparse
import gc
import sys

from kx_ceremony.commands.common import Context, add_ceremony_arg, add_format_arg, print_json

KINDS = {"individual": "individual", "collective": "collective", "household": "household"}


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    """Add this module's commands: top-level ones to `commands`, `print X` ones to `printing`."""
    parser = commands.add_parser(
        "import",
        help="nhập danh sách đề nghị khen thưởng từ bảng tính (.xlsx .xlsm .xls .ods .csv)",
        description="Nhập danh sách từ bảng tính vào buổi lễ: tất cả các dòng, hoặc không "
        "dòng nào nếu có dòng lỗi (trừ khi dùng --skip-invalid).",
    )
    parser.add_argument("file", metavar="TỆP", help="tệp danh sách (.xlsx .xlsm .xls .ods .csv)")
    add_ceremony_arg(parser)
    parser.add_argument("--sheet", metavar="TÊN", help="tên trang cần nhập (mặc định: tự tìm)")
    parser.add_argument(
        "--award",
        metavar="TÊN",
        help="hình thức khen thưởng cho cả danh sách (dòng nào ghi hình thức riêng thì theo dòng đó)",
    )
    parser.add_argument(
        "--kind",
        choices=sorted(KINDS),
        help="phân loại cho cả danh sách: individual (cá nhân), collective (tập thể), "
        "household (hộ gia đình)",
    )
    parser.add_argument("--unit", metavar="ĐƠN VỊ", help="đơn vị cho cả danh sách")
    parser.add_argument(
        "--map",
        metavar="CỘT=TRƯỜNG",
        action="append",
        default=[],
        help="gán cột (chữ cái, số thứ tự hoặc tiêu đề) cho trường: name, unit, position, "
        "award, kind, birth, gender, title, … ; «-» để bỏ qua cột",
    )
    parser.add_argument(
        "--award-map",
        metavar="GIÁ TRỊ=HÌNH THỨC",
        action="append",
        default=[],
        help="coi một giá trị hình thức trong tệp là hình thức đã có của buổi lễ (ghi nhớ cho lần sau)",
    )
    parser.add_argument(
        "--add-awards",
        action="store_true",
        help="thêm các hình thức chưa có trong danh mục làm hình thức mới",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ kiểm tra và báo sẽ nhập bao nhiêu dòng; không lưu gì",
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="lưu các dòng hợp lệ, bỏ qua (và liệt kê) các dòng lỗi",
    )
    add_format_arg(parser)
    parser.set_defaults(handler=cmd_import)


def _pairs(items: list[str], option: str) -> list[tuple[str, str]]:
    from kx_ceremony.core.errors import UserError

    out = []
    for item in items:
        left, sep, right = item.rpartition("=")
        if not sep or not left.strip():
            raise UserError(f"{option} «{item}» cần dạng TRÁI=PHẢI, ví dụ {option} C=name.")
        out.append((left.strip(), right.strip()))
    return out


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.gc_pause import no_cyclic_gc

    # The preview's row objects stay alive through the store and the report: no cyclic
    # collection in between either (each service pauses it only for its own run), nor
    # over them once the command is done and the program ends (freeze: see gc_pause.py).
    with no_cyclic_gc():
        try:
            return _import(args, ctx)
        finally:
            gc.freeze()


def _import(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.importing import ListChoices, preview_import, run_import
    from kx_ceremony.core.model import Kind
    from kx_ceremony.core.services.awards import find_award_form

    mapping = {
        col: (None if field in ("-", "", "none", "bo") else field)
        for col, field in _pairs(args.map, "--map")
    }
    award_map = {
        text: find_award_form(ctx.store, args.ceremony, name).id
        for text, name in _pairs(args.award_map, "--award-map")
    }
    choices = ListChoices(
        award=args.award or "",
        kind=Kind(args.kind) if args.kind else None,
        unit=args.unit or "",
        sources=(),
    )
    options = dict(choices=choices, award_map=award_map, add_awards=args.add_awards)
    preview = preview_import(
        ctx.store, args.ceremony, args.file, sheet=args.sheet, mapping_overrides=mapping, **options
    )
    result = run_import(
        ctx.store,
        args.ceremony,
        args.file,
        skip_invalid=args.skip_invalid,
        dry_run=args.dry_run,
        preview=preview,
    )
    problems = preview.problems
    if args.format == "json":
        print_json(_as_json(preview, result, args))
    else:
        print("\n".join(_report(preview, result, args)))  # one write for the whole report
    if problems and not args.skip_invalid:
        print(
            f"Không nhập gì: {len(preview.invalid_rows)} dòng có lỗi (nêu ở trên theo nguyên "
            "nhân). Hãy sửa tệp rồi nhập lại; hoặc chọn hình thức cho cả danh sách (--award), "
            "gán giá trị hình thức (--award-map, --add-awards), gán cột (--map); hoặc dùng "
            "--skip-invalid để chỉ nhập các dòng hợp lệ.",
            file=sys.stderr,
        )
        return 2
    if args.skip_invalid and not result.imported:
        print(
            "Không có dòng hợp lệ nào để nhập; hãy sửa các lỗi nêu ở trên rồi nhập lại.",
            file=sys.stderr,
        )
        return 2
    return 0


def _problem_json(p) -> dict:  # type: ignore[no-untyped-def]
    return {
        "sheet": p.sheet,
        "row": p.row,
        "column": p.column,
        "found": p.found,
        "message": p.message,
    }


def _as_json(preview, result, args) -> dict:  # type: ignore[no-untyped-def]
    """The machine-readable report: what the contract names first, then what was found."""
    return {
        "imported": result.imported,
        "skipped": result.skipped,
        "problems": [_problem_json(p) for p in preview.problems],
        "warnings": [_problem_json(p) for p in preview.warnings],
        "stored": bool(result.stored),
        "dry_run": bool(args.dry_run),
        "file": str(preview.path),
        "sheet": preview.sheet,
        "header_rows": list(preview.table.header_rows),
        "columns": [
            {"column": c.letter, "header": c.header, "field": c.field} for c in preview.columns
        ],
        "choices": {
            "award": preview.choices.award,
            "kind": preview.choices.kind.value if preview.choices.kind else None,
            "unit": preview.choices.unit,
        },
        "awards": [a.describe() for a in preview.awards],
    }


def _report(preview, result, args) -> list[str]:  # type: ignore[no-untyped-def]
    from kx_ceremony.core.importing.report import problem_lines

    out = [f"Tệp: {preview.path}"]
    table = preview.table
    headers = ", ".join(str(r) for r in table.header_rows)
    out.append(
        f"Trang «{preview.sheet}»: tiêu đề ở dòng {headers}, dữ liệu từ dòng "
        f"{table.first_data_row} đến dòng {table.last_data_row}."
    )
    if preview.encoding:
        out.append(f"Bảng mã: {preview.encoding}.")
    out.extend(preview.notes)
    out.extend(_choice_lines(preview.choices))
    out.append("Các cột:")
    out.extend(f"  {c.describe()}" for c in preview.columns if c.field)
    ignored = [f"{c.letter} «{c.header}»" for c in preview.columns if not c.field and c.header]
    if ignored:
        out.append(f"  bỏ qua các cột: {', '.join(ignored)} (dùng --map CỘT=TRƯỜNG để gán)")
    if preview.awards:
        out.append("Hình thức khen thưởng trong danh sách:")
        out.extend(f"  {a.describe()}" for a in preview.awards[:10])
        if len(preview.awards) > 10:
            out.append(f"  … và {len(preview.awards) - 10} giá trị khác.")
    problems = preview.problems
    if problems:
        out.append(f"Có lỗi ở {len(preview.invalid_rows)} dòng, theo nguyên nhân:")
        out.extend(f"  {line}" for line in problem_lines(problems))
    warnings = preview.warnings
    if warnings:
        out.append("Cần xem lại (vẫn nhập):")
        out.extend(f"  {line}" for line in problem_lines(warnings, limit=5))
    if args.dry_run:
        out.append("Chạy thử (--dry-run): không lưu gì vào kho dữ liệu; số dưới đây là số sẽ nhập.")
    elif result.stored and result.skipped:
        out.append(f"Đã lưu {result.imported} dòng hợp lệ; bỏ qua {result.skipped} dòng lỗi.")
    out.append(f"Đã nhập {result.imported}, bỏ qua {result.skipped}")
    return out


_LABELS = {"award": "Hình thức", "kind": "Phân loại", "unit": "Đơn vị", "decision": "Quyết định"}
_KIND_WORDS = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


def _choice_lines(choices) -> list[str]:  # type: ignore[no-untyped-def]
    if choices is None:
        return []
    parts = []
    for field, label in _LABELS.items():
        value = getattr(choices, field)
        if not value:
            continue
        text = _KIND_WORDS.get(getattr(value, "value", ""), "") or str(value)
        where = choices.source_of(field)
        parts.append(f"{label}: {text}" + (f" (theo {where})" if where else ""))
    return [f"Cho cả danh sách: {'; '.join(parts)}."] if parts else []

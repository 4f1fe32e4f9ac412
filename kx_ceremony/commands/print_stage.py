"""`print script` (the MC's kịch bản) and `print lineup` (stage line-up and tray lists)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kx_ceremony.commands.common import Context, add_ceremony_arg
from kx_ceremony.core.errors import UserError


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    script = printing.add_parser("script", help="kịch bản cho người dẫn chương trình")
    add_ceremony_arg(script)
    script.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    script.set_defaults(handler=cmd_script)
    lineup = printing.add_parser("lineup", help="sơ đồ sân khấu và khay bằng từng đợt")
    add_ceremony_arg(lineup)
    lineup.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    lineup.set_defaults(handler=cmd_lineup)


def output_path(text: str) -> Path:
    """Where to write: the folder must exist; the file is replaced only once it is whole."""
    out = Path(text).expanduser()
    if out.is_dir():
        raise UserError(
            f"«{out}» là một thư mục: hãy ghi tên tệp PDF, ví dụ {out / 'kich-ban.pdf'}."
        )
    if not out.parent.is_dir():
        raise UserError(
            f"Không có thư mục «{out.parent}»: hãy tạo thư mục đó hoặc chọn nơi lưu khác."
        )
    return out


def _write(out: Path, make) -> Path:  # type: ignore[no-untyped-def]
    """Write to a sibling temporary file, then move it into place: no half-written PDF."""
    tmp = out.with_name(f".{out.name}.part")
    try:
        make(tmp)
        tmp.replace(out)
    except PermissionError:
        raise UserError(
            f"Không ghi được «{out}»: tệp đang mở trong chương trình khác hoặc không có quyền ghi; "
            "hãy đóng tệp rồi in lại."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    return out


def cmd_script(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.script import make_script

    out = output_path(args.output)
    print(_write(out, lambda p: make_script(ctx.store, args.ceremony, p)))
    return 0


def cmd_lineup(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.lineup import make_lineup

    out = output_path(args.output)
    print(_write(out, lambda p: make_lineup(ctx.store, args.ceremony, p)))
    return 0

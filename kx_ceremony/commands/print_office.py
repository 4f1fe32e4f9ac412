"""`print appendix|receipts|programme|namecards|flags`: the lists an office hands out."""

from __future__ import annotations

import argparse
import importlib

from kx_ceremony.commands.common import Context, add_ceremony_arg, add_output_args, deliver

# document: (help, module, function)
_DOCUMENTS = {
    "appendix": (
        "danh sách kèm theo quyết định khen thưởng (theo hình thức; tập thể rồi cá nhân)",
        "appendix",
        "print_appendix",
    ),
    "receipts": (
        "danh sách ký nhận bằng khen, giấy khen và tiền thưởng, theo từng đơn vị",
        "receipts",
        "print_receipts",
    ),
    "programme": ("chương trình hội nghị", "programme", "print_programme"),
    "namecards": (
        "thẻ tên chủ tọa (gấp đôi) và thẻ chỗ ngồi của người nhận khen thưởng",
        "namecards",
        "print_namecards",
    ),
    "flags": (
        "nhãn cờ thi đua: nội dung ghi trên cờ, mỗi cờ một trang A4 (cờ không in bằng giấy)",
        "flags",
        "print_flags",
    ),
}


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    for document, (help_text, _module, _function) in _DOCUMENTS.items():
        parser = printing.add_parser(document, help=help_text)
        add_ceremony_arg(parser)
        add_output_args(parser)  # -o OUT.pdf, or --printer NAME at 100 %
        parser.set_defaults(handler=cmd_print_office, document_name=document)


def cmd_print_office(args: argparse.Namespace, ctx: Context) -> int:
    _help, module, function = _DOCUMENTS[args.document_name]
    make = getattr(importlib.import_module(f"kx_ceremony.core.printing.{module}"), function)
    return deliver(args, lambda out: make(ctx.store, args.ceremony, out), _help.capitalize())

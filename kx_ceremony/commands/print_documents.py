"""`print covenant` and `print pledge`: the pledge documents as Decree 30 PDFs."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import Context, add_ceremony_arg, add_output_args, deliver

_DOCUMENTS = {
    "covenant": "bản giao ước thi đua (các đơn vị cùng ký)",
    "pledge": "bản cam kết thi đua (đơn vị cam kết với cấp trên)",
}


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    """Add this module's commands: top-level ones to `commands`, `print X` ones to `printing`."""
    for kind, help_text in _DOCUMENTS.items():
        parser = printing.add_parser(kind, help=help_text)
        add_ceremony_arg(parser)
        add_output_args(parser)
        parser.add_argument(
            "--draft",
            action="store_true",
            help="in bản nháp mẫu (không lưu), với ô ký để trống cho điền tay",
        )
        parser.set_defaults(handler=cmd_print_document, kind=kind)


def cmd_print_document(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.pledge_documents import print_pledge_document

    return deliver(
        args,
        lambda out: print_pledge_document(
            ctx.store, args.ceremony, args.kind, out, draft=args.draft
        ),
        _DOCUMENTS[args.kind],
    )

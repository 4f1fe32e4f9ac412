"""Sub-commands of ``kx-ceremony``.

Each module has ``register(commands, printing)``: top-level commands go to ``commands``,
``print X`` documents to ``printing`` (the sub-commands of ``print``).
"""

from kx_ceremony.commands import (
    catalogue,
    ceremonies,
    export,
    gui,
    honourees,
    importing,
    layouts,
    ledger,
    print_certificates,
    print_documents,
    print_office,
    print_stage,
    printers,
    programme,
    rounds,
    safety,
)

COMMAND_MODULES = (
    ceremonies,
    catalogue,
    importing,
    honourees,
    rounds,
    programme,
    print_certificates,
    print_stage,
    print_documents,
    printers,
    ledger,
    print_office,
    layouts,
    export,
    safety,
    gui,
)

"""Sub-commands of ``kx-ceremony``.

Each module has ``register(commands, printing)``: top-level commands go to ``commands``,
``print X`` documents to ``printing`` (the sub-commands of ``print``).
"""

from kx_ceremony.commands import (
    ceremonies,
    export,
    gui,
    honourees,
    importing,
    layouts,
    ledger,
    print_certificates,
    print_documents,
    print_stage,
    printers,
    rounds,
    safety,
)

COMMAND_MODULES = (
    ceremonies,
    importing,
    honourees,
    rounds,
    print_certificates,
    print_stage,
    print_documents,
    printers,
    ledger,
    layouts,
    export,
    safety,
    gui,
)

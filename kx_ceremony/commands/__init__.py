"""Sub-commands of ``kx-ceremony``: each module registers its own with ``register()``."""

from kx_ceremony.commands import ceremonies, gui, honourees, safety

COMMAND_MODULES = (ceremonies, honourees, safety, gui)

"""The reader child's confinement (core/sandbox.py): its output to a file that is logged,
never shown; no Ctrl+C (the parent handles it); no core file; and, on POSIX, a ceiling
on the address space it may add to what it started with."""

from __future__ import annotations

import contextlib
import os
import sys


def confine(output: str, budget: int) -> None:
    """Output to the log file, no Ctrl+C (the parent handles it), a memory ceiling."""
    import signal

    fd = os.open(output, os.O_WRONLY | os.O_APPEND)
    for target in (1, 2):
        os.dup2(fd, target)
    os.close(fd)
    sink = open(output, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stdout = sys.stderr = sink
    # A crash dump (faulthandler may be on, writing to some inherited descriptor) goes
    # to the same file.
    import faulthandler

    if faulthandler.is_enabled():
        faulthandler.enable(file=sink)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource
    except ImportError:  # Windows: no address-space limit (see the module's docstring)
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file
    start = 0
    with contextlib.suppress(OSError, ValueError), open("/proc/self/statm") as fh:
        start = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = start + budget
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))

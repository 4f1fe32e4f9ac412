"""Printing to the operating system's printers through Qt (QPrinter): the Windows spooler,
CUPS on Linux and macOS. Qt code, so it lives outside ``core``; commands import it lazily."""

"""What the reader's child process costs: a 1,000-row sheet read in-process vs sandboxed.

Makes a 1,000-row nominee workbook with ../shared/bench/make_nominees.py, then times,
alternating, the in-process read (python-calamine: open, sheet, Python cells; what the
import did before core/sandbox.py) and the same read through ``sandbox.Workbook``
(child started, rows pickled back, child stopped):

* fork, as on Linux (target: at most 0.05 s added), from this small process and from a
  process holding 400 MB more, as the window may (fork copies page tables);
* spawn, as on Windows and macOS: a fresh interpreter that imports the sandbox module
  and python-calamine. An installed ``kx-ceremony`` script also re-imports its main
  module in the child (multiprocessing's rule), so the import of kx_ceremony.cli is
  timed too: on Windows, add it to the spawn figure for the command line (the frozen
  .exe calls freeze_support() before importing anything, so it does not pay it).

Usage: python benchmarks/sandbox_cost.py [--rows 1000] [--repeat 15] [--bench-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def read_in_process(path: str) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(path)
    rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python(skip_empty_area=False)
    workbook.close()
    return len(rows)


def read_sandboxed(path: str) -> int:
    from kx_ceremony.core import sandbox

    workbook = sandbox.Workbook(path)
    try:
        rows = workbook.rows(workbook.sheet_names[0], sandbox.Limits(10**6, 10**4, 10**9))
    finally:
        workbook.close()
    return len(rows)


def median_seconds(fn, path: str, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fresh_import_seconds(module: str, repeat: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args()
    from kx_ceremony.core import sandbox

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "nominees.xlsx")
        maker = args.bench_dir / "make_nominees.py"
        subprocess.run([sys.executable, str(maker), str(args.rows), path], check=True)
        assert read_in_process(path) == read_sandboxed(path)
        read_in_process(path)  # warm the page cache and the import

        results: dict[str, float] = {}

        def measure(label: str) -> None:
            base = median_seconds(read_in_process, path, args.repeat)
            boxed = median_seconds(read_sandboxed, path, args.repeat)
            results[label] = boxed - base
            print(
                f"{label:34} in-process {base * 1000:7.1f} ms   sandboxed {boxed * 1000:7.1f} ms"
                f"   added {(boxed - base) * 1000:7.1f} ms"
            )

        sandbox.START_METHOD = "fork"
        measure("fork (Linux)")
        ballast = bytearray(400 * 1024**2)
        ballast[::4096] = b"\x01" * len(ballast[::4096])  # touch every page
        measure("fork, parent holding +400 MB")
        del ballast
        sandbox.START_METHOD = "spawn"
        measure("spawn (Windows, macOS)")
        cli_import = fresh_import_seconds("kx_ceremony.cli")
        print(f"{'import kx_ceremony.cli (fresh)':34} {cli_import * 1000:7.1f} ms")
        target = 0.05
        verdict = "met" if results["fork (Linux)"] <= target else "MISSED"
        print(f"Linux target (at most {target * 1000:.0f} ms added): {verdict}")


if __name__ == "__main__":
    main()

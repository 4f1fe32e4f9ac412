"""Import speed: `kx-ceremony import` against the plain openpyxl + sqlite3 baseline.

Makes an N-row nominee sheet with ../shared/bench/make_nominees.py, then times whole
processes, side by side and alternating: our `import` command (into a store that already
holds a fresh ceremony) and ../shared/bench/raw_read.py. Prints both times, the ratio
(target: at most 0.5), each one's peak memory (target: ours under 300 MB) and, with
--scale, how our time grows from N to 10·N rows (target: about 10×).

../shared/bench/make_nominees.py writes rows that are all distinct, so every row is
stored: the import runs without --skip-invalid, as an organiser would run it.

Usage: python benchmarks/import_speed.py [N] [--repeat 3] [--scale] [--bench-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds and stdout of one whole process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{argv[:4]} failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, out.decode("utf-8", "replace")


def peak_memory_mb(argv: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one process, from wait4's rusage (Linux: KB)."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def prepare(rows: int, work: Path, bench: Path) -> tuple[Path, Path]:
    sheet = work / f"nominees-{rows}.xlsx"
    subprocess.run(
        [sys.executable, str(bench / "make_nominees.py"), str(rows), str(sheet)], check=True
    )
    return sheet, work / f"store-{rows}.sqlite"


def fresh_store(store: Path, env: dict[str, str]) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kx_ceremony",
            "--db",
            str(store),
            "new-ceremony",
            "--title",
            "Benchmark",
            "--date",
            "2023-01-05",
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return done.stdout.strip().splitlines()[-1]


def ours_argv(sheet: Path, store: Path, ceremony: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kx_ceremony",
        "--db",
        str(store),
        "import",
        str(sheet),
        "--ceremony",
        ceremony,
    ]


def time_ours(sheet: Path, store: Path, env: dict[str, str]) -> tuple[float, str]:
    ceremony = fresh_store(store, env)
    elapsed, out = run_measured(ours_argv(sheet, store, ceremony), env)
    return elapsed, out.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", action="store_true", help="also time 10·N rows")
    parser.add_argument(
        "--bench-dir", type=Path, default=Path(os.environ.get("KX_BENCH_DIR", DEFAULT_BENCH))
    )
    args = parser.parse_args()
    from _bytecode import ensure_bytecode

    ensure_bytecode()

    if not (args.bench_dir / "make_nominees.py").exists():
        raise SystemExit(
            f"No baseline scripts in {args.bench_dir}: pass --bench-dir or set KX_BENCH_DIR."
        )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["KX_CEREMONY_LOG_DIR"] = str(work / "logs")
        sheet, store = prepare(args.rows, work, args.bench_dir)
        ours, base, last_line = [], [], ""
        for _ in range(args.repeat):
            elapsed, last_line = time_ours(sheet, store, env)
            ours.append(elapsed)
            base.append(
                run_measured(
                    [sys.executable, str(args.bench_dir / "raw_read.py"), str(sheet)], env
                )[0]
            )
        ceremony = fresh_store(store, env)
        our_peak = peak_memory_mb(ours_argv(sheet, store, ceremony), env)
        base_peak = peak_memory_mb(
            [sys.executable, str(args.bench_dir / "raw_read.py"), str(sheet)], env
        )
        floor = statistics.median(
            run_measured(
                [sys.executable, "-m", "kx_ceremony", "--db", str(store), "ceremonies"], env
            )[0]
            for _ in range(args.repeat)
        )
        ours_s, base_s = statistics.median(ours), statistics.median(base)
        print(f"rows: {args.rows}   ours: {last_line}")
        print(
            f"kx-ceremony import: {ours_s:.3f} s (median of {args.repeat}), peak {our_peak:.0f} MB"
        )
        print(
            f"raw_read baseline:  {base_s:.3f} s (median of {args.repeat}), peak {base_peak:.0f} MB"
        )
        print(f"ratio ours/baseline: {ours_s / base_s:.2f}  (target <= 0.5)")
        print(
            f"(for reference: `kx-ceremony ceremonies`, the CLI's start-up floor, takes "
            f"{floor:.3f} s; the import's own work is {ours_s - floor:.3f} s)"
        )
        if args.scale:
            big_sheet, big_store = prepare(args.rows * 10, work, args.bench_dir)
            big_s, big_line = time_ours(big_sheet, big_store, env)
            ceremony = fresh_store(big_store, env)
            big_peak = peak_memory_mb(ours_argv(big_sheet, big_store, ceremony), env)
            big_base = run_measured(
                [sys.executable, str(args.bench_dir / "raw_read.py"), str(big_sheet)], env
            )[0]
            print(f"rows: {args.rows * 10}   ours: {big_line}")
            print(f"kx-ceremony import: {big_s:.3f} s, peak {big_peak:.0f} MB")
            print(f"raw_read baseline:  {big_base:.3f} s")
            print(f"ratio ours/baseline: {big_s / big_base:.2f}  (target <= 0.2)")
            print(
                f"scaling {args.rows * 10} / {args.rows} rows: {big_s / ours_s:.1f}x  (target about 10x)"
            )


if __name__ == "__main__":
    main()

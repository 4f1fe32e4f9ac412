"""Certificates: `kx-ceremony print certificates` against the plain-ReportLab baseline.

Runs both as whole processes in the same run, on N certificates, and prints the time
ratio, the file-size ratio and each process's peak memory. Targets (issue 5): at most
1.3× the baseline's time and 1.5× its size; 10,000 certificates under 300 MB.

    python benchmarks/certificates_speed.py [N] [--mode full|blank] [--repeat R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path("/work/shared/bench/raw_certs.py")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Quang", "Ngọc", "Đức", "Thu", "Minh", "Hữu"]
GIVEN = ["Hưng", "Trì", "Thủy", "Hương", "Dũng", "Phượng", "Khoa", "Ánh", "Tuấn", "Lợi"]


def make_ceremony(db: Path, n: int) -> int:
    """A ceremony with n individuals of one award, through the services."""
    sys.path.insert(0, str(ROOT))
    from kx_ceremony.core.services.awards import DecisionInput, add_decision, find_award_form
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
    from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees
    from kx_ceremony.core.store import open_store

    store = open_store(str(db))
    try:
        cid = create_ceremony(
            store,
            CeremonyInput(
                "Benchmark", dt.date(2023, 1, 5), place="Kiến Xương", province="Thái Bình"
            ),
        )
        form = find_award_form(store, cid, "tinh")
        decision = add_decision(
            store,
            cid,
            DecisionInput(
                form.id,
                "123/QĐ-UBND",
                dt.date(2022, 12, 30),
                "",
                "CHỦ TỊCH",
                "",
                "Nguyễn Khắc Thận",
                "Thái Bình",
            ),
        )
        rnd = random.Random(1)
        with store.transaction() as session:
            insert_honourees(
                session,
                cid,
                (
                    HonoureeInput(
                        name=f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}",
                        award_form_id=form.id,
                        gender="male",
                        position="Chuyên viên",
                        unit=f"Phòng Nội vụ huyện Kiến Xương (số {i + 1})",
                        achievement="Đã có thành tích xuất sắc trong thực hiện phong trào thi "
                        "đua yêu nước năm 2022",
                        decision_id=decision,
                        register_number=str(1000 + i),
                    )
                    for i in range(n)
                ),
            )
        return cid
    finally:
        store.close()


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{argv} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=2000)
    parser.add_argument("--mode", choices=("full", "blank"), default="full")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; medians compared")
    args = parser.parse_args()
    from _bytecode import ensure_bytecode

    ensure_bytecode()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KX_CEREMONY_FONT": "liberation"}
    env.setdefault("KX_FONT_DIR", str(ROOT / "resources" / "fonts"))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env["KX_CEREMONY_CONFIG_DIR"] = str(tmp / "config")
        env["KX_CEREMONY_LOG_DIR"] = str(tmp / "logs")
        db = tmp / "bench.sqlite"
        t0 = time.perf_counter()
        cid = make_ceremony(db, args.n)
        print(f"ceremony with {args.n} honourees made in {time.perf_counter() - t0:.1f} s")
        ours_pdf, base_pdf = tmp / "ours.pdf", tmp / "baseline.pdf"
        ours_cmd = [
            sys.executable,
            "-m",
            "kx_ceremony",
            "--db",
            str(db),
            "print",
            "certificates",
            "--ceremony",
            str(cid),
            "-o",
            str(ours_pdf),
            "--mode",
            args.mode,
        ]
        base_cmd = [sys.executable, str(args.baseline), str(args.n), str(base_pdf)]
        # Alternate the two, several times, and compare medians: the machine is shared.
        base_runs, ours_runs = [], []
        for _ in range(args.repeat):
            base_runs.append(run(base_cmd, env))
            ours_runs.append(run(ours_cmd, env))
        base_t = statistics.median(t for t, _ in base_runs)
        ours_t = statistics.median(t for t, _ in ours_runs)
        base_mem = max(m for _, m in base_runs)
        ours_mem = max(m for _, m in ours_runs)
        ours_size, base_size = ours_pdf.stat().st_size, base_pdf.stat().st_size
    print(
        f"baseline raw_certs.py: median {base_t:.2f} s, {base_size / 1e6:.2f} MB, peak {base_mem} MB"
    )
    print(
        f"ours ({args.mode}):      median {ours_t:.2f} s, {ours_size / 1e6:.2f} MB, peak {ours_mem} MB"
    )
    print(f"time ratio {ours_t / base_t:.2f}x (target <= 1.3)")
    print(f"size ratio {ours_size / base_size:.2f}x (target <= 1.5)")


if __name__ == "__main__":
    main()

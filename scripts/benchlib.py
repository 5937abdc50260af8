"""What the benchmark scripts (bench-backtest.sh, bench-build.sh) share: the machine's load, the result file written
atomically, and the markdown table of the cases. Python standard library only.
"""
from __future__ import annotations

import json
import os


def load() -> str:
    """The 1, 5 and 15 minute load averages as /proc/loadavg gives them."""
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def finish(result: dict, out: str, columns: list[str], row, note: str = "") -> None:
    """Records the load after the runs, writes `result` to `out` (never half-written), prints the load line and one table
    row per case (`row(case)` gives the cells)."""
    result["load_after"] = load()
    with open(out + ".tmp", "w") as f:
        json.dump(result, f, indent=2)
    os.replace(out + ".tmp", out)
    print(f"load average before {result['load_before']}, after {result['load_after']} ({result['nproc']} cores){note}")
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for case in result["cases"]:
        print("| " + " | ".join(str(cell) for cell in row(case)) + " |")

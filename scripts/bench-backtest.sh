#!/usr/bin/env bash
# Whole-process backtest benchmark (docs/benchmarks/backtest-vs-lean.md): each case runs once to warm the page cache,
# then RUNS times (default 5); the median is reported. Wall time from a monotonic clock around fork/exec..wait, CPU
# (user+sys) and peak RSS from the child's own rusage (wait4), cores used = (user+sys)/wall.
# Usage: scripts/bench-backtest.sh [--runs N] [--out artifacts/bench/backtest.json]
# Needs the published executable: ./build.sh PublishTrading (artifacts/publish/edgerisk-trading/edgerisk-trading).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=5
out="artifacts/bench/backtest.json"
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench-backtest: unknown option '$1'; valid options are --runs N, --out FILE" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench-backtest: --runs must be a positive whole number (got '$runs')" >&2; exit 2; }

exe="artifacts/publish/edgerisk-trading/edgerisk-trading"
[[ -x "$exe" ]] || { echo "bench-backtest: $exe not found; run './build.sh PublishTrading' first" >&2; exit 2; }
# Optional JIT baseline: the framework-dependent Release build (./build.sh CompileTrading) run with 'dotnet edgerisk-trading.dll' (no 'dotnet run').
jit="artifacts/trading/edgerisk-trading.dll"

mkdir -p "$(dirname "$out")"
python3 - "$runs" "$out" "$exe" "$jit" <<'PY'
import os, re, statistics, subprocess, sys, time
sys.path.insert(0, "scripts")
from benchlib import finish, load

runs, out, exe, jit = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
window = ["--from", "2017-09-03", "--to", "2017-09-04", "--symbols", "BTC-USD,ETH-USD", "--data", "data/lean"]
cases = [
    ("ema-48h", "EMA 10/60 crossover, 48 h BTC+ETH", [exe, "backtest", *window, "--strategy", "ema-cross"], False),
    ("dual-48h", "dual-horizon, 48 h BTC+ETH", [exe, "backtest", *window, "--strategy", "dual-horizon"], False),
    ("ema-30d", "EMA 10/60 crossover, 30 days (SYNTHETIC: the 48 h re-dated)", [exe, "backtest", *window, "--strategy", "ema-cross", "--repeat-days", "30"], True),
    ("dual-30d", "dual-horizon, 30 days (SYNTHETIC: the 48 h re-dated)", [exe, "backtest", *window, "--strategy", "dual-horizon", "--repeat-days", "30"], True),
]
if os.path.exists(jit):
    cases.append(("ema-48h-jit", "EMA 48 h, JIT baseline (dotnet edgerisk-trading.dll, Release)", ["dotnet", jit, "backtest", *window, "--strategy", "ema-cross"], False))

def once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench-backtest: {' '.join(argv)} exited {child.returncode}:\n{text}")
    loop = float(re.search(r"loop ([\d.]+) ms", text).group(1))
    startup = float(re.search(r"start-up ([\d.]+) ms", text).group(1))
    shutdown = float(re.search(r"shutdown ([\d.]+) ms", text).group(1))
    events = int(re.search(r"events (\d+),", text).group(1))
    orders = int(re.search(r"orders (\d+)", text).group(1))
    cpu = usage.ru_utime + usage.ru_stime
    return dict(wall=wall, cpu=cpu, rss=usage.ru_maxrss / 1024, loop=loop, startup=startup, shutdown=shutdown, events=events, orders=orders)

result = {"runs": runs, "load_before": load(), "uname": os.uname().release, "nproc": os.cpu_count(), "cases": []}
for name, label, argv, synthetic in cases:
    once(argv)  # warm-up: page cache, first-touch
    samples = [once(argv) for _ in range(runs)]
    med = lambda key: statistics.median(s[key] for s in samples)
    wall = med("wall")
    case = {
        "name": name, "label": label, "synthetic": synthetic, "command": " ".join(argv),
        "wall_s": round(wall, 4), "wall_min_s": round(min(s["wall"] for s in samples), 4), "wall_max_s": round(max(s["wall"] for s in samples), 4),
        "cpu_s": round(med("cpu"), 4), "cores": round(statistics.median(s["cpu"] / s["wall"] for s in samples), 2),
        "rss_mib": round(med("rss"), 1), "loop_ms": round(med("loop"), 1), "startup_ms": round(med("startup"), 1),
        "shutdown_ms": round(med("shutdown"), 1), "events": samples[0]["events"], "orders": samples[0]["orders"],
        "events_per_s": round(samples[0]["events"] / (med("loop") / 1000)),
    }
    result["cases"].append(case)
finish(result, out,
       ["case", "wall s (min..max)", "loop ms", "start-up ms", "shutdown ms", "cpu s", "cores", "peak RSS MiB", "events", "events/s (loop)", "orders"],
       lambda c: [c["label"], f"{c['wall_s']:.3f} ({c['wall_min_s']:.3f}..{c['wall_max_s']:.3f})", c["loop_ms"], c["startup_ms"], c["shutdown_ms"],
                  f"{c['cpu_s']:.3f}", c["cores"], c["rss_mib"], c["events"], c["events_per_s"], c["orders"]],
       note=f"; median of {runs} warm runs")
print(f"written: {out}")
PY

#!/usr/bin/env bash
# Build-engine start-up benchmark (docs/benchmarks/build-engine.md), whole process, wall time from a monotonic clock:
#   cold  ./build.sh --help       stamp removed and build/Build.cs touched, so the bootstrapper recompiles the build
#   warm  ./build.sh --help       files as listed at the last check: 'dotnet build/bin/_build.dll' directly
#   touched ./build.sh --help     build/Build.cs touched before each run: the content-hash fallback, no recompile
#   cold/warm  dotnet run --project build/_build.csproj -- --help   (the baseline every NUKE/Cake invocation pays)
#   ./build.sh Backtest           second run with nothing changed: skipped as up to date
#   ./build.sh Backtest --force   nothing changed: CompileTrading and SimStats skipped, the backtest run again
# Usage: scripts/bench-build.sh [--warm-runs 10] [--cold-runs 3] [--out artifacts/bench/build.json]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

warm=10
cold=3
out="artifacts/bench/build.json"
while (($#)); do
  case "$1" in
    --warm-runs) warm="$2"; shift 2 ;;
    --cold-runs) cold="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench-build: unknown option '$1'; valid options are --warm-runs N, --cold-runs N, --out FILE" >&2; exit 2 ;;
  esac
done
for n in "$warm" "$cold"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-build: run counts must be positive whole numbers (got '$n')" >&2; exit 2; }
done

mkdir -p "$(dirname "$out")"
python3 - "$warm" "$cold" "$out" <<'PY'
import os, pathlib, statistics, subprocess, sys, time
sys.path.insert(0, "scripts")
from benchlib import finish, load

warm, cold, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
stamp = pathlib.Path(".nuke/temp/build.stamp")
source = pathlib.Path("build/Build.cs")

def timed(argv, prepare=None):
    if prepare:
        prepare()
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench-build: {' '.join(argv)} exited {done.returncode}:\n{done.stdout.decode()[-2000:]}")
    return wall, done.stdout.decode()

def make_cold():
    stamp.unlink(missing_ok=True)
    source.touch()

def touch_only():
    source.touch()

def series(name, argv, runs, prepare=None):
    timed(argv)  # settle: the build is compiled and the stamp valid before measuring
    samples = [timed(argv, prepare) for _ in range(runs)]
    walls = [w for w, _ in samples]
    return {"name": name, "command": " ".join(argv), "runs": runs, "median_s": round(statistics.median(walls), 3),
            "min_s": round(min(walls), 3), "max_s": round(max(walls), 3)}, samples[-1][1]

result = {"load_before": load(), "nproc": os.cpu_count(), "cases": []}
help_cmd = ["./build.sh", "--help"]
run_cmd = ["dotnet", "run", "--project", "build/_build.csproj", "--", "--help"]
case, _ = series("build.sh --help, cold (stamp removed, build source touched)", help_cmd, cold, make_cold); result["cases"].append(case)
case, _ = series("build.sh --help, warm", help_cmd, warm); result["cases"].append(case)
case, _ = series("build.sh --help, build source touched (hash fallback)", help_cmd, warm, touch_only); result["cases"].append(case)
case, _ = series("dotnet run --project build/_build.csproj -- --help, cold (build source touched)", run_cmd, cold, touch_only); result["cases"].append(case)
case, _ = series("dotnet run --project build/_build.csproj -- --help, warm", run_cmd, warm); result["cases"].append(case)
timed(help_cmd)  # the bootstrapper's stamp is valid again
case, text = series("build.sh Backtest, second run with nothing changed", ["./build.sh", "Backtest"], warm); result["cases"].append(case)
result["backtest_skip_output"] = [l for l in text.splitlines() if "Skipped" in l or "up to date" in l or "unchanged" in l]
case, _ = series("build.sh Backtest --force, nothing changed", ["./build.sh", "Backtest", "--force"], warm); result["cases"].append(case)
finish(result, out, ["case", "runs", "median s", "min s", "max s"],
       lambda c: [c["name"], c["runs"], f"{c['median_s']:.3f}", f"{c['min_s']:.3f}", f"{c['max_s']:.3f}"])
print("second Backtest said:")
for line in result["backtest_skip_output"]:
    print("  " + line)
print(f"written: {out}")
PY

#!/usr/bin/env python3
"""Resident-memory drift report per trading job, run every 12 h from cron (deploy/crontab).

Same definition as the release gate's median check: drift = median RSS of the last hour vs median RSS of
the first hour after a 1 h warm-up, (last - first) / first, and it must stay below 3%. The gate's window
starts with the process; here the first hour starts at the later of the window start and process
start + --warmup, so a process that has run for days is compared from the start of the window. Medians come from Prometheus
(`quantile_over_time(0.5, process_resident_memory_bytes[1h])`). A job that started less than warm-up + two hours
ago, or whose RSS data is that young (no sample in the window before its first one), is WAITING: not enough data yet,
until when. A job without data, with too few samples in either hour, or restarted inside the window (its RSS history
no longer belongs to one process) is a FAIL; one FAIL makes the line FAIL. Memory grows in real time, so process start
and restarts are read from `process_start_time_seconds` (the real start of the OS process), never from
`edgerisk_start_time_seconds` (the trading clock's start, virtual in a replay).
Prints exactly one line, `OK ...` (exit 0), `WAITING ...` (exit 0) or `FAIL <reason>` (exit 1); bad arguments print
`FAIL bad input: ...` (exit 2). Python standard library only: it runs inside the trading container.
"""
from __future__ import annotations

import argparse
import os
import re
import sys

from reportlib import BadInput, NotEnoughData, OneLineParser, ReportFailure, first_samples, iso, parse_duration, parse_time, prometheus, run

DEFAULT_JOBS = "edgerisk-crypto,edgerisk-stocks"
HOUR = 3600
JOB_NAME = re.compile(r"[A-Za-z0-9_:.-]+")
# At least one sample every two minutes: a thinner hour says more about scraping than about memory.
MIN_SAMPLES_PER_HOUR = 30


def instant_query(base_url: str, query: str, at: float) -> list[dict]:
    return prometheus(base_url, "query", {"query": query, "time": f"{at:.3f}"})


def per_job(base_url: str, query: str, at: float, jobs: list[str], what: str) -> dict[str, float]:
    """One value per job; a job missing from the result, or with several instances, is a FAIL."""
    values: dict[str, float] = {}
    for sample in instant_query(base_url, query, at):
        job = sample["metric"].get("job", "")
        if job in values:
            raise ReportFailure(f"{what} has several series for job {job}; the report expects one process per job")
        values[job] = float(sample["value"][1])
    missing = [job for job in jobs if job not in values]
    if missing:
        raise ReportFailure(f"no {what} for {', '.join(missing)} at {iso(at)}")
    return values


def mib(value: float) -> str:
    return f"{value / 2**20:.1f} MiB"


def report(args: argparse.Namespace) -> str:
    window = parse_duration(args.window, "--window")
    if window < 2 * HOUR:
        raise BadInput(f"--window '{args.window}' must be at least 2h (a first and a last hour)")
    warmup = parse_duration(args.warmup, "--warmup", allow_zero=True)
    end = parse_time(args.end)
    jobs = [j for j in args.jobs.split(",") if j]
    if not jobs or any(not JOB_NAME.fullmatch(j) for j in jobs):
        raise BadInput(f"--jobs '{args.jobs}' must be comma-separated job names (e.g. {DEFAULT_JOBS})")
    start = end - window
    url = args.prometheus_url
    # Job names are letters, digits, '_', ':', '-' and '.'; only '.' is special in a regex. It is escaped
    # for the regex and again for the PromQL string literal.
    pattern = "|".join(j.replace(".", r"\\.") for j in jobs)
    selector = f'{{job=~"{pattern}"}}'

    started = per_job(url, f"last_over_time(process_start_time_seconds{selector}[2m])", end, jobs,
                      "process_start_time_seconds")
    restarts = per_job(url, f"changes(process_start_time_seconds{selector}[{window}s])", end, jobs,
                       "process_start_time_seconds history")
    restarted = [job for job in jobs if restarts[job] > 0]
    if restarted:
        raise ReportFailure(f"{', '.join(restarted)} restarted inside the {args.window} window; RSS drift needs one process lifetime")

    rss = f"process_resident_memory_bytes{selector}"
    last = per_job(url, f"quantile_over_time(0.5, {rss}[1h])", end, jobs, "RSS in the last hour")
    last_count = per_job(url, f"count_over_time({rss}[1h])", end, jobs, "RSS in the last hour")
    # RSS that begins inside the window (no sample in the window before) is young data: the first hour starts with it.
    rss_since = {m.get("job", ""): at for m, at in first_samples(url, rss, end, 2 * window)}
    results = []
    waiting = []
    failures = []
    for job in jobs:
        data_since = rss_since.get(job, start)
        first_start = max(start, started[job] + warmup, data_since)
        first_end = first_start + HOUR
        if first_end > end - HOUR:
            # The window is at least 2 h, so only a young process or young data moves the first hour this late.
            why = (f"RSS only since {iso(data_since)}, then a first and a last hour" if first_start == data_since > started[job] + warmup
                   else f"process started {iso(started[job])}, then {args.warmup} warm-up, a first and a last hour")
            waiting.append(f"{job} has not enough data until {iso(first_start + 2 * HOUR)} ({why})")
            continue
        first = per_job(url, f"quantile_over_time(0.5, {rss}[1h])", first_end, [job], "RSS in the first post-warm-up hour")
        first_count = per_job(url, f"count_over_time({rss}[1h])", first_end, [job], "RSS in the first post-warm-up hour")
        thin = [name for name, count in (("first", first_count[job]), ("last", last_count[job])) if count < MIN_SAMPLES_PER_HOUR]
        if thin:
            failures.append(f"{job} has fewer than {MIN_SAMPLES_PER_HOUR} RSS samples in the {' and '.join(thin)} hour")
            continue
        if first[job] <= 0:
            failures.append(f"{job} median RSS of the first hour is {first[job]:.0f} bytes")
            continue
        drift = (last[job] - first[job]) / first[job] * 100
        text = f"{job} {drift:+.2f}% ({mib(first[job])} -> {mib(last[job])})"
        if drift >= args.max_drift_pct:
            failures.append(f"{text} is not below {args.max_drift_pct:g}%")
        else:
            results.append(text)
    if failures:
        raise ReportFailure("rss drift: " + "; ".join(failures + waiting))
    if waiting:
        raise NotEnoughData("rss drift: " + "; ".join(waiting + results))
    return f"OK rss drift below {args.max_drift_pct:g}% over {args.window} to {iso(end)}: " + ", ".join(results)


def main(argv: list[str]) -> int:
    parser = OneLineParser(description="Resident-memory drift per trading job, from Prometheus.")
    parser.add_argument("--window", default="12h", help="window ending at --end (default 12h)")
    parser.add_argument("--end", help="end of the window: Unix seconds or ISO 8601 (default now)")
    parser.add_argument("--warmup", default="1h", help="time after process start left out of the first hour (default 1h)")
    parser.add_argument("--jobs", default=DEFAULT_JOBS, help=f"comma-separated Prometheus jobs (default {DEFAULT_JOBS})")
    parser.add_argument("--max-drift-pct", type=float, default=3.0, help="drift must stay below this (default 3)")
    parser.add_argument("--prometheus-url", default=os.environ.get("PROMETHEUS_URL", "http://127.0.0.1:9090"))
    return run(parser, report, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

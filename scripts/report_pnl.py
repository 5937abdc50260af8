#!/usr/bin/env python3
"""Paper-vs-sim PnL drift report, run every 12 h from cron (deploy/crontab).

Same definition as the release gate: with P(t) and S(t) the paper and sim `pnl_usd` summed over every
symbol, drift(t) = (P(t) - P(start)) - (S(t) - S(start)), and the report passes when max |drift| over the
window <= 0.5 sigma. The window is sampled every 15 s (coarser when that would exceed Prometheus's 11,000
points per series); sigma comes from --pnl-sigma-usd or from `pnl_sigma_usd` in artifacts/sim/pnl_stats.json.
Prints exactly one line, `OK ...` (exit 0), `WAITING ...` (exit 0) or `FAIL <reason>` (exit 1); bad arguments print
`FAIL bad input: ...` (exit 2). A deployment younger than the window (no pnl_usd sample in the window before its first
one) is WAITING: since when there is data, when the window will be covered, and the drift so far — unless that drift
already exceeds the limit, which is a FAIL on evidence. A gap after the data began, a missing book, no data at all or
an unreachable Prometheus is a FAIL. Python standard library only: it runs inside the trading container.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from reportlib import (BadInput, NotEnoughData, OneLineParser, ReportFailure, first_samples, iso, parse_duration, parse_time,
                       prometheus, run, span)

DRIFT_LIMIT_SIGMAS = Decimal("0.5")
# A book's PnL counts as present at a point in time if it was sampled within this long before it.
FRESHNESS = "2m"
STEP = 15
# Prometheus answers at most 11,000 points per series.
MAX_POINTS = 11000
BOOKS = ("paper", "sim")
SELECTOR = f'pnl_usd{{book=~"{"|".join(BOOKS)}"}}'
DEFAULT_STATS = Path(__file__).resolve().parent.parent / "artifacts" / "sim" / "pnl_stats.json"


def range_query(base_url: str, query: str, start: float, end: float, step: int) -> list[dict]:
    return prometheus(base_url, "query_range", {"query": query, "start": f"{start:.3f}", "end": f"{end:.3f}", "step": str(step)})


def load_sigma(args: argparse.Namespace) -> Decimal:
    if args.pnl_sigma_usd is not None:
        sigma = to_decimal(args.pnl_sigma_usd, "--pnl-sigma-usd")
        if sigma <= 0:
            raise BadInput(f"--pnl-sigma-usd must be positive, got {args.pnl_sigma_usd}")
        return sigma
    stats = Path(args.pnl_stats)
    if not stats.is_file():
        raise ReportFailure(f"no PnL sigma: {stats} is missing (run the sim statistics or pass --pnl-sigma-usd)")
    try:
        value = json.loads(stats.read_text(encoding="utf-8"), parse_float=Decimal)["pnl_sigma_usd"]
        sigma = to_decimal(str(value), "pnl_sigma_usd")
    except (ValueError, KeyError, TypeError, BadInput):
        raise ReportFailure(f"no PnL sigma: {stats} has no numeric 'pnl_sigma_usd'") from None
    if sigma <= 0:
        raise ReportFailure(f"no PnL sigma: 'pnl_sigma_usd' in {stats} is {sigma}, it must be positive")
    return sigma


def to_decimal(text: str, name: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadInput(f"{name} '{text}' is not a number") from None
    if not value.is_finite():
        raise BadInput(f"{name} '{text}' is not a finite number")
    return value


def pnl_series(base_url: str, start: float, end: float, step: int) -> dict[tuple[str, str, str], dict[float, Decimal]]:
    """PnL per (job, symbol, book) at every step it has a sample within FRESHNESS; every symbol needs both books."""
    query = f"last_over_time({SELECTOR}[{FRESHNESS}])"
    series: dict[tuple[str, str, str], dict[float, Decimal]] = {}
    for result in range_query(base_url, query, start, end, step):
        metric = result["metric"]
        key = (metric.get("job", ""), metric.get("symbol", ""), metric["book"])
        values = series.setdefault(key, {})
        for at, text in result["values"]:
            value = Decimal(text)
            if not value.is_finite():
                raise ReportFailure(f"pnl_usd for {key[1]} book={key[2]} is {value} at {iso(at)}")
            values[at] = values.get(at, Decimal(0)) + value
    if not series:
        raise ReportFailure(f"no pnl_usd samples between {iso(start)} and {iso(end)}")
    for job, symbol in sorted({(j, s) for j, s, _ in series}):
        for book in BOOKS:
            if (job, symbol, book) not in series:
                raise ReportFailure(f"pnl_usd for {symbol} on {job} has no book={book} in the window")
    return series


def data_since(base_url: str, series: dict[tuple[str, str, str], dict[float, Decimal]], start: float, end: float, step: int,
               window: int) -> float:
    """The first step from which every series has a value at every step: `start`, or, when the deployment is younger
    than the window, the first step of its youngest series. A series is young when it has no sample in the window
    before its first one (looked for over two windows); a step it misses after that is a gap, and a FAIL."""
    steps = [start + i * step for i in range(int((end - start) // step) + 1)]
    missing = {key: [t for t in steps if float(t) not in values] for key, values in series.items()}
    if not any(missing.values()):
        return start
    began = {(m.get("job", ""), m.get("symbol", ""), m.get("book", "")): at
             for m, at in first_samples(base_url, SELECTOR, end, 2 * window)}
    since = start
    for key, gaps in sorted(missing.items()):
        first = began.get(key)
        young = first is not None and first > start
        real = [t for t in gaps if not young or t >= first]
        if real:
            raise ReportFailure(f"pnl_usd for {key[1]} on {key[0]} book={key[2]} has no sample within {FRESHNESS} "
                                f"before {iso(real[0])} ({len(real)} of {len(steps)} steps missing)")
        if gaps:
            since = max(since, min(series[key]))
    return since


def usd(value: Decimal) -> str:
    return f"{value:+.2f}"


def report(args: argparse.Namespace) -> str:
    window = parse_duration(args.window, "--window")
    # Whole seconds, so the steps Prometheus answers for are exactly start + i * step.
    end = float(int(parse_time(args.end)))
    sigma = load_sigma(args)
    step = max(STEP, -(-window // MAX_POINTS))
    start = end - window
    series = pnl_series(args.prometheus_url, start, end, step)
    since = data_since(args.prometheus_url, series, start, end, step, window)
    times = sorted(t for t in next(iter(series.values())) if t >= since)
    totals = {book: [sum((v[t] for k, v in series.items() if k[2] == book), Decimal(0)) for t in times] for book in BOOKS}
    paper, sim = totals["paper"], totals["sim"]
    drift = [(paper[i] - paper[0]) - (sim[i] - sim[0]) for i in range(len(times))]
    worst = max(range(len(times)), key=lambda i: abs(drift[i]))
    limit = DRIFT_LIMIT_SIGMAS * sigma
    over = f"over {args.window} to {iso(end)}" if since == start else f"over the {span(end - since)} since {iso(since)} (of the {args.window} window to {iso(end)})"
    detail = (f"max |drift| at {iso(times[worst])}; {over} paper {usd(paper[-1] - paper[0])} USD, "
              f"sim {usd(sim[-1] - sim[0])} USD; limit 0.5 sigma = {limit:.2f} USD (sigma {sigma:.2f} USD)")
    if abs(drift[worst]) > limit:
        # Young: the first full window starts at `since` too, so a drift beyond the limit now is beyond it there. Evidence.
        raise ReportFailure(f"pnl drift {usd(drift[worst])} USD exceeds 0.5 sigma: {detail}")
    if since > start:
        raise NotEnoughData(f"pnl drift: pnl_usd only since {iso(since)} ({span(end - since)} of the {args.window} window); "
                            f"enough data at {iso(since + window)}; so far {usd(drift[worst])} USD, within 0.5 sigma "
                            f"(limit {limit:.2f} USD, sigma {sigma:.2f} USD)")
    return f"OK pnl drift {usd(drift[worst])} USD within 0.5 sigma: {detail}"


def main(argv: list[str]) -> int:
    parser = OneLineParser(description="Paper-vs-sim PnL drift over a window, from Prometheus.")
    parser.add_argument("--window", default="12h", help="window ending at --end (default 12h)")
    parser.add_argument("--end", help="end of the window: Unix seconds or ISO 8601 (default now)")
    parser.add_argument("--pnl-sigma-usd", help="sigma of the window PnL in USD (default: from --pnl-stats)")
    parser.add_argument("--pnl-stats", default=str(DEFAULT_STATS), help="JSON with pnl_sigma_usd")
    parser.add_argument("--prometheus-url", default=os.environ.get("PROMETHEUS_URL", "http://127.0.0.1:9090"))
    return run(parser, report, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

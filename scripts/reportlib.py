"""What the 12-hourly reports (report_pnl.py, report_mem.py) share: one-line OK/WAITING/FAIL output, argument
parsing that fails on one line, durations and times, Prometheus HTTP API queries whose failures are FAIL lines, and
when a series' data begins (a window reaching back before it is WAITING, not FAIL).
Python standard library only: it runs inside the trading container, next to the reports.
"""
from __future__ import annotations

import argparse
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime, timezone

DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class ReportFailure(Exception):
    """A FAIL line for the report."""


class NotEnoughData(Exception):
    """A WAITING line: the deployment is younger than the report needs; says since when and when there will be enough."""


class BadInput(Exception):
    """An argument that cannot be used; names the input and the fix."""


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage over several lines; the report has one
        raise BadInput(message)


def parse_duration(text: str, name: str, allow_zero: bool = False) -> int:
    parts = re.findall(r"(\d+)([smhdw])", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise BadInput(f"{name} '{text}' is not a duration (use e.g. 12h, 90m or 1h30m)")
    seconds = sum(int(n) * DURATION_UNITS[u] for n, u in parts)
    if seconds <= 0 and not allow_zero:
        raise BadInput(f"{name} '{text}' must be longer than zero")
    return seconds


def parse_time(text: str | None) -> float:
    if text is None:
        return time.time()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).timestamp()
    except ValueError:
        raise BadInput(f"--end '{text}' is not a time (use Unix seconds or e.g. 2026-11-25T12:00:00Z)") from None


def iso(at: float) -> str:
    return datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def span(seconds: float) -> str:
    """A duration as the reports' flags write it: 30m, 13h, 1h30m, 2d (whole minutes, at least 1m)."""
    minutes = max(1, int(seconds // 60))
    parts = [(minutes // 1440, "d"), (minutes % 1440 // 60, "h"), (minutes % 60, "m")]
    return "".join(f"{n}{unit}" for n, unit in parts if n)


def prometheus(base_url: str, path: str, parameters: dict[str, str]) -> list[dict]:
    """GET /api/v1/<path>; the result list, or a ReportFailure naming what went wrong."""
    url = base_url.rstrip("/") + "/api/v1/" + path + "?" + urllib.parse.urlencode(parameters)
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = json.load(response)
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        try:
            detail = json.loads(detail).get("error", detail)
        except ValueError:
            pass
        raise ReportFailure(f"Prometheus at {base_url} rejected the query ({e.code}): {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise ReportFailure(f"Prometheus at {base_url} is unreachable: {reason}") from None
    if body.get("status") != "success":
        raise ReportFailure(f"Prometheus query failed: {body.get('error', 'no error text')}")
    return body["data"]["result"]


def first_samples(base_url: str, selector: str, end: float, lookback: int) -> list[tuple[dict[str, str], float]]:
    """Per series of `selector`: the time of its first sample in the `lookback` seconds before `end`, to the minute.

    A series whose first sample lies after the start of a report's window began inside it (a young deployment) when
    `lookback` reaches a window further back than that start: no sample then means no data before, not a gap."""
    query = f"min_over_time(timestamp({selector})[{lookback}s:1m])"
    return [(r["metric"], float(r["value"][1])) for r in prometheus(base_url, "query", {"query": query, "time": f"{end:.3f}"})]


def run(parser: OneLineParser, report: Callable[[argparse.Namespace], str], argv: list[str]) -> int:
    """Prints exactly one line: the report's `OK ...` (0), `WAITING <why, until when>` (0: not enough data yet, not a
    failure; the log-tail pages only FAIL), `FAIL <reason>` (1) or `FAIL bad input: ...` (2)."""
    try:
        print(report(parser.parse_args(argv)))
        return 0
    except BadInput as e:
        print(f"FAIL bad input: {e}")
        return 2
    except NotEnoughData as e:
        print(f"WAITING {e}")
        return 0
    except ReportFailure as e:
        print(f"FAIL {e}")
        return 1

#!/usr/bin/env bash
# Imports a Grafana dashboard and (optionally) its alert rule group through the build's ImportDashboards target,
# and nothing else: no tag, no deploy (the target's dependencies are skipped).
# Usage: scripts/grafana_import.sh --dash FILE [--alert FILE]
# Imports into GRAFANA_URL with GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD); exit 2 when they are missing.
# PROFILE=local records the calls to artifacts/release/outbox/ instead (nothing is sent).
set -euo pipefail

usage() {
  echo "usage: $0 --dash DASHBOARD.json [--alert ALERT_RULES.json]" >&2
  exit 2
}

dash=""
alert=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dash) [[ $# -ge 2 ]] || usage; dash="$2"; shift 2 ;;
    --alert) [[ $# -ge 2 ]] || usage; alert="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done

[[ -n "$dash" ]] || { echo "--dash FILE is required" >&2; usage; }
[[ -f "$dash" ]] || { echo "dashboard file not found: $dash" >&2; exit 2; }
[[ -z "$alert" || -f "$alert" ]] || { echo "alert rules file not found: $alert" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(ImportDashboards --dashboard "$(realpath "$dash")")
if [[ -n "$alert" ]]; then
  args+=(--alert-rules "$(realpath "$alert")")
fi

if [[ ${PROFILE:-} == local ]]; then
  args+=(--profile local)
elif [[ -n ${GRAFANA_URL:-} ]]; then
  # A Grafana is named: import into it (the staging profile's Grafana client; the build names a missing credential).
  args+=(--profile "${PROFILE:-staging}")
else
  echo "GRAFANA_URL is not set: export GRAFANA_URL and GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD), or PROFILE=local to record the import to artifacts/release/outbox/" >&2
  exit 2
fi

cd "$root"
exec ./build.sh "${args[@]}" --skip

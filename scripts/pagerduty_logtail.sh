#!/usr/bin/env bash
# Pages PagerDuty for every line starting with "FAIL" in the report logs the cron jobs write
# (/var/log/paper_pnl.log, /var/log/mem.log), so a failed 12-hourly report reaches a person. "OK" and "WAITING" (not
# enough data yet, e.g. a deployment younger than the report window) lines are not paged.
#
# Usage: pagerduty_logtail.sh [--once] LOG...
#   default  follow the logs (tail -F -n0: only lines written from now on; survives rotation)
#   --once   read the lines already in the logs, page, and exit (for a catch-up run and for tests)
# Paging: PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE; events go to ${PAGERDUTY_URL:-https://events.pagerduty.com}/v2/enqueue.
# The dedup key is derived from the log path and the line, so a line re-read later updates the same incident.
# Exit: 0 done (--once), 1 a page could not be sent (--once), 2 bad usage or paging not configured.
set -euo pipefail

usage_error() {
  echo "pagerduty_logtail: $1 (usage: pagerduty_logtail.sh [--once] LOG...)" >&2
  exit 2
}

once=false
logs=()
while (($# > 0)); do
  case $1 in
    --once) once=true; shift ;;
    --) shift; logs+=("$@"); break ;;
    -*) usage_error "unknown option '$1'" ;;
    *) logs+=("$1"); shift ;;
  esac
done
((${#logs[@]} > 0)) || usage_error "no log file given"

routing_key=""
if [[ -n ${PAGERDUTY_ROUTING_KEY:-} ]]; then
  routing_key=$PAGERDUTY_ROUTING_KEY
elif [[ -n ${PAGERDUTY_ROUTING_KEY_FILE:-} ]]; then
  [[ -r $PAGERDUTY_ROUTING_KEY_FILE ]] || usage_error "PAGERDUTY_ROUTING_KEY_FILE '$PAGERDUTY_ROUTING_KEY_FILE' is not readable"
  routing_key=$(tr -d '[:space:]' <"$PAGERDUTY_ROUTING_KEY_FILE")
fi
[[ -n $routing_key ]] || usage_error "paging is not configured: set PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE"

source "$(dirname "${BASH_SOURCE[0]}")/lib/json.sh"

page() {
  local log=$1 line=$2 dedup body status
  dedup="edgerisk-report-$(printf '%s\n%s' "$log" "$line" | sha256sum | cut -c1-32)"
  body="{\"routing_key\":$(json_string "$routing_key"),\"event_action\":\"trigger\",\"dedup_key\":\"$dedup\","
  body+="\"client\":\"EdgeRisk pagerduty_logtail\",\"payload\":{\"summary\":$(json_string "${line:0:1024}"),"
  body+="\"source\":$(json_string "${HOSTNAME:-$(uname -n)}"),\"severity\":\"error\",\"component\":$(json_string "$(basename "$log")"),"
  body+="\"group\":\"edgerisk-staging\",\"class\":\"report\",\"custom_details\":{\"log\":$(json_string "$log")}}}"
  # The body goes through stdin so the routing key never shows in the process list.
  if ! status=$(printf '%s' "$body" | curl -sS -o /dev/null --max-time 10 -w '%{http_code}' \
      -H 'Content-Type: application/json' --data-binary @- "${PAGERDUTY_URL:-https://events.pagerduty.com}/v2/enqueue" 2>&1); then
    echo "pagerduty_logtail: paging failed for a FAIL line in $log: ${status##*curl: }" >&2
    return 1
  fi
  if [[ $status != 202 ]]; then
    echo "pagerduty_logtail: paging failed for a FAIL line in $log: PagerDuty answered HTTP $status" >&2
    return 1
  fi
  echo "pagerduty_logtail: paged $dedup for $log"
}

if $once; then
  unsent=0
  for log in "${logs[@]}"; do
    [[ -r $log ]] || usage_error "log '$log' is not readable"
    while IFS= read -r line || [[ -n $line ]]; do
      if [[ $line == FAIL* ]]; then
        page "$log" "$line" || unsent=$((unsent + 1))
      fi
    done <"$log"
  done
  ((unsent == 0)) || exit 1
  exit 0
fi

# -v prints a "==> LOG <==" header for each log once it is open and whenever the next lines come from another log.
exec {tail_fd}< <(exec tail -v -F -n0 -- "${logs[@]}")
tail_pid=$!
trap 'kill "$tail_pid" 2>/dev/null || true' EXIT
declare -A following=()
current=${logs[0]}
while IFS= read -r line <&"$tail_fd"; do
  if [[ $line =~ ^==\>\ (.*)\ \<==$ ]]; then
    current=${BASH_REMATCH[1]}
    if [[ -z ${following[$current]:-} ]]; then
      following[$current]=1
      echo "pagerduty_logtail: following $current"
    fi
  elif [[ $line == FAIL* ]]; then
    # A failed page is reported and the watch goes on; the next FAIL line pages again.
    page "$current" "$line" || true
  fi
done

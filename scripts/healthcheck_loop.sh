#!/usr/bin/env bash
# Watchdog for the staging stack, independent of Prometheus/Alertmanager (it also pages when those are down).
# Polls every service's health endpoint; a check that still fails after its retries sends a PagerDuty
# Events v2 trigger and the loop exits non-zero, so a supervisor restarts it and the failure stays visible.
#
# Usage: healthcheck_loop.sh [--interval SECONDS] [--retries N] [--retry-delay SECONDS] [--once] [--max-iterations N]
#                            [--http NAME=URL]... [--redis NAME=HOST:PORT]...
# Without --http/--redis the staging set is checked (ports from the environment, defaults in brackets):
#   trading-crypto  ${TRADING_CRYPTO_URL:-http://127.0.0.1:9101}/healthz
#   trading-stocks  ${TRADING_STOCKS_URL:-http://127.0.0.1:9102}/healthz
#   prometheus      ${PROMETHEUS_URL:-http://127.0.0.1:9090}/-/healthy
#   alertmanager    ${ALERTMANAGER_URL:-http://127.0.0.1:9093}/-/healthy
#   redis           ${REDIS_ADDR:-127.0.0.1:6379} (PING -> PONG)
# Defaults of the flags: HEALTHCHECK_INTERVAL (30), HEALTHCHECK_RETRIES (2), HEALTHCHECK_RETRY_DELAY (2).
# Paging: PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE; events go to ${PAGERDUTY_URL:-https://events.pagerduty.com}/v2/enqueue.
# Exit: 0 all checks passed (--once / --max-iterations reached), 1 a check failed, 2 bad usage.
set -euo pipefail

usage_error() {
  echo "healthcheck: $1 (usage: healthcheck_loop.sh [--interval S] [--retries N] [--retry-delay S] [--once] [--max-iterations N] [--http NAME=URL]... [--redis NAME=HOST:PORT]...)" >&2
  exit 2
}

is_seconds() { [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; }
is_count() { [[ $1 =~ ^[0-9]+$ ]]; }

interval=${HEALTHCHECK_INTERVAL:-30}
retries=${HEALTHCHECK_RETRIES:-2}
retry_delay=${HEALTHCHECK_RETRY_DELAY:-2}
max_iterations=0
names=()
kinds=()
targets=()

add_check() {
  local kind=$1 spec=$2
  [[ $spec == ?*=?* ]] || usage_error "--$kind expects NAME=TARGET, got '$spec'"
  names+=("${spec%%=*}")
  kinds+=("$kind")
  targets+=("${spec#*=}")
}

while (($# > 0)); do
  case $1 in
    --interval) (($# >= 2)) || usage_error "--interval needs a value"; interval=$2; shift 2 ;;
    --retries) (($# >= 2)) || usage_error "--retries needs a value"; retries=$2; shift 2 ;;
    --retry-delay) (($# >= 2)) || usage_error "--retry-delay needs a value"; retry_delay=$2; shift 2 ;;
    --max-iterations) (($# >= 2)) || usage_error "--max-iterations needs a value"; max_iterations=$2; shift 2 ;;
    --once) max_iterations=1; shift ;;
    --http) (($# >= 2)) || usage_error "--http needs NAME=URL"; add_check http "$2"; shift 2 ;;
    --redis) (($# >= 2)) || usage_error "--redis needs NAME=HOST:PORT"; add_check redis "$2"; shift 2 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done

is_seconds "$interval" || usage_error "--interval must be seconds (e.g. 30 or 0.5), got '$interval'"
is_seconds "$retry_delay" || usage_error "--retry-delay must be seconds (e.g. 2), got '$retry_delay'"
is_count "$retries" || usage_error "--retries must be a whole number, got '$retries'"
is_count "$max_iterations" || usage_error "--max-iterations must be a whole number, got '$max_iterations'"

if ((${#names[@]} == 0)); then
  add_check http "trading-crypto=${TRADING_CRYPTO_URL:-http://127.0.0.1:9101}/healthz"
  add_check http "trading-stocks=${TRADING_STOCKS_URL:-http://127.0.0.1:9102}/healthz"
  add_check http "prometheus=${PROMETHEUS_URL:-http://127.0.0.1:9090}/-/healthy"
  add_check http "alertmanager=${ALERTMANAGER_URL:-http://127.0.0.1:9093}/-/healthy"
  add_check redis "redis=${REDIS_ADDR:-127.0.0.1:6379}"
fi

source "$(dirname "${BASH_SOURCE[0]}")/lib/json.sh"

# Prints the reason on stdout when the check fails.
check_http() {
  local error
  error=$(curl -fsS -o /dev/null --max-time 5 "$1" 2>&1) || { printf '%s' "${error#curl: }"; return 1; }
}

check_redis() {
  local host=${1%:*} port=${1##*:} reply
  if command -v redis-cli >/dev/null; then
    reply=$(timeout 5 redis-cli -h "$host" -p "$port" ping 2>&1) || true
  else
    # Plain RESP over bash's /dev/tcp when redis-cli is not installed.
    reply=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r line <&3 && printf "%s" "${line#+}"' "$host" "$port" 2>&1) || true
  fi
  reply=${reply%$'\r'}
  [[ $reply == PONG ]] || { printf 'no PONG: %s' "${reply:-no answer}"; return 1; }
}

run_check() {
  local kind=$1 target=$2
  case $kind in
    http) check_http "$target" ;;
    redis) check_redis "$target" ;;
  esac
}

routing_key() {
  if [[ -n ${PAGERDUTY_ROUTING_KEY:-} ]]; then
    printf '%s' "$PAGERDUTY_ROUTING_KEY"
  elif [[ -n ${PAGERDUTY_ROUTING_KEY_FILE:-} && -r $PAGERDUTY_ROUTING_KEY_FILE ]]; then
    tr -d '[:space:]' <"$PAGERDUTY_ROUTING_KEY_FILE"
  fi
}

# Sends one trigger; the dedup key is per check, so repeated failures of one service update one incident.
page() {
  local name=$1 summary=$2 key body status
  key=$(routing_key)
  if [[ -z $key ]]; then
    echo "healthcheck: paging is not configured (set PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE); $name was not paged"
    return 1
  fi
  body="{\"routing_key\":$(json_string "$key"),\"event_action\":\"trigger\",\"dedup_key\":$(json_string "edgerisk-healthcheck-$name"),"
  body+="\"client\":\"EdgeRisk healthcheck_loop\",\"payload\":{\"summary\":$(json_string "${summary:0:1024}"),"
  body+="\"source\":$(json_string "${HOSTNAME:-$(uname -n)}"),\"severity\":\"critical\",\"component\":$(json_string "$name"),"
  body+="\"group\":\"edgerisk-staging\",\"class\":\"healthcheck\"}}"
  # The body goes through stdin so the routing key never shows in the process list.
  if ! status=$(printf '%s' "$body" | curl -sS -o /dev/null --max-time 10 -w '%{http_code}' \
      -H 'Content-Type: application/json' --data-binary @- "${PAGERDUTY_URL:-https://events.pagerduty.com}/v2/enqueue" 2>&1); then
    echo "healthcheck: paging failed: ${status##*curl: }"
    return 1
  fi
  if [[ $status != 202 ]]; then
    echo "healthcheck: paging failed: PagerDuty answered HTTP $status"
    return 1
  fi
  echo "healthcheck: paged PagerDuty for $name"
}

iteration=0
while :; do
  iteration=$((iteration + 1))
  failed=0
  for i in "${!names[@]}"; do
    attempt=0
    while :; do
      attempt=$((attempt + 1))
      if reason=$(run_check "${kinds[$i]}" "${targets[$i]}"); then
        break
      fi
      if ((attempt > retries)); then
        summary="${names[$i]} (${targets[$i]}) failed $attempt attempt(s): $reason"
        echo "healthcheck: FAIL $summary"
        page "${names[$i]}" "EdgeRisk healthcheck: $summary" || true
        failed=$((failed + 1))
        break
      fi
      sleep "$retry_delay"
    done
  done
  if ((failed > 0)); then
    exit 1
  fi
  echo "healthcheck: iteration $iteration: all ${#names[@]} checks OK"
  if ((max_iterations > 0 && iteration >= max_iterations)); then
    exit 0
  fi
  sleep "$interval"
done

# Sourced by the paging scripts (healthcheck_loop.sh, pagerduty_logtail.sh), which run from a checkout on the host.

# JSON string literal: escapes quotes, backslashes and line breaks; drops other control characters.
json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  s=$(printf '%s' "$s" | tr -d '\000-\037')
  printf '"%s"' "$s"
}

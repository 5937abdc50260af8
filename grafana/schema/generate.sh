#!/bin/sh
# Regenerates dashboard.schema.json (JSON Schema draft-07) from the official @grafana/schema TypeScript types,
# with the versions pinned in package-lock.json. Output is deterministic: the committed file must not change.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
# --expose none: @grafana/schema declares DataSourceRef twice; inlining avoids the duplicate-definition error.
npx --no-install ts-json-schema-generator --path types.ts --tsconfig tsconfig.json --type GrafanaDashboard \
  --expose none -o "${1:-dashboard.schema.json}"

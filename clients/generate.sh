#!/usr/bin/env bash
# Regenerate the clients from the code: `clients/generate.sh` writes them in place (make clients);
# `clients/generate.sh --check` writes them into a temporary folder and fails when the committed ones
# differ, then type-checks the TypeScript client under tsc --strict (make clients-check).
# Needs the project's venv (openapi-python-client, ruff) and node/npm (openapi-typescript, tsc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/.venv/bin:$PATH"  # the venv's python, openapi-python-client and ruff (its post-hooks)

check=false
[[ "${1:-}" == "--check" ]] && check=true

TS="$ROOT/clients/typescript"
if [[ ! -x "$TS/node_modules/.bin/openapi-typescript" || "$TS/package-lock.json" -nt "$TS/node_modules/.package-lock.json" ]]; then
  (cd "$TS" && npm ci --no-audit --no-fund --silent)
fi

if $check; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  out="$ROOT/clients"
fi

python clients/spec.py "$out/openapi.json"
openapi-python-client generate --path "$out/openapi.json" --config clients/python-config.yaml --meta uv \
  --output-path "$out/python" --overwrite --fail-on-warning >/dev/null
rm -rf "$out/python/.ruff_cache"
mkdir -p "$out/typescript/src"
"$TS/node_modules/.bin/openapi-typescript" "$out/openapi.json" --default-non-nullable false --enum-values \
  -o "$out/typescript/src/schema.ts" >/dev/null

if $check; then
  report="$out/differences.txt"
  stale=()
  diff -u clients/openapi.json "$out/openapi.json" >>"$report" || stale+=(clients/openapi.json)
  diff -ru -x __pycache__ -x .ruff_cache clients/python "$out/python" >>"$report" || stale+=(clients/python/)
  diff -u clients/typescript/src/schema.ts "$out/typescript/src/schema.ts" >>"$report" \
    || stale+=(clients/typescript/src/schema.ts)
  if (( ${#stale[@]} )); then
    head -n 80 "$report" >&2
    echo "STALE: ${stale[*]} differ from what the code generates: run 'make clients' and commit the result." >&2
    exit 1
  fi
  (cd "$TS" && node_modules/.bin/tsc --strict --noEmit -p .)
  echo "clients match the spec, and the TypeScript client compiles under tsc --strict"
fi

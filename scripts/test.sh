#!/usr/bin/env bash
# Runs every test: lint, unit and integration tests of every project (integration tests use the
# real local Kafka, FerretDB and Redis), the builds, then the end-to-end tests in test/ that
# start the built services. Starts the local infrastructure if it is not running, and stops
# again what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/env.sh
source scripts/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NODE_ENV=test
# The evidence-storage tests stream a file of this many MiB through both blob stores with bounded
# memory; 300 keeps a CI run short. `YRD_LARGE_BLOB_MB=2100 npm test` checks the 2 GiB claim.
export YRD_LARGE_BLOB_MB="${YRD_LARGE_BLOB_MB:-300}"

ensure_node_modules
ensure_chromium
started_infra=false
if ! bash deploy/local/infra.sh status >/dev/null 2>&1; then
  echo "== starting local infrastructure"
  bash deploy/local/infra.sh up
  source deploy/local/env.sh # again: the Kafka admin credential exists once the broker has started
  started_infra=true
fi
cleanup() { if $started_infra; then echo "== stopping local infrastructure"; bash deploy/local/infra.sh down; fi; }
trap cleanup EXIT

echo "== lint, type checks, unit + integration tests, builds"
npx nx run-many -t lint typecheck test build --output-style=static --parallel=2
if [[ -f test/jest.config.cts ]]; then
  echo "== end-to-end tests"
  npx jest -c test/jest.config.cts --runInBand
fi

#!/usr/bin/env bash
# The API contract stage: schemathesis against every service's OpenAPI document (test/e2e/api-contract.contract-spec.ts),
# on the built services and the running local infrastructure (npm run infra:up; npx nx run-many -t build).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/env.sh
source scripts/ensure-deps.sh
ensure_node_modules
ensure_schemathesis
export NODE_ENV=test
npx jest -c test/jest.config.cts --runInBand --testMatch '<rootDir>/e2e/**/*.contract-spec.ts' "$@"

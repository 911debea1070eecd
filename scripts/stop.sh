#!/usr/bin/env bash
# Stops the five services (SIGTERM: consumers leave their groups, producers flush), then the
# local infrastructure. Data stays in .local/ for the next start.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/env.sh
source scripts/services.sh
for s in "${YRD_SERVICES[@]}"; do svc_stop "$s"; done
[[ "${1:-}" == "--services-only" ]] || bash deploy/local/infra.sh down

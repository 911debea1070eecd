#!/usr/bin/env bash
# Starts everything with demo data: local Kafka/FerretDB/Redis (installed if missing), the five
# services and the web console (served with the APIs by the gateway), then loads the demo data. Stop with `npm run stop`. Logs: .local/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/env.sh
source scripts/ensure-deps.sh
source scripts/services.sh
export NX_DAEMON=false NX_NO_CLOUD=true
export NODE_ENV="${NODE_ENV:-development}"

ensure_node_modules
echo "== infrastructure"
bash deploy/local/infra.sh up
source deploy/local/env.sh # again: the Kafka admin credential exists once the broker has started
echo "== kafka ACLs of the services (namespace ${KAFKA_TOPIC_NAMESPACE:-yrd})"
npx tsx --tsconfig tools/tsconfig.json tools/kafka-acl.ts grant
echo "== building services"
npx nx run-many -t build --projects=tag:type:app --output-style=static --parallel=2 >"${YRD_LOCAL_DIR}/logs/build.log" 2>&1 ||
  { tail -n 40 "${YRD_LOCAL_DIR}/logs/build.log"; exit 1; }
echo "== starting services"
for s in "${YRD_SERVICES[@]}"; do svc_start "$s"; done
for s in "${YRD_SERVICES[@]}"; do svc_wait_healthy "$s"; done
if [[ -f scripts/demo-data.ts ]]; then
  echo "== demo data"
  npx tsx --tsconfig tools/tsconfig.json scripts/demo-data.ts
fi
cat <<MSG

Everything is up.
  console:  http://127.0.0.1:${YRD_SERVICE_PORT[gateway]}/  (sign in as any demo user; APIs under /api/<service>/)
  services: case-intake :${YRD_SERVICE_PORT[case-intake]}  clue-transfer :${YRD_SERVICE_PORT[clue-transfer]}  evidence-notary :${YRD_SERVICE_PORT[evidence-notary]}  notification :${YRD_SERVICE_PORT[notification]}  audit :${YRD_SERVICE_PORT[audit]}
  API docs: http://127.0.0.1:<port>/docs   health: http://127.0.0.1:<port>/health
  a token:  npx tsx --tsconfig tools/tsconfig.json libs/shared/auth/src/cli/mint-token.ts --role officer --bureau 310118 --sub officer-qp-1
  logs:     ${YRD_LOCAL_DIR}/logs/      stop: npm run stop
MSG

# shellcheck shell=bash
# The five services and the console's gateway, their default ports, and how to start/stop them from their webpack builds.
# Sourced by start.sh and stop.sh.

YRD_SERVICES=(case-intake clue-transfer evidence-notary notification audit gateway)
declare -A YRD_SERVICE_PORT=(
  [case-intake]="${CASE_INTAKE_PORT:-3101}"
  [clue-transfer]="${CLUE_TRANSFER_PORT:-3102}"
  [evidence-notary]="${EVIDENCE_NOTARY_PORT:-3103}"
  [notification]="${NOTIFICATION_PORT:-3104}"
  [audit]="${AUDIT_PORT:-3105}"
  [gateway]="${GATEWAY_PORT:-3100}"
)
# Where the gateway finds each service (it proxies /api/<service>/… there).
export CASE_INTAKE_URL="${CASE_INTAKE_URL:-http://127.0.0.1:${YRD_SERVICE_PORT[case-intake]}}"
export CLUE_TRANSFER_URL="${CLUE_TRANSFER_URL:-http://127.0.0.1:${YRD_SERVICE_PORT[clue-transfer]}}"
export EVIDENCE_NOTARY_URL="${EVIDENCE_NOTARY_URL:-http://127.0.0.1:${YRD_SERVICE_PORT[evidence-notary]}}"
export NOTIFICATION_URL="${NOTIFICATION_URL:-http://127.0.0.1:${YRD_SERVICE_PORT[notification]}}"
export AUDIT_URL="${AUDIT_URL:-http://127.0.0.1:${YRD_SERVICE_PORT[audit]}}"

svc_pidfile() { echo "${YRD_LOCAL_DIR}/run/$1.pid"; }
svc_logfile() { echo "${YRD_LOCAL_DIR}/logs/$1.log"; }

svc_running() {
  local pidfile
  pidfile=$(svc_pidfile "$1")
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

svc_start() {
  local name=$1 port=${YRD_SERVICE_PORT[$1]}
  mkdir -p "${YRD_LOCAL_DIR}/run" "${YRD_LOCAL_DIR}/logs"
  if svc_running "$name"; then echo "  $name already running (pid $(cat "$(svc_pidfile "$name")"))"; return 0; fi
  # Each service authenticates to Kafka as its own principal (deploy/local/kafka.sh wrote its password).
  local cred="${YRD_KAFKA_CREDENTIALS_DIR}/${name}" sasl=()
  if [[ -s "$cred" ]]; then sasl=(KAFKA_SASL_USERNAME="$name" KAFKA_SASL_PASSWORD="$(cat "$cred")"); fi
  env "${sasl[@]}" PORT="$port" setsid nohup node "dist/apps/${name}/main.js" >>"$(svc_logfile "$name")" 2>&1 &
  echo $! >"$(svc_pidfile "$name")"
}

svc_wait_healthy() {
  local name=$1 port=${YRD_SERVICE_PORT[$1]} deadline=$((SECONDS + ${2:-90}))
  until curl -fsS "http://127.0.0.1:${port}/health" >/dev/null 2>&1; do
    if ! svc_running "$name"; then
      echo "  $name exited; last log lines:" >&2
      tail -n 30 "$(svc_logfile "$name")" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then echo "  $name not healthy in time; see $(svc_logfile "$name")" >&2; return 1; fi
    sleep 0.5
  done
  echo "  $name healthy on http://127.0.0.1:${port} (docs: /docs)"
}

svc_stop() {
  local name=$1 pidfile pid
  pidfile=$(svc_pidfile "$name")
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "  $name did not stop in 20 s; killing" >&2; kill -KILL "$pid"; }
  fi
  rm -f "$pidfile"
  echo "  $name stopped"
}

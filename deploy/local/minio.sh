#!/usr/bin/env bash
# Local MinIO (S3-compatible object storage for the evidence notary's S3 adapter).
#
#   deploy/local/minio.sh {install|start|stop|status|up|down|restart|logs|env}
#
# install  go install github.com/minio/minio@latest into $YRD_CACHE_DIR/minio (~3 min, cached)
# start    minio server on 127.0.0.1:$YRD_MINIO_PORT (console $YRD_MINIO_CONSOLE_PORT), data under
#          $YRD_LOCAL_DIR/data/minio, wait for /minio/health/live
# up       install + start            down  stop (SIGTERM, then wait)
# status   exit 0 only when the health endpoint answers 200
# env      print `export` lines for the S3 client settings (S3_ENDPOINT, S3_ACCESS_KEY_ID, ...)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "${HERE}/lib.sh"

# Settings live here rather than in env.sh so this script stays self-contained until it is hooked in.
YRD_MINIO_PORT="${YRD_MINIO_PORT:-19000}"
YRD_MINIO_CONSOLE_PORT="${YRD_MINIO_CONSOLE_PORT:-19001}"
YRD_MINIO_ROOT_USER="${YRD_MINIO_ROOT_USER:-yrdminio}"
YRD_MINIO_ROOT_PASSWORD="${YRD_MINIO_ROOT_PASSWORD:-yrdminio-local-secret}"
YRD_MINIO_READY_TIMEOUT="${YRD_MINIO_READY_TIMEOUT:-60}"
YRD_MINIO_STOP_TIMEOUT="${YRD_MINIO_STOP_TIMEOUT:-30}"

MINIO_BIN_DIR="${YRD_CACHE_DIR}/minio"
MINIO_BIN="${MINIO_BIN_DIR}/minio"
MINIO_DATA="${YRD_DATA_DIR}/minio"
MINIO_PID="${YRD_RUN_DIR}/minio.pid"
MINIO_LOG="${YRD_LOGS_DIR}/minio.log"
MINIO_ADDR="127.0.0.1:${YRD_MINIO_PORT}"
MINIO_MARKERS=("${MINIO_BIN}" server "${MINIO_ADDR}")

health_ok() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://${MINIO_ADDR}/minio/health/live" 2>/dev/null)" == 200 ]]
}

cmd_install() {
  yrd_ensure_dirs
  if [[ -x "${MINIO_BIN}" ]]; then
    yrd_log "minio: ${MINIO_BIN} available (cached)"
    return 0
  fi
  command -v go >/dev/null 2>&1 || yrd_die "minio: go not found (needed to build MinIO from its Go module)"
  yrd_lock minio-install
  local start
  start="$(yrd_now)"
  yrd_log "minio: go install github.com/minio/minio@latest (takes ~3 min) ..."
  mkdir -p "${MINIO_BIN_DIR}"
  GOBIN="${MINIO_BIN_DIR}" go install github.com/minio/minio@latest >"${YRD_LOGS_DIR}/minio-install.log" 2>&1 || {
    yrd_tail_logs "${YRD_LOGS_DIR}/minio-install.log"
    yrd_die "minio: go install failed"
  }
  yrd_log "minio: built ${MINIO_BIN} in $(yrd_since "${start}")s"
}

cmd_start() {
  yrd_lock minio
  [[ -x "${MINIO_BIN}" ]] || yrd_die "minio: not installed: run $0 install"
  local pid start
  start="$(yrd_now)"
  if pid="$(yrd_pid_alive "${MINIO_PID}" "${MINIO_MARKERS[@]}")"; then
    yrd_log "minio: already running (pid ${pid})"
  else
    if [[ -e "${MINIO_PID}" ]]; then
      yrd_log "minio: removing stale pid file"
      rm -f "${MINIO_PID}"
    fi
    local port
    for port in "${YRD_MINIO_PORT}" "${YRD_MINIO_CONSOLE_PORT}"; do
      if yrd_port_busy "${port}"; then
        yrd_die "minio: port ${port} is already in use by $(yrd_port_owner "${port}") — set YRD_MINIO_PORT / YRD_MINIO_CONSOLE_PORT"
      fi
    done
    mkdir -p "${MINIO_DATA}"
    MINIO_ROOT_USER="${YRD_MINIO_ROOT_USER}" MINIO_ROOT_PASSWORD="${YRD_MINIO_ROOT_PASSWORD}" \
      MINIO_BROWSER=off MINIO_UPDATE=off \
      setsid nohup "${MINIO_BIN}" server "${MINIO_DATA}" --address "${MINIO_ADDR}" \
      --console-address "127.0.0.1:${YRD_MINIO_CONSOLE_PORT}" --quiet \
      </dev/null >>"${MINIO_LOG}" 2>&1 9>&- &
    echo $! >"${MINIO_PID}"
  fi
  local deadline=$((SECONDS + YRD_MINIO_READY_TIMEOUT))
  until health_ok; do
    if ! pid="$(yrd_pid_alive "${MINIO_PID}" "${MINIO_MARKERS[@]}")"; then
      yrd_tail_logs "${MINIO_LOG}"
      yrd_die "minio: server exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      yrd_tail_logs "${MINIO_LOG}"
      yrd_die "minio: not healthy after ${YRD_MINIO_READY_TIMEOUT}s"
    fi
    sleep 0.3
  done
  pid="$(yrd_pid_alive "${MINIO_PID}" "${MINIO_MARKERS[@]}")"
  yrd_log "minio: ready on http://${MINIO_ADDR} (pid ${pid}, $(yrd_since "${start}")s)"
}

cmd_stop() {
  yrd_lock minio
  yrd_stop_pid minio "${MINIO_PID}" "${YRD_MINIO_STOP_TIMEOUT}" "${MINIO_MARKERS[@]}"
}

cmd_status() {
  local pid
  if ! pid="$(yrd_pid_alive "${MINIO_PID}" "${MINIO_MARKERS[@]}")"; then
    yrd_row minio stopped "${MINIO_ADDR}" - "$(yrd_stale_note "${MINIO_PID}")"
    return 1
  fi
  if health_ok; then
    yrd_row minio healthy "${MINIO_ADDR}" "${pid}" "S3 API; data ${MINIO_DATA}"
    return 0
  fi
  yrd_row minio unhealthy "${MINIO_ADDR}" "${pid}" "health check failed (see ${MINIO_LOG})"
  return 1
}

cmd_env() {
  cat <<ENV
export S3_ENDPOINT=http://${MINIO_ADDR}
export S3_REGION=us-east-1
export S3_ACCESS_KEY_ID=${YRD_MINIO_ROOT_USER}
export S3_SECRET_ACCESS_KEY=${YRD_MINIO_ROOT_PASSWORD}
export S3_FORCE_PATH_STYLE=true
ENV
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop | down) cmd_stop ;;
  status) cmd_status ;;
  up)
    cmd_install
    cmd_start
    ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  logs)
    shift
    tail -n "${YRD_TAIL_LINES:-40}" "$@" "${MINIO_LOG}"
    ;;
  env) cmd_env ;;
  apt-packages) ;; # built from its Go module: nothing from apt
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

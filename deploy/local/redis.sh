#!/usr/bin/env bash
# Local Redis (Debian's redis-server; our own instance, not the system service).
#
#   deploy/local/redis.sh {install|start|stop|status|up|down|restart|logs|cli ARGS...|apt-packages}
#
# install  apt-get install redis-server if redis-server/redis-cli are missing
# start    redis-server on 127.0.0.1:$YRD_REDIS_PORT, AOF (everysec), no RDB snapshots,
#          maxmemory-policy noeviction (BullMQ needs it), wait for PONG
# up       install + start            down  stop (SIGTERM: Redis flushes the AOF and exits)
# status   exit 0 only when `redis-cli ping` answers PONG
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "${HERE}/lib.sh"

REDIS_DATA="${YRD_DATA_DIR}/redis"
REDIS_PID="${YRD_RUN_DIR}/redis.pid"
REDIS_LOG="${YRD_LOGS_DIR}/redis.log"
REDIS_ADDR="127.0.0.1:${YRD_REDIS_PORT}"
# redis-server rewrites its process title to "redis-server 127.0.0.1:<port>"
REDIS_MARKERS=(redis-server "${REDIS_ADDR}")

apt_packages() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    echo redis-server
  fi
}

ping_ok() {
  [[ "$(timeout 5 redis-cli -h 127.0.0.1 -p "${YRD_REDIS_PORT}" ping 2>/dev/null)" == PONG ]]
}

cmd_install() {
  yrd_ensure_dirs
  local pkgs
  mapfile -t pkgs < <(apt_packages)
  yrd_apt_install "${pkgs[@]}"
  command -v redis-server >/dev/null 2>&1 || yrd_die "redis-server still missing after install"
  yrd_log "redis: redis-server $(redis-server --version | awk '{print $3}' | tr -d 'v=') available"
}

cmd_start() {
  yrd_lock redis
  command -v redis-server >/dev/null 2>&1 || yrd_die "redis-server not installed: run $0 install"
  local pid start
  start="$(yrd_now)"
  if pid="$(yrd_pid_alive "${REDIS_PID}" "${REDIS_MARKERS[@]}")"; then
    yrd_log "redis: already running (pid ${pid})"
  else
    if [[ -e "${REDIS_PID}" ]]; then
      yrd_log "redis: removing stale pid file"
      rm -f "${REDIS_PID}"
    fi
    if yrd_port_busy "${YRD_REDIS_PORT}"; then
      yrd_die "redis: port ${YRD_REDIS_PORT} is already in use by $(yrd_port_owner "${YRD_REDIS_PORT}") — set YRD_REDIS_PORT"
    fi
    mkdir -p "${REDIS_DATA}"
    redis-server --port "${YRD_REDIS_PORT}" --bind 127.0.0.1 --dir "${REDIS_DATA}" \
      --appendonly yes --appendfsync everysec --save '' --maxmemory-policy noeviction \
      --daemonize yes --pidfile "${REDIS_PID}" --logfile "${REDIS_LOG}" \
      </dev/null >/dev/null 2>&1 9>&- || {
      yrd_tail_logs "${REDIS_LOG}"
      yrd_die "redis: redis-server failed to start"
    }
  fi
  local deadline=$((SECONDS + YRD_REDIS_READY_TIMEOUT))
  until ping_ok; do
    if ((SECONDS >= deadline)); then
      yrd_tail_logs "${REDIS_LOG}"
      yrd_die "redis: no PONG after ${YRD_REDIS_READY_TIMEOUT}s"
    fi
    sleep 0.2
  done
  # the daemonized server writes its pid file itself; wait for it so status/stop can find it
  until pid="$(yrd_pid_alive "${REDIS_PID}" "${REDIS_MARKERS[@]}")"; do
    ((SECONDS < deadline)) || yrd_die "redis: answers PONG but ${REDIS_PID} names no live redis-server"
    sleep 0.1
  done
  yrd_log "redis: ready on redis://${REDIS_ADDR} (pid ${pid}, $(yrd_since "${start}")s)"
}

cmd_stop() {
  yrd_lock redis
  yrd_stop_pid redis "${REDIS_PID}" 30 "${REDIS_MARKERS[@]}"
}

cmd_status() {
  local pid
  if ! pid="$(yrd_pid_alive "${REDIS_PID}" "${REDIS_MARKERS[@]}")"; then
    yrd_row redis stopped "${REDIS_ADDR}" - "$(yrd_stale_note "${REDIS_PID}")"
    return 1
  fi
  if ping_ok; then
    yrd_row redis healthy "${REDIS_ADDR}" "${pid}" "Redis $(redis-server --version | awk '{print $3}' | tr -d 'v='); PONG; AOF everysec, noeviction"
    return 0
  fi
  yrd_row redis unhealthy "${REDIS_ADDR}" "${pid}" "no PONG (see ${REDIS_LOG})"
  return 1
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
    tail -n "${YRD_TAIL_LINES:-40}" "$@" "${REDIS_LOG}"
    ;;
  cli)
    shift
    exec redis-cli -h 127.0.0.1 -p "${YRD_REDIS_PORT}" "$@"
    ;;
  apt-packages) apt_packages ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

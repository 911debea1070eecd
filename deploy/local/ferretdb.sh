#!/usr/bin/env bash
# Local PostgreSQL 15 (our own cluster, own port) + FerretDB v1.24.2 (MongoDB wire protocol) on it.
#
#   deploy/local/ferretdb.sh {install|start|stop|status|up|down|restart|logs|psql ARGS...|apt-packages}
#
# install  apt-get install postgresql if /usr/lib/postgresql/15/bin/postgres is missing;
#          build the launcher (deploy/local/ferretdb/) into $YRD_CACHE_DIR/ferretdb-launcher
#          (rebuilt when main.go/go.mod/go.sum change)
# start    initdb once (as the `postgres` user when root), start PostgreSQL on 127.0.0.1:$YRD_PG_PORT,
#          create database `ferretdb`, start FerretDB on 127.0.0.1:$YRD_MONGO_PORT, wait for a real ping
# up       install + start            down  stop FerretDB (SIGTERM) then PostgreSQL (fast shutdown)
# status   exit 0 only when PostgreSQL answers SQL and FerretDB answers ping + listDatabases
# psql     open psql on the ferretdb database (e.g. to add GIN expression indexes)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "${HERE}/lib.sh"

LAUNCHER_SRC="${HERE}/ferretdb"
LAUNCHER_BIN="${YRD_CACHE_DIR}/ferretdb-launcher"
LAUNCHER_HASH="${YRD_CACHE_DIR}/ferretdb-launcher.sha256"
FERRET_PID="${YRD_RUN_DIR}/ferretdb.pid"
FERRET_LOG="${YRD_LOGS_DIR}/ferretdb.log"
FERRET_ADDR="127.0.0.1:${YRD_MONGO_PORT}"
FERRET_MARKERS=(ferretdb-launcher "${FERRET_ADDR}")
PG_DB=ferretdb
PG_URL_FOR_FERRET="postgres://postgres@127.0.0.1:${YRD_PG_PORT}/${PG_DB}"

PGDATA_DIR="${YRD_DATA_DIR}/pg"
PG_LOG="${YRD_LOGS_DIR}/postgres.log"
PG_SOCK="${YRD_RUN_DIR}/pg"
# Unix socket paths are limited to ~107 bytes: fall back to /tmp for deep checkouts.
if ((${#PG_SOCK} + 20 > 100)); then
  PG_SOCK="/tmp/yrd-pg-$(printf '%s' "${YRD_LOCAL_DIR}" | sha256sum | cut -c1-10)"
fi

if [[ ${EUID} -eq 0 ]]; then PG_OS_USER=postgres; else PG_OS_USER="$(id -un)"; fi

# Run a PostgreSQL server binary as the non-root cluster owner.
pg_run() {
  if [[ ${EUID} -eq 0 ]]; then
    (cd / && runuser -u "${PG_OS_USER}" -- "$@")
  else
    (cd / && "$@")
  fi
}

psql_q() {
  "${YRD_PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${PG_SOCK}" -p "${YRD_PG_PORT}" -U postgres "$@"
}

apt_packages() {
  [[ -x "${YRD_PG_BIN}/postgres" ]] || echo postgresql
}

launcher_hash() {
  {
    cat "${LAUNCHER_SRC}/main.go" "${LAUNCHER_SRC}/go.mod" "${LAUNCHER_SRC}/go.sum"
    go version 2>/dev/null || true
  } | sha256sum | cut -d' ' -f1
}

find_go() {
  if command -v go >/dev/null 2>&1; then return 0; fi
  if [[ -x /usr/local/go/bin/go ]]; then
    PATH="/usr/local/go/bin:${PATH}"
    return 0
  fi
  yrd_die "Go not found: install Go >= 1.21 from https://go.dev/dl (Debian's golang-go is too old for FerretDB v1.24, which needs 1.24; newer Go fetches that toolchain itself)"
}

build_launcher() {
  find_go
  local want
  want="$(launcher_hash)"
  if [[ -x "${LAUNCHER_BIN}" && -f "${LAUNCHER_HASH}" && "$(cat "${LAUNCHER_HASH}")" == "${want}" ]]; then
    yrd_log "ferretdb launcher: cached (${LAUNCHER_BIN})"
    return 0
  fi
  local start tmp
  start="$(yrd_now)"
  yrd_log "ferretdb launcher: building FerretDB v1.24.2 launcher with $(go version | cut -d' ' -f3) (about 1 min on a cold Go cache) ..."
  mkdir -p "${YRD_CACHE_DIR}"
  tmp="$(mktemp "${YRD_CACHE_DIR}/ferretdb-launcher.tmp.XXXXXX")"
  if ! (cd "${LAUNCHER_SRC}" && CGO_ENABLED=0 go build -mod=readonly -trimpath -ldflags='-s -w' -o "${tmp}" .) \
    >"${YRD_LOGS_DIR}/ferretdb-build.log" 2>&1; then
    rm -f "${tmp}"
    tail -n 30 "${YRD_LOGS_DIR}/ferretdb-build.log" >&2
    yrd_die "ferretdb launcher build failed (log: ${YRD_LOGS_DIR}/ferretdb-build.log)"
  fi
  chmod 755 "${tmp}"
  mv -f "${tmp}" "${LAUNCHER_BIN}"
  echo "${want}" >"${LAUNCHER_HASH}"
  yrd_log "ferretdb launcher: built in $(yrd_since "${start}")s"
}

cmd_install() {
  yrd_ensure_dirs
  local pkgs
  mapfile -t pkgs < <(apt_packages)
  yrd_apt_install "${pkgs[@]}"
  [[ -x "${YRD_PG_BIN}/postgres" ]] || yrd_die "${YRD_PG_BIN}/postgres still missing after install"
  if [[ ${EUID} -eq 0 ]] && ! id -u "${PG_OS_USER}" >/dev/null 2>&1; then
    yrd_die "user '${PG_OS_USER}' missing (the postgresql package creates it)"
  fi
  build_launcher
}

# The cluster owner must be able to reach its data dir, socket dir and log file.
prepare_pg_dirs() {
  yrd_ensure_dirs
  mkdir -p "${PGDATA_DIR}" "${PG_SOCK}"
  touch "${PG_LOG}"
  if [[ ${EUID} -eq 0 ]]; then
    chown "${PG_OS_USER}:" "${PGDATA_DIR}" "${PG_SOCK}" "${PG_LOG}"
    local d="${YRD_DATA_DIR}"
    while [[ "${d}" != "/" && -n "${d}" ]]; do
      if ! runuser -u "${PG_OS_USER}" -- test -x "${d}"; then
        chmod o+x "${d}"
        yrd_log "postgresql: chmod o+x ${d} (so '${PG_OS_USER}' can reach its data dir)"
      fi
      d="$(dirname "${d}")"
    done
  fi
  chmod 700 "${PGDATA_DIR}"
}

pg_pid() { head -n 1 "${PGDATA_DIR}/postmaster.pid" 2>/dev/null || echo -; }

# Running = postmaster.pid names a live (non-zombie) process and pg_ctl agrees. pg_ctl alone
# says "running" for a killed postmaster that is still an unreaped zombie.
pg_running() {
  local pid
  pid="$(pg_pid)"
  [[ "${pid}" =~ ^[0-9]+$ ]] && yrd_proc_live "${pid}" &&
    pg_run "${YRD_PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" status >/dev/null 2>&1
}

# After a crash (kill -9) the postmaster may linger as a zombie until PID 1 reaps it; PostgreSQL
# would then refuse to start ("lock file already exists"). Wait for the reaping, then clear the lock.
clear_stale_pg_lock() {
  local pid deadline=$((SECONDS + 10))
  pid="$(pg_pid)"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 0
  yrd_proc_live "${pid}" && return 0
  while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "${pid}" 2>/dev/null; then
    yrd_warn "postgresql: crashed postmaster ${pid} is an unreaped zombie; removing its postmaster.pid"
    rm -f "${PGDATA_DIR}/postmaster.pid"
  fi
}

start_pg() {
  local start
  start="$(yrd_now)"
  prepare_pg_dirs
  if [[ ! -s "${PGDATA_DIR}/PG_VERSION" ]]; then
    yrd_log "postgresql: initdb ${PGDATA_DIR} (owner ${PG_OS_USER}) ..."
    pg_run "${YRD_PG_BIN}/initdb" -D "${PGDATA_DIR}" -U postgres --auth=trust -E UTF8 --no-locale \
      >"${YRD_LOGS_DIR}/initdb.log" 2>&1 || {
      cat "${YRD_LOGS_DIR}/initdb.log" >&2
      yrd_die "initdb failed"
    }
    cat >>"${PGDATA_DIR}/postgresql.conf" <<'EOF'

# --- deploy/local/ferretdb.sh (port, socket dir and listen address are passed by pg_ctl -o) ---
max_connections = 200
shared_buffers = 128MB
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = -1
EOF
    # only loopback, trust (local development only)
    cat >"${PGDATA_DIR}/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
host    all       all   ::1/128        trust
EOF
    [[ ${EUID} -ne 0 ]] || chown "${PG_OS_USER}:" "${PGDATA_DIR}/postgresql.conf" "${PGDATA_DIR}/pg_hba.conf"
  fi

  if pg_running; then
    local running_port
    running_port="$(sed -n 4p "${PGDATA_DIR}/postmaster.pid" 2>/dev/null || true)"
    if [[ -n "${running_port}" && "${running_port}" != "${YRD_PG_PORT}" ]]; then
      yrd_warn "postgresql is running on port ${running_port}, not ${YRD_PG_PORT}: run '$0 restart'"
    fi
    yrd_log "postgresql: already running (pid $(pg_pid))"
  else
    clear_stale_pg_lock
    if yrd_port_busy "${YRD_PG_PORT}"; then
      yrd_die "postgresql: port ${YRD_PG_PORT} is already in use by $(yrd_port_owner "${YRD_PG_PORT}") — set YRD_PG_PORT"
    fi
    printf '\n===== %s starting postgresql =====\n' "$(date -Is)" >>"${PG_LOG}"
    if ! pg_run "${YRD_PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" -l "${PG_LOG}" -w -t "${YRD_PG_READY_TIMEOUT}" \
      -o "-p ${YRD_PG_PORT} -k ${PG_SOCK} -c listen_addresses=127.0.0.1" start \
      </dev/null >"${YRD_RUN_DIR}/pg_ctl.out" 2>&1 9>&-; then
      cat "${YRD_RUN_DIR}/pg_ctl.out" >&2
      yrd_tail_logs "${PG_LOG}"
      yrd_die "postgresql: failed to start"
    fi
  fi

  if [[ "$(psql_q -d postgres -tAc "select 1 from pg_database where datname = '${PG_DB}'")" != 1 ]]; then
    psql_q -d postgres -c "create database ${PG_DB}"
    yrd_log "postgresql: created database ${PG_DB}"
  fi
  # Custom plans let the GIN expression indexes on FerretDB's tables be used (toolchain notes).
  psql_q -d postgres -c "alter database ${PG_DB} set plan_cache_mode = force_custom_plan"
  # Nothing waits forever: FerretDB v1 holds its metadata lock while a DDL statement (a dropped
  # database or collection) waits for a table lock, and every other operation of every database
  # queues behind it. A stale backend (a cursor nobody reads, stuck in ClientWrite) once froze the
  # whole system that way for 16 minutes. With lock_timeout the DDL fails after 5 s instead, and a
  # session idle inside a transaction is ended after a minute.
  psql_q -d postgres -c "alter database ${PG_DB} set lock_timeout = '5s'"
  psql_q -d postgres -c "alter database ${PG_DB} set idle_in_transaction_session_timeout = '60s'"
  yrd_log "postgresql: ready on 127.0.0.1:${YRD_PG_PORT} (pid $(pg_pid), $(yrd_since "${start}")s)"
}

ferret_ping() {
  "${LAUNCHER_BIN}" ping -addr "${FERRET_ADDR}" -timeout "${1:-3s}" >/dev/null 2>&1
}

start_ferret() {
  local pid start
  start="$(yrd_now)"
  if pid="$(yrd_pid_alive "${FERRET_PID}" "${FERRET_MARKERS[@]}")"; then
    if [[ "$(readlink "/proc/${pid}/exe" 2>/dev/null || true)" == *"(deleted)" ]]; then
      yrd_warn "ferretdb (pid ${pid}) runs an older launcher binary: run '$0 restart' to pick up the new one"
    fi
    yrd_log "ferretdb: already running (pid ${pid})"
  else
    if [[ -e "${FERRET_PID}" ]]; then
      yrd_log "ferretdb: removing stale pid file"
      rm -f "${FERRET_PID}"
    fi
    if yrd_port_busy "${YRD_MONGO_PORT}"; then
      yrd_die "ferretdb: port ${YRD_MONGO_PORT} is already in use by $(yrd_port_owner "${YRD_MONGO_PORT}") — set YRD_MONGO_PORT"
    fi
    printf '\n===== %s starting ferretdb =====\n' "$(date -Is)" >>"${FERRET_LOG}"
    setsid nohup "${LAUNCHER_BIN}" run -listen "${FERRET_ADDR}" -postgresql-url "${PG_URL_FOR_FERRET}" \
      </dev/null >>"${FERRET_LOG}" 2>&1 9>&- &
    pid=$!
    echo "${pid}" >"${FERRET_PID}"
  fi
  local deadline=$((SECONDS + YRD_FERRETDB_READY_TIMEOUT))
  until ferret_ping 2s; do
    if ! yrd_proc_live "${pid}"; then
      yrd_tail_logs "${FERRET_LOG}"
      yrd_die "ferretdb: process ${pid} exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      yrd_tail_logs "${FERRET_LOG}"
      yrd_die "ferretdb: no ping answer after ${YRD_FERRETDB_READY_TIMEOUT}s"
    fi
    sleep 0.3
  done
  yrd_log "ferretdb: ready on mongodb://${FERRET_ADDR} (pid ${pid}, $(yrd_since "${start}")s)"
}

cmd_start() {
  yrd_lock ferretdb
  [[ -x "${YRD_PG_BIN}/postgres" ]] || yrd_die "PostgreSQL 15 not installed: run $0 install"
  [[ -x "${LAUNCHER_BIN}" ]] || yrd_die "ferretdb launcher not built: run $0 install"
  start_pg
  start_ferret
}

cmd_stop() {
  yrd_lock ferretdb
  yrd_stop_pid ferretdb "${FERRET_PID}" 20 "${FERRET_MARKERS[@]}"
  if [[ -d "${PGDATA_DIR}" ]] && pg_running; then
    local start pid
    start="$(yrd_now)"
    pid="$(pg_pid)"
    pg_run "${YRD_PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" -m fast -w -t 60 stop >/dev/null
    yrd_log "postgresql: stopped (pid ${pid}, $(yrd_since "${start}")s)"
  else
    yrd_log "postgresql: not running"
  fi
}

cmd_status() {
  local rc=0 pid
  if [[ -d "${PGDATA_DIR}" ]] && pg_running; then
    if [[ "$("${YRD_PG_BIN}/psql" -X -h 127.0.0.1 -p "${YRD_PG_PORT}" -U postgres -d "${PG_DB}" \
      -tAc 'select 1' 2>/dev/null)" == 1 ]]; then
      yrd_row postgresql healthy "127.0.0.1:${YRD_PG_PORT}" "$(pg_pid)" "PostgreSQL $("${YRD_PG_BIN}/postgres" -V | awk '{print $3}'), db ${PG_DB}"
    else
      yrd_row postgresql unhealthy "127.0.0.1:${YRD_PG_PORT}" "$(pg_pid)" "running but SQL on db ${PG_DB} failed"
      rc=1
    fi
  else
    yrd_row postgresql stopped "127.0.0.1:${YRD_PG_PORT}" - ""
    rc=1
  fi
  if pid="$(yrd_pid_alive "${FERRET_PID}" "${FERRET_MARKERS[@]}")"; then
    if [[ -x "${LAUNCHER_BIN}" ]] && ferret_ping 3s; then
      yrd_row ferretdb healthy "${FERRET_ADDR}" "${pid}" "FerretDB v1.24.2 (postgresql); upsert + ping through PostgreSQL OK"
    else
      yrd_row ferretdb unhealthy "${FERRET_ADDR}" "${pid}" "no ping answer (see ${FERRET_LOG})"
      rc=1
    fi
  else
    yrd_row ferretdb stopped "${FERRET_ADDR}" - "$(yrd_stale_note "${FERRET_PID}")"
    rc=1
  fi
  return "${rc}"
}

cmd_logs() {
  tail -n "${YRD_TAIL_LINES:-40}" "$@" "${PG_LOG}" "${FERRET_LOG}"
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
    cmd_logs "$@"
    ;;
  psql)
    shift
    exec "${YRD_PG_BIN}/psql" -X -h 127.0.0.1 -p "${YRD_PG_PORT}" -U postgres -d "${PG_DB}" "$@"
    ;;
  apt-packages) apt_packages ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

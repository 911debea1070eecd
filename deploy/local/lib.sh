# shellcheck shell=bash
# Helpers shared by deploy/local/*.sh. Sourced, not executed.

YRD_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "${YRD_LIB_DIR}/env.sh"

YRD_RUN_DIR="${YRD_LOCAL_DIR}/run"
YRD_DATA_DIR="${YRD_LOCAL_DIR}/data"
YRD_LOGS_DIR="${YRD_LOCAL_DIR}/logs"
YRD_CONF_DIR="${YRD_LOCAL_DIR}/conf"

yrd_log() { printf '%s\n' "$*"; }
yrd_warn() { printf 'WARN: %s\n' "$*" >&2; }
yrd_die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

yrd_now() { date +%s.%N; }
# yrd_since START -> seconds elapsed with one decimal
yrd_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

yrd_ensure_dirs() {
  mkdir -p "${YRD_RUN_DIR}" "${YRD_DATA_DIR}" "${YRD_LOGS_DIR}" "${YRD_CONF_DIR}" "${YRD_CACHE_DIR}"
}

# Exclusive lock per component so two concurrent `up`/`down` do not race.
# The lock fd (9) must not leak into daemons: start them with `9>&-`.
yrd_lock() {
  yrd_ensure_dirs
  exec 9>"${YRD_RUN_DIR}/$1.lock"
  flock -w 600 9 || yrd_die "could not lock ${YRD_RUN_DIR}/$1.lock"
}

# yrd_proc_live PID : process exists and is not a zombie. Zombies matter here: daemons are
# re-parented to PID 1, and a container/VM init may reap them late (seen: every ~2 s).
yrd_proc_live() {
  local st
  kill -0 "$1" 2>/dev/null || return 1
  st="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n "${st}" && "${st}" != Z && "${st}" != X ]]
}

# yrd_pid_alive PIDFILE MARKER... : prints the pid and returns 0 when the pid file names a live
# process whose command line contains every MARKER (guards against stale files and pid reuse).
yrd_pid_alive() {
  local pidfile="$1" pid cmdline m
  shift
  [[ -s "${pidfile}" ]] || return 1
  pid="$(tr -dc '0-9' <"${pidfile}")"
  [[ -n "${pid}" ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null || true)"
  # a zombie has an empty cmdline: treat as dead
  [[ -n "${cmdline}" ]] || return 1
  for m in "$@"; do
    [[ "${cmdline}" == *"${m}"* ]] || return 1
  done
  printf '%s' "${pid}"
}

yrd_stale_note() { if [[ -e "$1" ]]; then echo 'stale pid file'; fi; }

# yrd_port_busy PORT : 0 if something listens on 127.0.0.1:PORT (or any address)
yrd_port_busy() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :${port}" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null
  fi
}

# yrd_port_owner PORT : best-effort "pid/name" of the listener
yrd_port_owner() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\2 \1/p' | head -1
}

# yrd_stop_pid NAME PIDFILE TIMEOUT MARKER... : SIGTERM, wait up to TIMEOUT s, SIGKILL as last resort.
yrd_stop_pid() {
  local name="$1" pidfile="$2" timeout="$3" pid start
  shift 3
  if ! pid="$(yrd_pid_alive "${pidfile}" "$@")"; then
    rm -f "${pidfile}"
    yrd_log "${name}: not running"
    return 0
  fi
  start="$(yrd_now)"
  kill -TERM "${pid}" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while yrd_proc_live "${pid}"; do
    if ((SECONDS >= deadline)); then
      yrd_warn "${name} (pid ${pid}) still alive after ${timeout}s, sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "${pidfile}"
  yrd_log "${name}: stopped (pid ${pid}, $(yrd_since "${start}")s)"
}

# Run a command as root (directly, or with sudo when not root).
yrd_as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    yrd_die "need root (or sudo) to run: $*"
  fi
}

# yrd_apt_install PKG... : installs missing Debian packages without starting their system services.
yrd_apt_install() {
  (($# > 0)) || return 0
  command -v apt-get >/dev/null 2>&1 || yrd_die "apt-get not found: install $* yourself"
  local start policy="/usr/sbin/policy-rc.d" created_policy=0
  yrd_ensure_dirs
  start="$(yrd_now)"
  yrd_log "apt: installing $* ..."
  # Keep the packages from starting their own system services (we run our own instances).
  if [[ ! -e "${policy}" ]]; then
    yrd_as_root sh -c "printf '#!/bin/sh\nexit 101\n' > '${policy}' && chmod 755 '${policy}'"
    created_policy=1
  fi
  local rc=0
  {
    yrd_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq update &&
      yrd_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq -y \
        install "$@"
  } >"${YRD_LOGS_DIR}/apt.log" 2>&1 || rc=$?
  if ((created_policy)); then yrd_as_root rm -f "${policy}"; fi
  if ((rc != 0)); then
    tail -n 20 "${YRD_LOGS_DIR}/apt.log" >&2
    yrd_die "apt-get install $* failed (full log: ${YRD_LOGS_DIR}/apt.log)"
  fi
  yrd_log "apt: installed $* in $(yrd_since "${start}")s"
}

# yrd_hash FILE... : one sha256 over the given files
yrd_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }

# Status rows, one per server. YRD_ROWS_FILE collects them for infra.sh's table.
yrd_row() {
  local line
  line="$(printf '%-11s %-10s %-17s %-8s %s' "$1" "$2" "$3" "${4:--}" "${5:-}")"
  if [[ -n "${YRD_ROWS_FILE:-}" ]]; then
    printf '%s\n' "${line}" >>"${YRD_ROWS_FILE}"
  else
    printf '%s\n' "${line}"
  fi
}
yrd_row_header() { printf '%-11s %-10s %-17s %-8s %s\n' COMPONENT STATE ADDRESS PID DETAIL; }

# yrd_tail_logs FILE... : show the end of logs after a failure
yrd_tail_logs() {
  local f
  for f in "$@"; do
    [[ -s "${f}" ]] || continue
    printf -- '----- last lines of %s -----\n' "${f}" >&2
    tail -n "${YRD_TAIL_LINES:-30}" "${f}" >&2
  done
}

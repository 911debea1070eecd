#!/usr/bin/env bash
# Local real infrastructure: Kafka 3.9.1 (KRaft), PostgreSQL 15 + FerretDB v1.24.2, Redis, MinIO (S3).
#
#   deploy/local/infra.sh up      [COMPONENT...]   install what is missing, start, wait for health, print status
#   deploy/local/infra.sh down    [COMPONENT...]   stop cleanly (Kafka: SIGTERM and wait)
#   deploy/local/infra.sh restart [COMPONENT...]
#   deploy/local/infra.sh status                   print the status table; exit 0 only if all healthy
#   deploy/local/infra.sh logs    [COMPONENT] [-f] tail the server logs (YRD_TAIL_LINES, default 40)
#   deploy/local/infra.sh install [COMPONENT...]   install/fetch/build only, start nothing
#   deploy/local/infra.sh env                      print `export` lines:  eval "$(deploy/local/infra.sh env)"
#
# COMPONENT: kafka | ferretdb (PostgreSQL + FerretDB) | redis | minio.   Settings: deploy/local/env.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "${HERE}/lib.sh"

ALL=(kafka ferretdb redis minio)

components() {
  if (($# == 0)); then
    printf '%s\n' "${ALL[@]}"
    return
  fi
  local c
  for c in "$@"; do
    case "${c}" in
      kafka | ferretdb | redis | minio) echo "${c}" ;;
      postgres | postgresql | pg | mongo) echo ferretdb ;;
      *) yrd_die "unknown component '${c}' (kafka, ferretdb, redis, minio)" ;;
    esac
  done | awk '!seen[$0]++'
}

# parse_components ARGS... -> COMPS array (dies on an unknown name)
parse_components() {
  local out
  out="$(components "$@")" || exit 1
  mapfile -t COMPS <<<"${out}"
}

# run_parallel ACTION COMPONENT... : runs "<component>.sh ACTION" concurrently, output prefixed.
run_parallel() {
  local action="$1" c rc=0
  shift
  local -A pids=()
  for c in "$@"; do
    (
      set +e
      "${HERE}/${c}.sh" "${action}" 2>&1 | sed -u "s/^/[${c}] /"
      exit "${PIPESTATUS[0]}"
    ) &
    pids[${c}]=$!
  done
  for c in "$@"; do
    if ! wait "${pids[${c}]}"; then
      rc=1
      echo "[${c}] FAILED: ${action}" >&2
    fi
  done
  return "${rc}"
}

# One apt-get run for everything missing (parallel apt-get calls would fight over the dpkg lock).
apt_prestep() {
  local c pkgs=()
  for c in "$@"; do
    mapfile -t -O "${#pkgs[@]}" pkgs < <("${HERE}/${c}.sh" apt-packages)
  done
  if ((${#pkgs[@]})); then
    yrd_apt_install "${pkgs[@]}"
  fi
}

print_status() {
  local rows c rc=0
  rows="$(mktemp)"
  local -A pids=()
  # status checks run concurrently (Kafka's probe starts two small JVMs)
  for c in "${ALL[@]}"; do
    YRD_ROWS_FILE="${rows}.${c}" "${HERE}/${c}.sh" status >/dev/null 2>&1 &
    pids[${c}]=$!
  done
  for c in "${ALL[@]}"; do wait "${pids[${c}]}" || rc=1; done
  yrd_row_header
  for c in "${ALL[@]}"; do
    if [[ -s "${rows}.${c}" ]]; then cat "${rows}.${c}"; else yrd_row "${c}" unknown - - "status check failed"; fi
    rm -f "${rows}.${c}"
  done
  rm -f "${rows}"
  return "${rc}"
}

print_env() {
  local v
  for v in YRD_REPO_DIR YRD_LOCAL_DIR YRD_CACHE_DIR YRD_KAFKA_PORT YRD_KAFKA_CONTROLLER_PORT YRD_PG_PORT \
    YRD_MONGO_PORT YRD_REDIS_PORT KAFKA_BROKERS MONGO_URL REDIS_URL YRD_PG_URL YRD_KAFKA_CREDENTIALS_DIR; do
    printf 'export %s=%q\n' "${v}" "${!v}"
  done
}

action="${1:-}"
shift || true
case "${action}" in
  up)
    start="$(yrd_now)"
    parse_components "$@"
    yrd_ensure_dirs
    apt_prestep "${COMPS[@]}"
    rc=0
    run_parallel up "${COMPS[@]}" || rc=$?
    echo
    print_status || rc=1
    echo
    if ((rc == 0)); then
      echo "infra up: all healthy in $(yrd_since "${start}")s. Data/logs: ${YRD_LOCAL_DIR}. Use: source deploy/local/env.sh"
    else
      echo "infra up: NOT healthy after $(yrd_since "${start}")s — see messages above and '$0 logs'" >&2
    fi
    exit "${rc}"
    ;;
  install)
    parse_components "$@"
    yrd_ensure_dirs
    apt_prestep "${COMPS[@]}"
    run_parallel install "${COMPS[@]}"
    ;;
  down | stop)
    start="$(yrd_now)"
    parse_components "$@"
    run_parallel stop "${COMPS[@]}"
    echo "infra down: done in $(yrd_since "${start}")s"
    ;;
  restart)
    "$0" down "$@"
    exec "$0" up "$@"
    ;;
  status)
    print_status
    ;;
  logs)
    follow=()
    comps=()
    for a in "$@"; do
      case "${a}" in
        -f | --follow) follow=(-F) ;;
        *) comps+=("${a}") ;;
      esac
    done
    parse_components "${comps[@]}"
    for c in "${COMPS[@]}"; do
      if ((${#follow[@]})); then
        "${HERE}/${c}.sh" logs -F &
      else
        "${HERE}/${c}.sh" logs || true
      fi
    done
    if ((${#follow[@]})); then wait; fi
    ;;
  env)
    print_env
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

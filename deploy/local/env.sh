# shellcheck shell=bash
# Environment for the local real infrastructure (Kafka, PostgreSQL + FerretDB, Redis).
#
#   source deploy/local/env.sh      # in your shell, before running services or tests
#
# Every variable is only set when it is unset, so you can override any of them, e.g.
#   YRD_KAFKA_PORT=29092 deploy/local/infra.sh up
# Note: the app-facing URLs (KAFKA_BROKERS, MONGO_URL, REDIS_URL) are derived from the ports
# the first time this file is sourced; if you change a port later in the same shell, unset them.
# This file must stay safe to source from an interactive shell: no `set -e`, no exit.

_yrd_env_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Where things live
export YRD_REPO_DIR="${YRD_REPO_DIR:-$(cd "${_yrd_env_dir}/../.." && pwd)}"
export YRD_LOCAL_DIR="${YRD_LOCAL_DIR:-${YRD_REPO_DIR}/.local}"        # data + logs + pids (git-ignored)
export YRD_CACHE_DIR="${YRD_CACHE_DIR:-${HOME:-/root}/.cache/yrd-infra}" # Kafka jars, FerretDB binary

# Ports (all servers listen on 127.0.0.1 only)
export YRD_KAFKA_PORT="${YRD_KAFKA_PORT:-19092}"
export YRD_KAFKA_CONTROLLER_PORT="${YRD_KAFKA_CONTROLLER_PORT:-19093}"
export YRD_PG_PORT="${YRD_PG_PORT:-15432}"
export YRD_MONGO_PORT="${YRD_MONGO_PORT:-27018}"
export YRD_REDIS_PORT="${YRD_REDIS_PORT:-16379}"

# Versions / tools
export YRD_KAFKA_VERSION="${YRD_KAFKA_VERSION:-3.9.1}"
export YRD_PG_BIN="${YRD_PG_BIN:-/usr/lib/postgresql/15/bin}"

# Health-check timeouts (seconds)
export YRD_KAFKA_READY_TIMEOUT="${YRD_KAFKA_READY_TIMEOUT:-90}"
export YRD_KAFKA_STOP_TIMEOUT="${YRD_KAFKA_STOP_TIMEOUT:-60}"
export YRD_PG_READY_TIMEOUT="${YRD_PG_READY_TIMEOUT:-60}"
export YRD_FERRETDB_READY_TIMEOUT="${YRD_FERRETDB_READY_TIMEOUT:-30}"
export YRD_REDIS_READY_TIMEOUT="${YRD_REDIS_READY_TIMEOUT:-15}"

# App-facing connection settings
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${YRD_KAFKA_PORT}}"
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:${YRD_MONGO_PORT}/yrd}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:${YRD_REDIS_PORT}}"
# Kafka SASL/SCRAM: one password file per principal (admin + each service), written by
# deploy/local/kafka.sh on its first start. Tooling and tests authenticate as the admin (super
# user); scripts/services.sh gives each service its own principal.
export YRD_KAFKA_CREDENTIALS_DIR="${YRD_KAFKA_CREDENTIALS_DIR:-${YRD_LOCAL_DIR}/kafka-credentials}"
if [[ -z "${KAFKA_SASL_USERNAME:-}" && -s "${YRD_KAFKA_CREDENTIALS_DIR}/admin" ]]; then
  export KAFKA_SASL_USERNAME=admin
  KAFKA_SASL_PASSWORD="$(cat "${YRD_KAFKA_CREDENTIALS_DIR}/admin")"
  export KAFKA_SASL_PASSWORD
fi
# For tooling only (FerretDB's backing database, e.g. to add GIN expression indexes)
export YRD_PG_URL="${YRD_PG_URL:-postgres://postgres@127.0.0.1:${YRD_PG_PORT}/ferretdb}"

unset _yrd_env_dir

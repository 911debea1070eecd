#!/usr/bin/env bash
# Local Apache Kafka (KRaft, combined broker+controller, single node) from the Maven Central jars.
#
#   deploy/local/kafka.sh {install|start|stop|status|up|down|restart|logs|tool CLASS ARGS...|apt-packages}
#
# install  fetch the jars once into $YRD_CACHE_DIR/kafka-<version>/libs (re-fetched when pom.xml changes)
# start    write server.properties, format storage once, start the broker, wait until ready
# up       install + start            down  stop (SIGTERM, waits for a clean shutdown)
# status   exit 0 only when ready: metadata call + idempotent producer (acks=all) sends one record
# tool     run a Kafka CLI class with the same classpath, e.g.
#          kafka.sh tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BROKERS" --list \
#            --command-config "$YRD_LOCAL_DIR/conf/kafka/probe-admin.properties"   # the admin's SASL settings
#
# Security: clients authenticate with SASL/SCRAM-SHA-512 (SASL_PLAINTEXT, loopback only) and the
# StandardAuthorizer denies whatever no ACL allows. Principals: `admin` (super user: tooling, tests)
# and one per service (PRINCIPALS below); their passwords are generated once into
# $YRD_KAFKA_CREDENTIALS_DIR/<principal> (git-ignored). ACLs are granted per topic namespace by
# `tools/kafka-acl.ts` (the services' own; see docs/kafka-acl.md).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "${HERE}/lib.sh"

KAFKA_HOME="${YRD_CACHE_DIR}/kafka-${YRD_KAFKA_VERSION}"
KAFKA_LIBS="${KAFKA_HOME}/libs"
KAFKA_POM="${HERE}/kafka/pom.xml"
KAFKA_DATA="${YRD_DATA_DIR}/kafka"
KAFKA_LOGS="${YRD_LOGS_DIR}/kafka"
KAFKA_CONF_DIR="${YRD_CONF_DIR}/kafka"
KAFKA_CONF="${KAFKA_CONF_DIR}/server.properties"
KAFKA_PID="${YRD_RUN_DIR}/kafka.pid"
KAFKA_OUT="${KAFKA_LOGS}/kafka.out"
# The principals whose SCRAM credentials the cluster has (outside log.dirs: Kafka owns that).
KAFKA_SCRAM_USERS="${YRD_DATA_DIR}/kafka-scram-users"
KAFKA_PROBE_LOG="${KAFKA_LOGS}/ready-probe.log"
KAFKA_BOOTSTRAP="127.0.0.1:${YRD_KAFKA_PORT}"
READY_TOPIC="_yrd_ready"
KAFKA_CREDENTIALS="${YRD_KAFKA_CREDENTIALS_DIR}"
SCRAM_MECHANISM=SCRAM-SHA-512
# Must match SERVICE_PRINCIPALS in libs/shared/contracts/src/lib/kafka-access.ts
PRINCIPALS=(admin case-intake clue-transfer evidence-notary notification audit)
# Markers that identify our broker process in /proc/<pid>/cmdline
KAFKA_MARKERS=(kafka.Kafka "${KAFKA_CONF}")

tool_java() {
  # Small, fast-starting JVM for the CLI classes.
  printf '%s\0' java -Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    "-Dlog4j.configuration=file:${HERE}/kafka/tools-log4j.properties" -cp "${KAFKA_LIBS}/*"
}

# kafka_tool TIMEOUT CLASS ARGS...
kafka_tool() {
  local t="$1"
  shift
  local -a j
  mapfile -d '' j < <(tool_java)
  timeout "${t}" "${j[@]}" "$@"
}

apt_packages() {
  local pkgs=()
  command -v java >/dev/null 2>&1 || pkgs+=(openjdk-17-jre-headless)
  if ! jars_ok && ! command -v mvn >/dev/null 2>&1; then pkgs+=(maven); fi
  [[ ${#pkgs[@]} -eq 0 ]] || printf '%s\n' "${pkgs[@]}"
}

jars_ok() {
  [[ -f "${KAFKA_LIBS}/.complete" && -f "${KAFKA_LIBS}/kafka_2.13-${YRD_KAFKA_VERSION}.jar" ]] &&
    [[ "$(cat "${KAFKA_LIBS}/.complete")" == "$(yrd_hash "${KAFKA_POM}")" ]]
}

cmd_install() {
  yrd_ensure_dirs
  local pkgs
  mapfile -t pkgs < <(apt_packages)
  yrd_apt_install "${pkgs[@]}"
  if jars_ok; then
    yrd_log "kafka ${YRD_KAFKA_VERSION}: jars cached ($(find "${KAFKA_LIBS}" -name '*.jar' | wc -l) jars in ${KAFKA_LIBS})"
    return 0
  fi
  local start tmp
  start="$(yrd_now)"
  yrd_log "kafka ${YRD_KAFKA_VERSION}: fetching jars from Maven Central ..."
  mkdir -p "${KAFKA_HOME}"
  tmp="$(mktemp -d "${KAFKA_HOME}/libs.tmp.XXXXXX")"
  if ! mvn -q -B -f "${KAFKA_POM}" dependency:copy-dependencies \
    -DoutputDirectory="${tmp}" -DincludeScope=runtime >"${YRD_LOGS_DIR}/kafka-mvn.log" 2>&1; then
    rm -rf "${tmp}"
    tail -n 30 "${YRD_LOGS_DIR}/kafka-mvn.log" >&2
    yrd_die "mvn dependency:copy-dependencies failed (log: ${YRD_LOGS_DIR}/kafka-mvn.log)"
  fi
  [[ -f "${tmp}/kafka_2.13-${YRD_KAFKA_VERSION}.jar" ]] || yrd_die "kafka jar missing after mvn"
  yrd_hash "${KAFKA_POM}" >"${tmp}/.complete"
  rm -rf "${KAFKA_LIBS}"
  mv "${tmp}" "${KAFKA_LIBS}"
  yrd_log "kafka ${YRD_KAFKA_VERSION}: $(find "${KAFKA_LIBS}" -name '*.jar' | wc -l) jars fetched in $(yrd_since "${start}")s"
}

# One random password per principal, generated once (kept across restarts and re-formats).
ensure_credentials() {
  mkdir -p "${KAFKA_CREDENTIALS}"
  chmod 700 "${KAFKA_CREDENTIALS}"
  local p
  for p in "${PRINCIPALS[@]}"; do
    [[ -s "${KAFKA_CREDENTIALS}/${p}" ]] && continue
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"${KAFKA_CREDENTIALS}/${p}.tmp")
    mv "${KAFKA_CREDENTIALS}/${p}.tmp" "${KAFKA_CREDENTIALS}/${p}"
  done
}

password() { cat "${KAFKA_CREDENTIALS}/$1"; }

write_config() {
  mkdir -p "${KAFKA_CONF_DIR}" "${KAFKA_DATA}" "${KAFKA_LOGS}"
  local admin_pw
  admin_pw="$(password admin)"
  (umask 077 && : >"${KAFKA_CONF}.tmp")
  cat >"${KAFKA_CONF}.tmp" <<EOF
# Generated by deploy/local/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${YRD_KAFKA_CONTROLLER_PORT}
listeners=BROKER://127.0.0.1:${YRD_KAFKA_PORT},CONTROLLER://127.0.0.1:${YRD_KAFKA_CONTROLLER_PORT}
advertised.listeners=BROKER://127.0.0.1:${YRD_KAFKA_PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT
# Clients: SCRAM (credentials in the cluster metadata). The controller listener cannot use SCRAM
# (the controller needs it before the metadata is loaded): PLAIN with the admin's static password.
listener.name.broker.sasl.enabled.mechanisms=${SCRAM_MECHANISM}
sasl.mechanism.inter.broker.protocol=${SCRAM_MECHANISM}
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${admin_pw}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin_pw}" user_admin="${admin_pw}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
log.dirs=${KAFKA_DATA}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
log.segment.bytes=1073741824
EOF
  mv "${KAFKA_CONF}.tmp" "${KAFKA_CONF}"
}

format_storage() {
  if [[ -f "${KAFKA_DATA}/meta.properties" ]]; then
    # SCRAM credentials can only be bootstrapped at format time (the controller cannot take them
    # before a SCRAM user exists): storage from before SASL has to be formatted anew.
    [[ -f "${KAFKA_SCRAM_USERS}" ]] || yrd_die "kafka: ${KAFKA_DATA} was formatted before SASL/SCRAM; its topics cannot be kept: $0 stop && rm -rf '${KAFKA_DATA}' && $0 up"
    return 0
  fi
  local id
  id="$(kafka_tool 60 kafka.tools.StorageTool random-uuid | tail -n 1)"
  [[ "${id}" =~ ^[A-Za-z0-9_-]{22}$ ]] || yrd_die "StorageTool random-uuid returned '${id}'"
  # Every principal's SCRAM credential goes into the bootstrap metadata.
  local p scram=()
  for p in "${PRINCIPALS[@]}"; do
    scram+=(--add-scram "${SCRAM_MECHANISM}=[name=${p},password=$(password "${p}")]")
  done
  kafka_tool 60 kafka.tools.StorageTool format -t "${id}" -c "${KAFKA_CONF}" --ignore-formatted "${scram[@]}" \
    >"${KAFKA_LOGS}/format.log" 2>&1 || {
    cat "${KAFKA_LOGS}/format.log" >&2
    yrd_die "kafka storage format failed"
  }
  printf '%s\n' "${PRINCIPALS[@]}" >"${KAFKA_SCRAM_USERS}"
  yrd_log "kafka: storage formatted (cluster id ${id}; SCRAM users ${PRINCIPALS[*]})"
}

# Client configs for the readiness probe: fail fast instead of the 60-120 s defaults.
# (VerifiableProducer defaults retries to 0, which the idempotent producer rejects.)
write_probe_configs() {
  mkdir -p "${KAFKA_CONF_DIR}" "${KAFKA_LOGS}"
  local sasl
  sasl="security.protocol=SASL_PLAINTEXT
sasl.mechanism=${SCRAM_MECHANISM}
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$(password admin)\";"
  (umask 077 && : >"${KAFKA_CONF_DIR}/probe-admin.properties.$$" && : >"${KAFKA_CONF_DIR}/probe-producer.properties.$$")
  cat >"${KAFKA_CONF_DIR}/probe-admin.properties.$$" <<EOF
${sasl}
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
  cat >"${KAFKA_CONF_DIR}/probe-producer.properties.$$" <<EOF
${sasl}
enable.idempotence=true
acks=all
retries=2147483647
max.in.flight.requests.per.connection=5
linger.ms=0
request.timeout.ms=5000
delivery.timeout.ms=15000
max.block.ms=10000
EOF
  mv -f "${KAFKA_CONF_DIR}/probe-admin.properties.$$" "${KAFKA_CONF_DIR}/probe-admin.properties"
  mv -f "${KAFKA_CONF_DIR}/probe-producer.properties.$$" "${KAFKA_CONF_DIR}/probe-producer.properties"
}

# Real readiness: metadata call, topic present, idempotent producer (acks=all) gets one record acked.
probe() {
  local out
  write_probe_configs
  : >"${KAFKA_PROBE_LOG}"
  if ! out="$(kafka_tool 30 org.apache.kafka.tools.TopicCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" \
    --command-config "${KAFKA_CONF_DIR}/probe-admin.properties" --list 2>&1)"; then
    printf 'metadata (TopicCommand --list) failed:\n%s\n' "${out}" >>"${KAFKA_PROBE_LOG}"
    return 1
  fi
  if ! grep -qx "${READY_TOPIC}" <<<"${out}"; then
    if ! out="$(kafka_tool 30 org.apache.kafka.tools.TopicCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" \
      --command-config "${KAFKA_CONF_DIR}/probe-admin.properties" --create --if-not-exists \
      --topic "${READY_TOPIC}" --partitions 1 --replication-factor 1 \
      --config retention.ms=3600000 2>&1)"; then
      printf 'create topic %s failed:\n%s\n' "${READY_TOPIC}" "${out}" >>"${KAFKA_PROBE_LOG}"
      return 1
    fi
  fi
  out="$(kafka_tool 40 org.apache.kafka.tools.VerifiableProducer --bootstrap-server "${KAFKA_BOOTSTRAP}" \
    --topic "${READY_TOPIC}" --max-messages 1 --acks -1 \
    --producer.config "${KAFKA_CONF_DIR}/probe-producer.properties" 2>&1)" || true
  if ! grep -q '"acked":1' <<<"${out}"; then
    printf 'idempotent produce failed:\n%s\n' "${out}" >>"${KAFKA_PROBE_LOG}"
    return 1
  fi
  return 0
}

wait_ready() {
  local pid="$1" start="$2" deadline=$((SECONDS + YRD_KAFKA_READY_TIMEOUT)) tries=0
  while :; do
    if ! yrd_proc_live "${pid}"; then
      yrd_tail_logs "${KAFKA_OUT}" "${KAFKA_LOGS}/server.log"
      yrd_die "kafka: broker process ${pid} exited during startup"
    fi
    # Do not start JVM probes before the listener is even bound.
    if yrd_port_busy "${YRD_KAFKA_PORT}"; then
      tries=$((tries + 1))
      if probe; then
        yrd_log "kafka: ready on ${KAFKA_BOOTSTRAP} (pid ${pid}, $(yrd_since "${start}")s, ${tries} probe(s))"
        return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      yrd_tail_logs "${KAFKA_PROBE_LOG}" "${KAFKA_OUT}" "${KAFKA_LOGS}/server.log"
      yrd_die "kafka: not ready after ${YRD_KAFKA_READY_TIMEOUT}s"
    fi
    sleep 1
  done
}

cmd_start() {
  yrd_lock kafka
  jars_ok || yrd_die "kafka jars not installed: run $0 install"
  command -v java >/dev/null 2>&1 || yrd_die "java not found: run $0 install"
  local pid start
  start="$(yrd_now)"
  if pid="$(yrd_pid_alive "${KAFKA_PID}" "${KAFKA_MARKERS[@]}")"; then
    yrd_log "kafka: already running (pid ${pid}), checking readiness ..."
    wait_ready "${pid}" "${start}"
    ensure_scram_users
    return 0
  fi
  if [[ -e "${KAFKA_PID}" ]]; then
    yrd_log "kafka: removing stale pid file"
    rm -f "${KAFKA_PID}"
  fi
  local p
  for p in "${YRD_KAFKA_PORT}" "${YRD_KAFKA_CONTROLLER_PORT}"; do
    if yrd_port_busy "${p}"; then
      yrd_die "kafka: port ${p} is already in use by $(yrd_port_owner "${p}") — stop it or set YRD_KAFKA_PORT/YRD_KAFKA_CONTROLLER_PORT"
    fi
  done
  ensure_credentials
  write_config
  format_storage
  {
    printf '\n===== %s starting kafka %s =====\n' "$(date -Is)" "${YRD_KAFKA_VERSION}"
  } >>"${KAFKA_OUT}"
  setsid nohup java -Xms256m -Xmx768m -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    "-Dkafka.logs.dir=${KAFKA_LOGS}" "-Dlog4j.configuration=file:${HERE}/kafka/log4j.properties" \
    -cp "${KAFKA_LIBS}/*" kafka.Kafka "${KAFKA_CONF}" \
    </dev/null >>"${KAFKA_OUT}" 2>&1 9>&- &
  pid=$!
  echo "${pid}" >"${KAFKA_PID}"
  yrd_log "kafka: started pid ${pid}, waiting for readiness (timeout ${YRD_KAFKA_READY_TIMEOUT}s) ..."
  wait_ready "${pid}" "${start}"
  ensure_scram_users
}

# A principal added to PRINCIPALS after the storage was formatted gets its credential from the admin.
ensure_scram_users() {
  local p out
  for p in "${PRINCIPALS[@]}"; do
    grep -qx "${p}" "${KAFKA_SCRAM_USERS}" && continue
    if ! out="$(kafka_tool 60 kafka.admin.ConfigCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" \
      --command-config "${KAFKA_CONF_DIR}/probe-admin.properties" --alter --entity-type users --entity-name "${p}" \
      --add-config "${SCRAM_MECHANISM}=[password=$(password "${p}")]" 2>&1)"; then
      printf '%s\n' "${out}" >&2
      yrd_die "kafka: could not create the SCRAM credential of ${p}"
    fi
    echo "${p}" >>"${KAFKA_SCRAM_USERS}"
    yrd_log "kafka: SCRAM credential created for ${p}"
  done
}

cmd_stop() {
  yrd_lock kafka
  yrd_stop_pid kafka "${KAFKA_PID}" "${YRD_KAFKA_STOP_TIMEOUT}" "${KAFKA_MARKERS[@]}"
}

cmd_status() {
  local pid
  if ! pid="$(yrd_pid_alive "${KAFKA_PID}" "${KAFKA_MARKERS[@]}")"; then
    yrd_row kafka stopped "${KAFKA_BOOTSTRAP}" - "$(yrd_stale_note "${KAFKA_PID}")"
    return 1
  fi
  if ! jars_ok; then
    yrd_row kafka unhealthy "${KAFKA_BOOTSTRAP}" "${pid}" "jars missing from cache"
    return 1
  fi
  if probe; then
    yrd_row kafka healthy "${KAFKA_BOOTSTRAP}" "${pid}" "KRaft ${YRD_KAFKA_VERSION}; metadata + idempotent produce OK"
    return 0
  fi
  yrd_row kafka unhealthy "${KAFKA_BOOTSTRAP}" "${pid}" "probe failed: see ${KAFKA_PROBE_LOG}"
  return 1
}

cmd_logs() {
  tail -n "${YRD_TAIL_LINES:-40}" "$@" "${KAFKA_LOGS}/server.log"
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
  tool)
    shift
    jars_ok || yrd_die "kafka jars not installed: run $0 install"
    kafka_tool 600 "$@"
    ;;
  apt-packages) apt_packages ;;
  *)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

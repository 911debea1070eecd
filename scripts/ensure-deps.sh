# shellcheck shell=bash
# Installs npm dependencies when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# shellcheck shell=bash
# Installs npm dependencies when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    # `npm install`, not `npm ci`: this registry's lockfile omits other platforms' optional
    # packages, which `npm ci` refuses; install keeps the locked versions and changes nothing.
    echo "== installing npm dependencies"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

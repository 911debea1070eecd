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

# Installs Debian's Chromium for the console's browser tests (Playwright drives /usr/bin/chromium;
# no browser download) and a CJK font, without which the Chinese screens render as empty boxes.
# Chromium is skipped when YRD_CHROMIUM points at another binary that exists.
ensure_chromium() {
  local bin="${YRD_CHROMIUM:-/usr/bin/chromium}" pkgs=()
  [[ -x "${bin}" ]] || pkgs+=(chromium)
  [[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || pkgs+=(fonts-wqy-microhei)
  if ((${#pkgs[@]})); then
    echo "== installing ${pkgs[*]} for the browser tests"
    # shellcheck source=../deploy/local/lib.sh
    (source deploy/local/lib.sh && yrd_apt_install "${pkgs[@]}")
  fi
}

# Installs schemathesis (the OpenAPI fuzzer of test/e2e/api-contract.e2e-spec.ts) into a virtual
# environment outside the clone. schemathesis 4.3.2 breaks with hypothesis >= 6.170: pinned.
ensure_schemathesis() {
  local venv="${YRD_SCHEMATHESIS_VENV:-${HOME:-/root}/.cache/yrd-schemathesis/venv}"
  if [[ ! -x "${venv}/bin/schemathesis" ]]; then
    echo "== installing schemathesis for the API contract tests"
    python3 -m venv "${venv}"
    "${venv}/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.3.2" "hypothesis==6.140.3"
  fi
  export YRD_SCHEMATHESIS="${venv}/bin/schemathesis"
}

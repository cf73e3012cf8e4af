#!/usr/bin/env bash
# The whole test suite: unit and integration tests (cargo), lint, and the browser tests.
# Installs what the tests need when it is missing (Debian's chromium, the npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, installed when missing: apt-get as root, else through sudo.
install_debian() {
  echo "$* missing: installing Debian's package(s)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
  else
    echo "error: $* missing and this user can't install it (not root, no sudo)" >&2
    exit 1
  fi
}

echo "== servers for tests/deploy.rs (sshd, nginx, pyftpdlib) and the C toolchain of libssh2"
need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v cc >/dev/null 2>&1 || need+=(gcc)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ -f /usr/include/openssl/ssl.h ] || need+=(libssl-dev)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
if [ "${#need[@]}" -gt 0 ]; then install_debian "${need[@]}"; fi
# The FTP server of the deploy tests: pyftpdlib (with pyopenssl for FTPS) in a virtualenv.
if ! target/test-venv/bin/python -c 'import pyftpdlib, OpenSSL' >/dev/null 2>&1; then
  python3 -m venv target/test-venv
  target/test-venv/bin/pip install --quiet pyftpdlib pyopenssl
fi

# The lantoa binary the browser tests and the validator build with: where cargo put it
# (CARGO_TARGET_DIR and .cargo/config are followed), unless LANTOA_BIN names one.
lantoa_bin() {
  cargo build --quiet --bin lantoa --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "lantoa":
        print(m["executable"])'
}

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --quiet

echo "== browser tests (chromium + playwright-core + axe-core)"
if [ ! -x /usr/bin/chromium ]; then
  echo "chromium missing: installing Debian's package"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "error: /usr/bin/chromium is missing and this user can't install it (not root, no sudo)" >&2
    exit 1
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: the browser tests need Node.js >= 20 and npm (node, npm not found)" >&2
  exit 1
fi
(cd tests/browser && npm ci --no-audit --no-fund)
if [ -z "${LANTOA_BIN:-}" ]; then LANTOA_BIN="$(lantoa_bin)"; fi
if [ ! -x "$LANTOA_BIN" ]; then
  echo "error: the lantoa binary is not at '$LANTOA_BIN' (set LANTOA_BIN to a built lantoa)" >&2
  exit 1
fi
export LANTOA_BIN
echo "lantoa binary: $LANTOA_BIN"
node tests/browser/run.mjs

echo "== Nu HTML Checker (vnu-jar): every page of every bundled site"
if ! command -v java >/dev/null 2>&1; then
  echo "java missing: installing Debian's default-jre-headless"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless
  else
    echo "error: java is missing and this user can't install it (not root, no sudo)" >&2
    exit 1
  fi
fi
vnu_out="$(mktemp -d)"
trap 'rm -rf "$vnu_out"' EXIT
"$LANTOA_BIN" build --now 2026-11-28 --out "$vnu_out/public" >/dev/null
java -jar tests/browser/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$vnu_out/public"
echo "Nu HTML Checker: 0 errors"

#!/usr/bin/env bash
# The whole test suite: unit and integration tests (cargo), lint, and the browser tests.
# Installs what the tests need when it is missing (Debian's chromium, the npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --quiet

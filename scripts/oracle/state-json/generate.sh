#!/usr/bin/env bash
# Regenerates tests/conformance/notified-state.json with the local Go (standard library only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
go run "$here/main.go" < "$here/cases.json" > "$here/../../../tests/conformance/notified-state.json"

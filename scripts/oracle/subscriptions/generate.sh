#!/usr/bin/env bash
# Regenerates tests/conformance/subscriptions.json; needs Go and Debian's golang-k8s-sigs-yaml-dev (GOPATH mode).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v go >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go; }
[ -d /usr/share/gocode/src/sigs.k8s.io/yaml ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-k8s-sigs-yaml-dev; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/subscriptions"
cp "$here/main.go" "$work/src/subscriptions/"
(cd "$work/src/subscriptions" && GO111MODULE=off GOPATH="$work:/usr/share/gocode" GOFLAGS= go build -o "$work/bin" .)
"$work/bin" < "$here/cases.json" > "$here/../../../tests/conformance/subscriptions.json"

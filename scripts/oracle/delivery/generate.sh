#!/bin/sh
# Regenerates the delivery differential's golden: the Go engine's requests for each case of cases.json.
# Needs Go and the module proxy; `npm test` needs only the committed golden.
set -eu
cd "$(dirname "$0")"
GOFLAGS=-mod=mod go run . < cases.json > ../../../tests/conformance/delivery/go-requests.json
echo "wrote tests/conformance/delivery/go-requests.json"

#!/usr/bin/env bash
# Builds a real kube-apiserver and etcd from Go modules and caches them in .cache/cluster/bin, keyed by version.
#
# kube-apiserver: k8s.io/kubernetes/cmd/kube-apiserver at $KUBERNETES_VERSION, built in a throwaway module that
#   pins every k8s.io/* staging module (required as v0.0.0 by k8s.io/kubernetes) to the matching v0.x.y with
#   `replace`, as envtest-style builds do.
# etcd: go.etcd.io/etcd/server/v3 at $ETCD_VERSION (its root package is the etcd binary).
#
# A binary already in the cache is never rebuilt (and then Go is not needed). A build needs the Go module proxy and
# a Go >= 1.24; with an older Go, or none, see ensure_go below. Environment:
#   CLUSTER_CACHE       cache folder (default: <repo>/.cache/cluster)
#   CLUSTER_BUILD_JOBS  go build -p (default 2); the build runs under `nice` to leave the machine usable.
# Prints the two binary paths. The first build takes 10–30 minutes on two cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=versions.env
source "$root/scripts/cluster/versions.env"
cache="${CLUSTER_CACHE:-$root/.cache/cluster}"
jobs="${CLUSTER_BUILD_JOBS:-2}"
bin="$cache/bin"
mkdir -p "$bin"
# One build at a time per cache (two test runs starting together wait for each other instead of colliding).
if command -v flock >/dev/null; then exec 9>"$cache/build.lock" && flock 9; fi

# ensure_go: puts a Go >= 1.24 on PATH. Without any Go, installs Debian's golang-go (when root with apt-get); when
# the Go found is older, fetches $GO_TOOLCHAIN from the Go module proxy as the golang.org/toolchain module, as
# GOTOOLCHAIN=auto would (Go older than 1.21 cannot do that itself).
ensure_go() {
  [[ -n "${go_ready:-}" ]] && return 0
  go_ready=1
  if ! command -v go >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      echo "build.sh: no Go found; installing Debian's golang-go" >&2
      apt-get install -y -q golang-go >&2 || { apt-get update -q >&2 && apt-get install -y -q golang-go >&2; }
    else
      echo "build.sh: Go is required to build kube-apiserver and etcd (none on PATH)" >&2
      exit 1
    fi
  fi
  local version minor
  version="$(go env GOVERSION)"
  minor="$(sed -E 's/^go1\.([0-9]+).*/\1/' <<<"$version")"
  if [[ "$minor" =~ ^[0-9]+$ ]] && ((minor >= 24)); then return 0; fi
  echo "build.sh: $version is too old; fetching $GO_TOOLCHAIN from the Go module proxy" >&2
  local dir
  dir="$(cd "$cache" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json \
    "golang.org/toolchain@v0.0.1-$GO_TOOLCHAIN.$(go env GOOS)-$(go env GOARCH)" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
  # Module zips carry no executable bits; the go command sets them the same way when it switches toolchains.
  chmod u+w "$dir/bin" "$dir"/pkg/tool/* && chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/*
  export PATH="$dir/bin:$PATH" GOROOT="$dir" GOTOOLCHAIN=local
}

# build_in_module <out> <work-dir> <package> <ldflags>: builds <package> from the module in <work-dir> into <out>,
# through a temporary file so an interrupted build never leaves a half-written binary in the cache.
build_in_module() {
  local out="$1" work="$2" pkg="$3" ldflags="$4"
  (cd "$work" && nice -n 10 go build -p "$jobs" -trimpath -ldflags "$ldflags" -o "$out.partial" "$pkg")
  mv "$out.partial" "$out"
}

build_kube_apiserver() {
  local v="$KUBERNETES_VERSION" out="$bin/kube-apiserver-$KUBERNETES_VERSION"
  [[ -x "$out" ]] && return 0
  ensure_go
  local staging="v0.${v#v1.}" work="$cache/build/kube-apiserver-$v"
  echo "build.sh: building kube-apiserver $v (staging modules $staging) in $work" >&2
  rm -rf "$work" && mkdir -p "$work"
  local mod
  mod="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@$v" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
  {
    echo "module local/kube-apiserver-build"
    echo
    grep -E '^go [0-9]' "$mod"
    grep -E '^godebug ' "$mod" || true
    echo
    echo "require k8s.io/kubernetes $v"
    echo
    echo "replace ("
    # Every k8s.io module that k8s.io/kubernetes requires as v0.0.0 is one of its staging modules.
    grep -E '^\s+k8s\.io/[a-z0-9-]+ v0\.0\.0$' "$mod" | awk -v s="$staging" '{ printf "\t%s => %s %s\n", $1, $1, s }'
    echo ")"
  } >"$work/go.mod"
  (cd "$work" && go get "k8s.io/kubernetes/cmd/kube-apiserver@$v" >/dev/null)
  local minor="${v#v1.}"; minor="${minor%%.*}"
  local flags="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  build_in_module "$out" "$work" k8s.io/kubernetes/cmd/kube-apiserver "$flags"
}

build_etcd() {
  local v="$ETCD_VERSION" out="$bin/etcd-$ETCD_VERSION"
  [[ -x "$out" ]] && return 0
  ensure_go
  local work="$cache/build/etcd-$v"
  echo "build.sh: building etcd $v in $work" >&2
  rm -rf "$work" && mkdir -p "$work"
  printf 'module local/etcd-build\n\ngo 1.24\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$v" >"$work/go.mod"
  (cd "$work" && go get "go.etcd.io/etcd/server/v3@$v" >/dev/null)
  build_in_module "$out" "$work" go.etcd.io/etcd/server/v3 "-s -w"
}

build_etcd
build_kube_apiserver
echo "$bin/etcd-$ETCD_VERSION"
echo "$bin/kube-apiserver-$KUBERNETES_VERSION"

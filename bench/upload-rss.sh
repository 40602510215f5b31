#!/bin/sh
# Peak memory of `akte serve` while it receives one large upload over HTTP,
# streamed to the blob store: as a raw PUT body and as multipart/form-data.
# Baseline in the same run: `akte doc add` storing the same file locally.
#
#   bench/upload-rss.sh BUILD_DIR [SIZE_GIB]     (default 1)
#
# Needs curl and /usr/bin/time. Writes SIZE_GIB three times to $TMPDIR.
set -eu
build=$1
size_gib=${2:-1}
akte="$build/cli/akte"
work=$(mktemp -d "${TMPDIR:-/tmp}/akte-bench-upload.XXXXXX")
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  chmod -R u+w "$work"
  rm -rf "$work"
}
trap cleanup EXIT

head -c $((size_gib * 1024 * 1024 * 1024)) /dev/urandom > "$work/big.bin"
"$akte" init --data-dir "$work/data" >/dev/null
"$akte" --data-dir "$work/data" customer add 1 --company Bench >/dev/null
port=$((20000 + $$ % 20000))

echo "File: ${size_gib} GiB of random bytes; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo "| how                         | wall (s) | peak RSS (MiB) |"
echo "|-----------------------------|----------|----------------|"

/usr/bin/time -f "%e %M" -o "$work/time" "$akte" --data-dir "$work/data" doc add 1 "$work/big.bin" >/dev/null 2>&1
read -r wall rss_kib < "$work/time"
printf '| %-27s | %8s | %14s |\n' "akte doc add (baseline)" "$wall" "$((rss_kib / 1024))"

upload() {
  label=$1
  shift
  # A fresh data dir each time, so the bytes are really stored again.
  rm -rf "$work/serve"
  "$akte" init --data-dir "$work/serve" >/dev/null
  t=$("$akte" --data-dir "$work/serve" user token create admin --label bench | grep -o 'akte_[A-Za-z0-9_-]*')
  "$akte" --data-dir "$work/serve" serve --quiet --listen "127.0.0.1:$port" --max-upload-mb $((size_gib * 1024 + 16)) >/dev/null 2>&1 &
  server=$!
  until curl -s "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
  start=$(date +%s.%N)
  curl -sf -o /dev/null -H "Authorization: Bearer $t" "$@"
  end=$(date +%s.%N)
  rss_kib=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
  kill "$server"
  wait "$server" || true
  server=
  printf '| %-27s | %8.2f | %14s |\n' "$label" "$(echo "$end - $start" | bc)" "$((rss_kib / 1024))"
}
upload "akte serve, raw PUT" -T "$work/big.bin" "http://127.0.0.1:$port/api/v1/documents?filename=big.bin"
upload "akte serve, multipart POST" -F "file=@$work/big.bin" "http://127.0.0.1:$port/api/v1/documents"

#!/bin/sh
# Peak memory of storing one large file: `akte doc add` streams it into the
# blob store (hash + fsync + rename) and must stay far below the file's size.
# Peers in the same run: sha256sum (hashing only) and cp (copying only).
#
#   bench/blob-put-rss.sh BUILD_DIR [SIZE_GIB]     (default 2)
#
# Needs /usr/bin/time (Debian package "time"). Writes SIZE_GIB twice to $TMPDIR.
set -eu
build=$1
size_gib=${2:-2}
akte="$build/cli/akte"
work=$(mktemp -d "${TMPDIR:-/tmp}/akte-bench-put.XXXXXX")
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

# Random bytes so no layer can shortcut on sparse or repeated content.
head -c $((size_gib * 1024 * 1024 * 1024)) /dev/urandom > "$work/big.bin"

"$akte" init --data-dir "$work/data" >/dev/null
"$akte" --data-dir "$work/data" customer add 1 --company Bench >/dev/null

measure() {
  label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
  read -r wall rss_kib < "$work/time"
  printf '| %-22s | %8s | %10s |\n' "$label" "$wall" "$((rss_kib / 1024))"
}

echo "File: ${size_gib} GiB of random bytes; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo "| command                | wall (s) | peak RSS (MiB) |"
echo "|------------------------|----------|----------------|"
sync
measure "sha256sum" sha256sum "$work/big.bin"
measure "cp" cp "$work/big.bin" "$work/copy.bin"
rm -f "$work/copy.bin"
sync
measure "akte doc add" "$akte" --data-dir "$work/data" doc add 1 "$work/big.bin"

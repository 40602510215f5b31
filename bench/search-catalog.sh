#!/bin/sh
# Search latency and reindex time on a generated catalog of 100,000 items
# (1,000 customers), beside SQLite FTS5 on the same texts in the same run.
#
#   bench/search-catalog.sh BUILD_DIR WORK_DIR [CUSTOMERS] [ITEMS] [dense]
set -eu
build=$(realpath "$1")
work=$(realpath -m "$2")
customers=${3:-1000}
items=${4:-100000}
vocabulary=${5:-}  # "dense": every word from ~130 business words (worst case)
rm -rf "$work"
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%FT%TZ)"
"$build/bench/akte-bench-catalog" "$work/data" "$customers" "$items" $vocabulary
echo
/usr/bin/time -f "%e %U %S %M" -o "$work/reindex.time" \
  "$build/cli/akte" --data-dir "$work/data" reindex > "$work/reindex.log" 2>&1
tail -1 "$work/reindex.log"
read -r wall user sys rss < "$work/reindex.time"
echo "Reindex: ${wall} s wall, ${user} s user, ${sys} s sys, peak RSS $((rss / 1024)) MiB"
echo
echo "Search latency in-process (ms):"
"$build/bench/akte-bench-query" "$work/data" --suite catalog

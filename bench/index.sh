#!/bin/sh
# Indexing throughput and query latency of akte beside the peers, in one run
# of the shared harness (../shared/bench/peers.sh): pdftotext with two jobs
# (the extraction floor), Xapian Omega's omindex, Recoll's recollindex and an
# SQLite FTS5 baseline, all on the corpus make-corpus.sh builds.
#
#   bench/index.sh BUILD_DIR CORPUS_DOCS WORK_DIR [RUNS]
#
# akte's figure is from an empty data directory to searchable: filing all
# 1000 files, extracting them in its sandboxed workers and indexing them
# (`akte doc import`, which indexes while it extracts). Then akte's query
# latency in-process beside FTS5 in-process on the same 30 queries.
set -eu
build=$(realpath "$1")
docs=$(realpath "$2")
work=$(realpath -m "$3")
runs=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
shared=$(realpath "$here/../../shared/bench")
akte="$build/cli/akte"

export OURS_INDEX="\"$akte\" init --data-dir \"\$DB\" >/dev/null && \
\"$akte\" --data-dir \"\$DB\" customer add 1 --company Benchmark >/dev/null && \
\"$akte\" --data-dir \"\$DB\" doc import 1 \"\$DOCS\""
TASKS=${TASKS:-"pdftotext-j2 html2text fts5-load omindex recollindex"} \
  "$shared/peers.sh" "$docs" "$work" "$runs"

echo
echo "Index sizes (last run):"
live="$work/ours-db/index/$(cat "$work/ours-db/index/CURRENT")"
printf '  akte live     %s bytes (%s; the generation before it stays until the next rebuild)\n' \
  "$(du -sb "$live" | cut -f1)" "$(basename "$live")"
printf '  akte index/   %s bytes\n' "$(du -sb "$work/ours-db/index" | cut -f1)"
printf '  omindex       %s bytes\n' "$(du -sb "$work/omega-db" | cut -f1)"
printf '  recollindex   %s bytes\n' "$(du -sb "$work/recoll-conf/xapiandb" | cut -f1)"
echo
echo "Query latency in-process (30 queries of queries.tsv, median of 7 runs each):"
"$build/bench/akte-bench-query" "$work/ours-db" --queries "$shared/queries.tsv" \
  --fts5 "$work/fts5.db"

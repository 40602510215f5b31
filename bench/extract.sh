#!/bin/sh
# Extraction throughput of akte on the benchmark corpus, beside pdftotext
# with two parallel jobs (the floor for the PDFs) in the same run, through
# the shared peer harness.
#
#   bench/extract.sh BUILD_DIR CORPUS_DOCS WORK_DIR [RUNS]
#
# CORPUS_DOCS is what ../shared/bench/make-corpus.sh built (TARGET/docs:
# 300 PDF, 300 HTML, 400 text files). akte files all 1000 documents for one
# customer and extracts them in its sandboxed workers (one per core); the
# figure includes hashing, fsyncs and the catalog writes of the write path,
# not indexing (--no-index; bench/index.sh measures import to searchable).
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
\"$akte\" --data-dir \"\$DB\" doc import 1 --no-index \"\$DOCS\""
TASKS="pdftotext-j2" NO_QUERIES=1 "$shared/peers.sh" "$docs" "$work" "$runs"

echo
echo "akte's outcome per state (last run):"
sqlite3 "$work/ours-db/catalog.db" \
  "SELECT extraction_state, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC" 2>/dev/null ||
  echo "(sqlite3 not installed)"

#!/usr/bin/env bash
# The inbound pipeline's throughput: `ingestd ingest` of a Maildir of N ~4 KB replies (make_maildir.py) into a store
# seeded with the customers they come from, with and without the classifier, in batches of 200 (one transaction
# each) and one message per transaction. Prints messages per second and peak RSS (/usr/bin/time -v) per run.
# Usage: benchmarks/pipeline/run.sh [N] [INGESTD]   (default 10000, .build/release/ingestd; build with -c release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${1:-10000}
bin=${2:-$root/.build/release/ingestd}
work=$(mktemp -d /tmp/pipeline-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$here/make_maildir.py" "$work" "$count"

run() {
    local label=$1
    shift
    rm -rf "$work/run"
    mkdir -p "$work/run/empty/cur" "$work/run/empty/new"
    cp -r "$work/maildir" "$work/run/maildir"
    "$bin" ingest --store "$work/run/agenda.sqlite" --no-classify "$work/run/empty" > /dev/null  # the schema
    python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' \
        "$work/run/agenda.sqlite" "$work/seed.sql"
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/run/time.txt" "$bin" ingest --store "$work/run/agenda.sqlite" \
        --now 2026-11-24T09:00:00Z --json "$@" "$work/run/maildir" > "$work/run/summary.json"
    end=$(date +%s.%N)
    python3 - "$label" "$start" "$end" "$work/run/time.txt" "$work/run/summary.json" <<'PY'
import json, re, sys
label, start, end, timing, summary = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
text = open(timing).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + \
      float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
s = json.load(open(summary))
seconds = end - start
print(f"{label:<44} {s['stored']:>6} stored in {seconds:6.2f} s = {s['stored'] / seconds:7.0f} msg/s "
      f"(CPU {cpu:6.2f} s), peak RSS {rss / 1024:5.0f} MiB; matched {s['matched']}, proposals {s['proposals']}, "
      f"kinds {s['kinds']}")
PY
}

run "batches of 200, classifier"
run "batches of 200, no classifier" --no-classify
run "one message per transaction, classifier" --batch-size 1
run "one message per transaction, no classifier" --batch-size 1 --no-classify

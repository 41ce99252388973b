#!/usr/bin/env bash
# SIGKILL check of `analytics run` (issue 7): kill the main job at a random moment, run it again, and check that it
# completes, that the warehouse is whole (the same models, rows and data-test results as an uninterrupted run) and
# that no email went out twice. Usage: scripts/kill-rerun-check.sh [rounds=3] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
RANDOM=${2:-$$}
work=$(mktemp -d /tmp/kill-rerun.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build pipelines/Analytics.Cli -v q -nologo >/dev/null
cli=(dotnet pipelines/Analytics.Cli/bin/Debug/net10.0/analytics.dll)
date=2026-11-16   # a Monday: the weekly emails are due, so every step has work to do

make_config() {   # a smaller demo than the shipped one, so a round takes about half a minute
  mkdir -p "$1"
  cat > "$1/pipeline.yaml" <<YAML
source:
  demo:
    scale: 0.3
backfill:
  months: 6
  every: week
transform:
  models: $PWD/pipelines/transforms
YAML
}

# What "whole" means: every model built, its rows, the tests' results, and the emails of the week.
fingerprint() {
  "${cli[@]}" sql -c "$1/pipeline.yaml" "select count(*) filter (where status = 'built') as built, sum(row_count) as model_rows, (select count(*) from catalog.tests where status = 'passed') as tests_passed, (select count(*) from catalog.tests where status = 'failed') as tests_failed, (select count(*) from scores.stalled_deals) as scored from catalog.models" \
    | grep -E '^\│ *[0-9]' | tr -s ' │' ' '
}

emails_check() {   # prints "<.eml files> <distinct sent keys> <keys sent twice>"
  local outbox=$1/data/outbox
  local files; files=$(find "$outbox" -path '*/2026-W*/*.eml' | wc -l)
  local sent; sent=$(grep '"status":"sent"' "$outbox/deliveries.jsonl" | grep -o '"delivery_key":"[^"]*"' | sort | uniq | wc -l)
  local twice; twice=$(grep '"status":"sent"' "$outbox/deliveries.jsonl" | grep -o '"delivery_key":"[^"]*"' | sort | uniq -d | wc -l)
  echo "$files $sent $twice"
}

echo "reference: an uninterrupted run for $date"
make_config "$work/ref"
start=$(date +%s)
"${cli[@]}" run -c "$work/ref/pipeline.yaml" --date "$date" > "$work/ref.log" 2>&1 || { tail -20 "$work/ref.log"; echo "FAIL: the reference run failed"; exit 1; }
full=$(( $(date +%s) - start ))
reference=$(fingerprint "$work/ref")
ref_emails=$(emails_check "$work/ref")
echo "  took ${full} s; warehouse: $reference; emails (files, keys, twice): $ref_emails"

failures=0
for round in $(seq 1 "$rounds"); do
  dir="$work/round$round"
  make_config "$dir"
  kill_after=$(awk -v r=$RANDOM -v f="$full" 'BEGIN { printf "%.1f", 1 + (r / 32767) * (f - 1) }')
  "${cli[@]}" run -c "$dir/pipeline.yaml" --date "$date" > "$dir/killed.log" 2>&1 &
  pid=$!
  sleep "$kill_after"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  during=$(grep -oE '[a-z]+ started$' "$dir/killed.log" | tail -1 | cut -d' ' -f1 || true)
  if "${cli[@]}" run -c "$dir/pipeline.yaml" --date "$date" > "$dir/rerun.log" 2>&1; then rerun=ok; else rerun="exit $?"; fi
  got=$(fingerprint "$dir")
  got_emails=$(emails_check "$dir")
  interrupted=$(grep -c 'was interrupted' "$dir/rerun.log" || true)
  verdict=PASS
  [ "$rerun" = ok ] || verdict=FAIL
  [ "$got" = "$reference" ] || verdict=FAIL
  [ "$got_emails" = "$ref_emails" ] || verdict=FAIL
  echo "round $round: killed after ${kill_after} s (during ${during:-start-up}); rerun $rerun; interrupted runs found: $interrupted; warehouse: $got; emails: $got_emails: $verdict"
  if [ "$verdict" = FAIL ]; then failures=$((failures + 1)); tail -30 "$dir/rerun.log"; fi
done

if [ "$failures" -gt 0 ]; then echo "FAIL: $failures of $rounds round(s)"; exit 1; fi
echo "PASS: $rounds round(s): every rerun completed, the warehouse matched the uninterrupted run, no email was sent twice"

#!/usr/bin/env bash
# Times `gqm report` on a repository whose one commit names many co-authors (GQM_COAUTHORS,
# default 20000): a hostile message must not make building the dataset quadratic. Runs through
# the ./gqm launcher, so its JVM settings (C1 only, serial collector) count.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${GQM_COAUTHORS:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git init -q "$work/repo"
{
  echo "one commit, $n co-authors"
  echo
  for i in $(seq 1 "$n"); do echo "Co-authored-by: Person $i <person$i@example.org>"; done
} > "$work/message"
(cd "$work/repo" && echo x > f && git add f \
  && git -c user.name=Alice -c user.email=alice@example.com commit -q -F "$work/message")
"$here/gqm" validate "$here/gqm-models/community-health.yaml" > /dev/null   # builds the jar when needed
start=$(date +%s.%N)
"$here/gqm" report --repo "$work/repo" --store "$work/store.db" --out "$work/out" > /dev/null 2>&1
end=$(date +%s.%N)
contributors=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print([m['value'] for g in d['goals'] for q in g['questions'] for m in q['metrics'] if m['metric']=='git.contributors'][0])" "$work/out/summary.json")
printf 'gqm report, one commit with %s co-authors: %.2f s (git.contributors = %s)\n' "$n" "$(echo "$end - $start" | bc)" "$contributors"

#!/usr/bin/env bash
# Speed benchmark: `gqm report` cold and incremental on a large repository, side by side with the
# `git log` that reads the same commit metadata (the practical floor), as whole processes.
#
# usage: bench/report-speed.sh [REPOSITORY] [extra gqm report options...]
#   REPOSITORY defaults to the git/git mirror below; it is only read, never written.
#   gqm runs through the ./gqm launcher, with its JVM settings (GQM_JAVA_OPTS, GQM_CDS=0 apply).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="${1:-/work/.mirror/git+git/repo}"
shift || true
jar="$here/target/gqm.jar"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (Debian package 'time': apt-get install -y time)" >&2
  exit 2
fi
if [ ! -d "$repo" ]; then
  echo "bench: no repository at $repo" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "bench: building $jar (mvn -B -q package -DskipTests)..." >&2
  (cd "$here" && mvn -B -q package -DskipTests) >&2
fi
# /usr/bin/time measures the launcher's java (it execs), or the shell that waits for it
launcher="$here/gqm"

work="$(mktemp -d "${TMPDIR:-/tmp}/gqm-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time; prints "wall_seconds max_rss_kb".
measure() {
  local log="$work/time.log"
  if ! /usr/bin/time -f '%e %M' -o "$log" "$@" >"$work/stdout.log" 2>"$work/stderr.log"; then
    echo "bench: failed: $*" >&2
    cat "$work/stderr.log" >&2
    exit 1
  fi
  tail -n 1 "$log"
}

commits="$(git -C "$repo" rev-list --count HEAD)"
echo "repository: $repo ($commits commits on HEAD)"
echo "java: $(java -version 2>&1 | head -n 1)"

best_git=""
best_git_rss=""
for _ in 1 2 3; do
  read -r wall rss < <(measure git -C "$repo" log '--format=%H%x00%an%x00%ae%x00%at%x00%P' HEAD)
  if [ -z "$best_git" ] || awk -v a="$wall" -v b="$best_git" 'BEGIN { exit !(a < b) }'; then
    best_git="$wall"
    best_git_rss="$rss"
  fi
done

gqm=("$launcher" report --repo "$repo" --store "$work/bench.db" --out "$work/out" "$@")
if [ "${GQM_CDS:-1}" != 0 ] && [ -z "$(find "$here/target" -maxdepth 1 -name 'gqm-cds-*.jsa' -newer "$jar" -print -quit)" ]; then
  # the launcher writes its class-data archive on the first report after a build: not part of the timing
  echo "bench: untimed first run, to let the launcher write its class-data archive..." >&2
  "$launcher" report --repo "$repo" --store "$work/warmup.db" --out "$work/warmup" "$@" >/dev/null 2>&1
  rm -rf "$work/warmup.db"* "$work/warmup"
fi
read -r cold_wall cold_rss < <(measure "${gqm[@]}")
cold_err="$(grep -c . "$work/stderr.log" || true)"
read -r inc_wall inc_rss < <(measure "${gqm[@]}")
if ! grep -q '^gqm: 0 new commits stored' "$work/stderr.log"; then
  echo "bench: the rerun was not incremental:" >&2
  cat "$work/stderr.log" >&2
  exit 1
fi

row() { # step wall rss_kb
  awk -v s="$1" -v w="$2" -v r="$3" -v g="$best_git" \
    'BEGIN { printf "%-22s %8.2f %10.0f %10.2f\n", s, w, r / 1024, w / g }'
}
echo
printf '%-22s %8s %10s %10s\n' step "wall s" "maxRSS MB" "× git log"
row "git log (best of 3)" "$best_git" "$best_git_rss"
row "gqm report, cold" "$cold_wall" "$cold_rss"
row "gqm report, no change" "$inc_wall" "$inc_rss"
echo
awk -v c="$cold_wall" -v i="$inc_wall" -v g="$best_git" -v r1="$cold_rss" -v r2="$inc_rss" 'BEGIN {
  m = (r1 > r2 ? r1 : r2) / 1024
  printf "targets: cold <= 3x git log: %s (%.2fx); no-change rerun < 3 s: %s; peak RSS < 1024 MB: %s (%.0f MB)\n",
    (c <= 3 * g ? "met" : "MISSED"), c / g, (i < 3 ? "met" : "MISSED"), (m < 1024 ? "met" : "MISSED"), m
}'

#!/usr/bin/env bash
# Speed benchmark: `gqm report` cold and incremental on a large repository, side by side with the
# `git log` that reads the same commit metadata (the practical floor), as whole processes.
#
# usage: bench/report-speed.sh [REPOSITORY] [extra gqm report options...]
#   REPOSITORY: the first argument, else GQM_BENCH_REPO, else bench/repos/git.git (make it with
#   `git clone --mirror https://github.com/git/git.git bench/repos/git.git`, see bench/README.md);
#   it is only read, never written.
#   gqm runs through the ./gqm launcher, with its JVM settings (GQM_JAVA_OPTS, GQM_CDS=0 apply).
#   GQM_BENCH_ROUNDS (default 5): rounds of git log, gqm cold, gqm again, run side by side; the
#   targets are judged on medians, since a shared machine moves single runs by several tenths.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
default="$here/bench/repos/git.git"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  repo="$1"
  shift
else
  repo="${GQM_BENCH_REPO:-$default}"
fi
if [ "$repo" = "$default" ] && [ ! -d "$repo" ]; then
  echo "usage: bench/report-speed.sh REPOSITORY [gqm report options...] (or GQM_BENCH_REPO=REPOSITORY; default $default is missing: git clone --mirror https://github.com/git/git.git $default)" >&2
  exit 2
fi
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

rounds="${GQM_BENCH_ROUNDS:-5}"
gqm=("$launcher" report --repo "$repo" --store "$work/bench.db" --out "$work/out" "$@")
if [ "${GQM_CDS:-1}" != 0 ] && [ -z "$(find "$here/target" -maxdepth 1 -name 'gqm-cds-*.jsa' -newer "$jar" -print -quit)" ]; then
  # the launcher writes its class-data archive on the first report after a build: not part of the timing
  echo "bench: untimed first run, to let the launcher write its class-data archive..." >&2
  "$launcher" report --repo "$repo" --store "$work/warmup.db" --out "$work/warmup" "$@" >/dev/null 2>&1
  rm -rf "$work/warmup.db"* "$work/warmup"
fi

# Rounds of three runs side by side, so that each gqm run has a git log run beside it under the
# same load: git log, gqm cold (fresh store and output), gqm again (nothing new: incremental).
results="$work/results"
: > "$results"
for round in $(seq "$rounds"); do
  read -r git_wall git_rss < <(measure git -C "$repo" log '--format=%H%x00%an%x00%ae%x00%at%x00%P' HEAD)
  rm -rf "$work/bench.db"* "$work/out"
  read -r cold_wall cold_rss < <(measure "${gqm[@]}")
  read -r inc_wall inc_rss < <(measure "${gqm[@]}")
  if ! grep -q '^gqm: 0 new commits stored' "$work/stderr.log"; then
    echo "bench: the rerun was not incremental:" >&2
    cat "$work/stderr.log" >&2
    exit 1
  fi
  echo "$git_wall $git_rss $cold_wall $cold_rss $inc_wall $inc_rss" >> "$results"
  echo "round $round/$rounds: git log $git_wall s, gqm cold $cold_wall s, no change $inc_wall s" >&2
done

echo
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function best(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function most(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  { n++; g[n] = $1; gr[n] = $2; c[n] = $3; cr[n] = $4; i[n] = $5; ir[n] = $6; ratio[n] = $3 / $1 }
  END {
    gb = best(g, n); gm = median(g, n)
    printf "%-24s %8s %8s %10s %14s\n", "step (" n " rounds)", "best s", "median s", "maxRSS MB", "x git log"
    printf "%-24s %8.2f %8.2f %10.0f %14s\n", "git log", gb, gm, most(gr, n) / 1024, "1.00"
    printf "%-24s %8.2f %8.2f %10.0f %6.2f / %5.2f\n", "gqm report, cold", best(c, n), median(c, n), most(cr, n) / 1024,
      best(c, n) / gb, median(ratio, n)
    printf "%-24s %8.2f %8.2f %10.0f\n", "gqm report, no change", best(i, n), median(i, n), most(ir, n) / 1024
    print ""
    print "x git log: best cold / best git log, then the median of each round'"'"'s cold / git log"
    r = median(ratio, n); inc = median(i, n); m = (most(cr, n) > most(ir, n) ? most(cr, n) : most(ir, n)) / 1024
    printf "targets (medians): cold <= 3x git log: %s (%.2fx); no-change rerun < 3 s: %s (%.2f s); peak RSS < 1024 MB: %s (%.0f MB)\n",
      (r <= 3 ? "met" : "MISSED"), r, (inc < 3 ? "met" : "MISSED"), inc, (m < 1024 ? "met" : "MISSED"), m
  }' "$results"

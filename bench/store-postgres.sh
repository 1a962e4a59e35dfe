#!/usr/bin/env bash
# Store benchmark: a cold `gqm collect` of a large repository into PostgreSQL beside the same into
# SQLite, then an offline `gqm report` from each, as whole processes, alternated round by round.
#
# usage: bench/store-postgres.sh REPOSITORY
#   REPOSITORY: a local repository (bare or not), only read; git/git is the reference.
#   GQM_BENCH_ROUNDS (default 3): rounds; each round makes a fresh SQLite file and a fresh database.
#   The PostgreSQL server is a private cluster in a temporary directory (Debian's postgresql
#   package, run as the postgres user when run as root), with the server's default settings
#   (fsync and synchronous commit on), on 127.0.0.1; it is stopped and deleted at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: bench/store-postgres.sh REPOSITORY" >&2
  exit 2
fi
repo="$(cd "$1" && pwd)"
jar="$here/target/gqm.jar"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "bench: PostgreSQL server binaries are missing (apt-get install -y postgresql)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "bench: building $jar (mvn -B -q package -DskipTests)..." >&2
  (cd "$here" && mvn -B -q package -DskipTests) >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/gqm-pgbench.XXXXXX")"
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(runuser -u postgres --)
fi
pg="$work/pg"
mkdir -p "$pg"
[ "$(id -u)" = 0 ] && chown postgres: "$pg"
password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" > "$work/pw"
[ "$(id -u)" = 0 ] && chown postgres: "$work/pw"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${as_pg[@]}" "$bin/initdb" -D "$pg/data" -U bench --pwfile="$work/pw" --auth-host=scram-sha-256 --auth-local=trust \
  --no-locale -E UTF8 >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -w -l "$pg/log" -o "-p $port -k $pg -c listen_addresses=127.0.0.1" start >/dev/null
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export PGPASSWORD="$password"

measure() {
  if ! /usr/bin/time -f '%e %M' -o "$work/time" java -jar "$jar" "$@" >"$work/out" 2>"$work/err"; then
    echo "bench: failed: gqm $*" >&2
    cat "$work/err" >&2
    exit 1
  fi
  tail -n 1 "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

commits="$(git -C "$repo" rev-list --count HEAD)"
echo "repository: $repo ($commits commits on HEAD)"
echo "postgresql: $("$bin/postgres" --version), default settings; java: $(java -version 2>&1 | head -n 1)"
rounds="${GQM_BENCH_ROUNDS:-3}"
# one instant for both reports, so that their summaries compare
as_of="$(date -u +%Y-%m-%d)"
: > "$work/results"
for round in $(seq 1 "$rounds"); do
  db="gqm_bench_$round"
  "${as_pg[@]}" "$bin/createdb" -h "$pg" -p "$port" -U bench "$db"
  url="jdbc:postgresql://127.0.0.1:$port/$db?user=bench"
  sqlite="$work/store-$round.db"
  read -r s_collect s_rss < <(measure collect --repo "$repo" --store "$sqlite")
  read -r p_collect p_rss < <(measure collect --repo "$repo" --store "$url")
  read -r s_report _ < <(measure report --offline --repo "$repo" --store "$sqlite" --as-of "$as_of" --out "$work/out-s")
  read -r p_report _ < <(measure report --offline --repo "$repo" --store "$url" --as-of "$as_of" --out "$work/out-p")
  python3 - "$work/out-s/summary.json" "$work/out-p/summary.json" <<'PY' || { echo "bench: the two summaries differ" >&2; exit 1; }
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for s in (a, b):
    s.pop("generated_at", None)
sys.exit(0 if a == b else 1)
PY
  echo "round $round: collect sqlite ${s_collect}s (${s_rss} KB) postgresql ${p_collect}s (${p_rss} KB);" \
    "offline report sqlite ${s_report}s postgresql ${p_report}s"
  echo "$s_collect $p_collect $s_report $p_report" >> "$work/results"
done
sc="$(cut -d' ' -f1 "$work/results" | median)"; pc="$(cut -d' ' -f2 "$work/results" | median)"
sr="$(cut -d' ' -f3 "$work/results" | median)"; pr="$(cut -d' ' -f4 "$work/results" | median)"
echo "median cold collect: sqlite ${sc}s, postgresql ${pc}s: $(awk -v a="$pc" -v b="$sc" 'BEGIN {printf "%.2f", a/b}')x"
echo "median offline report: sqlite ${sr}s, postgresql ${pr}s: $(awk -v a="$pr" -v b="$sr" 'BEGIN {printf "%.2f", a/b}')x"
echo "(targets: both within 1.5x; the two reports' summary.json are the same but for generated_at)"

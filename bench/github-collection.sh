#!/usr/bin/env bash
# GitHub collection benchmark: requests, wall time and peak memory of `gqm collect --github`
# against a synthetic GitHub on 127.0.0.1 (dev.gqm.bench.SyntheticGitHub): a cold run, two reruns
# with nothing changed, and a rerun after a few items changed. See bench/GITHUB.md.
#
# usage: bench/github-collection.sh [--issues N] [--pulls N] [--comments N] [--touch N] [--keep]
#   defaults: 20000 issues, 10000 pull requests, 3 comments per item, 5 items touched
#   --keep    leave the temporary directory (store, logs) in place and print its path
#   GQM_JAVA_OPTS (environment) is passed to gqm's JVM, as the ./gqm launcher does: -Xmx64m, say
#
# Network: when the machine allows it (root, or unprivileged user namespaces), the whole run
# happens in a new network namespace whose only interface is loopback, so nothing can leave
# 127.0.0.1 even by mistake. Otherwise it says so and runs in the host namespace; every
# address it uses is still 127.0.0.1, and no real token is passed to gqm.
set -euo pipefail

ISSUES=20000 PULLS=10000 COMMENTS=3 TOUCH=5 KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --issues) ISSUES=$2; shift 2 ;;
        --pulls) PULLS=$2; shift 2 ;;
        --comments) COMMENTS=$2; shift 2 ;;
        --touch) TOUCH=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "usage: $0 [--issues N] [--pulls N] [--comments N] [--touch N] [--keep]" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."

if [ "${GQM_BENCH_ISOLATED:-}" != 1 ] && command -v ip > /dev/null; then
    if unshare -n true 2>/dev/null; then
        exec env GQM_BENCH_ISOLATED=1 unshare -n -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" \
            --issues "$ISSUES" --pulls "$PULLS" --comments "$COMMENTS" --touch "$TOUCH" \
            $([ "$KEEP" = 1 ] && echo --keep)
    elif unshare -r -n true 2>/dev/null; then
        exec env GQM_BENCH_ISOLATED=1 unshare -r -n -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" \
            --issues "$ISSUES" --pulls "$PULLS" --comments "$COMMENTS" --touch "$TOUCH" \
            $([ "$KEEP" = 1 ] && echo --keep)
    fi
fi
if [ "${GQM_BENCH_ISOLATED:-}" != 1 ]; then
    echo "note: cannot create a network namespace here; running in the host's (all traffic is to 127.0.0.1)" >&2
fi

# no proxy, no real credentials: gqm gets a dummy token so the authenticated path is measured
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY GH_TOKEN
export GITHUB_TOKEN=synthetic-benchmark-token

# build what is missing or older than its sources (offline: Maven needs no network either)
if [ ! -f target/gqm.jar ] || [ -n "$(find src/main pom.xml -newer target/gqm.jar -print -quit)" ]; then
    echo "building target/gqm.jar ..." >&2
    mvn -B -o -q package -DskipTests
fi
SERVER_CLASS=target/test-classes/dev/gqm/bench/SyntheticGitHub.class
if [ ! -f "$SERVER_CLASS" ] || [ -n "$(find src/test/java/dev/gqm/bench -newer "$SERVER_CLASS" -print -quit)" ]; then
    echo "compiling the synthetic server ..." >&2
    mvn -B -o -q test-compile
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gqm-ghbench.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

java -Xmx512m -cp target/test-classes:target/gqm.jar dev.gqm.bench.SyntheticGitHub \
    --repo o/r --issues "$ISSUES" --pulls "$PULLS" --comments "$COMMENTS" --port 0 --port-file "$TMP/port" \
    > "$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
    [ -s "$TMP/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
    sleep 0.1
done
[ -s "$TMP/port" ] || { echo "synthetic GitHub did not start" >&2; exit 1; }
URL="http://127.0.0.1:$(cat "$TMP/port")"
CURL=(curl -sS --fail --noproxy '*' --max-time 10)

# the smallest git repository: the benchmark is about GitHub, not history
git init -q "$TMP/repo"
echo bench > "$TMP/repo/README"
git -C "$TMP/repo" add README
GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
    git -C "$TMP/repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m "first"

ITEMS=$((ISSUES + PULLS))
MIN_PAGES=$(( (ITEMS + 99) / 100 + (ITEMS * COMMENTS + 99) / 100 + (PULLS + 99) / 100 ))
echo "synthetic GitHub at $URL: $ISSUES issues, $PULLS pull requests, $COMMENTS comments each"
echo "minimum: $MIN_PAGES list pages + $PULLS review requests = $((MIN_PAGES + PULLS)); cold target <= $(( (MIN_PAGES + PULLS) * 12 / 10 )); unchanged rerun target < 10"
echo
# wall_s: the whole gqm process; http_s: first request to last answer, as the server saw it
# 304: answers "not modified" to a conditional request, which GitHub does not count against the rate limit
printf '%-16s %7s %5s %6s %8s %6s %7s %5s %5s %8s %8s %8s\n' run total 304 issues comments pulls reviews repo other wall_s http_s rss_mb

run() {
    local label=$1
    "${CURL[@]}" "$URL/__stats?reset=1" > /dev/null
    if ! /usr/bin/time -f '%e %M' -o "$TMP/$label.time" \
        java -Djava.awt.headless=true ${GQM_JAVA_OPTS:-} -jar target/gqm.jar collect --repo "$TMP/repo" --github o/r --github-api-url "$URL" \
        --store "$TMP/gh.db" > "$TMP/$label.out" 2> "$TMP/$label.err"; then
        echo "gqm collect failed in the $label run:" >&2
        cat "$TMP/$label.err" >&2
        exit 1
    fi
    local stats wall rss
    stats=$("${CURL[@]}" "$URL/__stats")
    read -r wall rss < "$TMP/$label.time"
    printf '%-16s %7s %5s %6s %8s %6s %7s %5s %5s %8s %8s %8s\n' "$label" \
        $(echo "$stats" | jq -r '[.total, .not_modified, .issues, .comments, .pulls, .reviews, .repository, .other] | @tsv') \
        "$wall" "$(echo "$stats" | jq -r '.span_ms / 1000 * 100 | round / 100')" "$((rss / 1024))"
    # gqm's own count must agree with the server's: nothing uncounted, nothing unseen
    local own
    own=$(sed -n 's/.* in \([0-9]*\) requests$/\1/p' "$TMP/$label.out")
    if [ "$own" != "$(echo "$stats" | jq -r .total)" ]; then
        echo "  (gqm counted ${own:-?} requests, the server $(echo "$stats" | jq -r .total))"
    fi
}

run cold
run unchanged
run unchanged-2
"${CURL[@]}" "$URL/__touch?n=$TOUCH" > "$TMP/touched.json"
run "touched-$TOUCH"
echo
echo "touched: $(jq -r '.touched | "\(length) items, #\(.[0]) to #\(.[-1])"' "$TMP/touched.json"), a comment each"
sqlite3 -version > /dev/null 2>&1 && echo "store: $(du -h "$TMP/gh.db" | cut -f1), $(sqlite3 "$TMP/gh.db" \
    'SELECT (SELECT count(*) FROM issues) || " issues+pulls, " || (SELECT count(*) FROM issue_comments) || " comments, " || (SELECT count(*) FROM pull_reviews) || " reviews"')"
exit 0

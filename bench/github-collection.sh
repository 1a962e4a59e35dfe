#!/usr/bin/env bash
# GitHub collection benchmark: requests, points, wall time and peak memory of `gqm collect --github`
# against a synthetic GitHub on 127.0.0.1 (dev.gqm.bench.SyntheticGitHub), over REST and over
# GraphQL: a cold run, reruns with nothing changed, a rerun after a few items changed, and a cold
# stale gate (`gqm check --model stale-issues`), which reads only the open items. See bench/GITHUB.md.
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
# (the server's GraphQL side needs graphql-java, a test dependency: its class path comes from Maven)
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
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$TMP/classpath"
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

java -Xmx512m -cp "target/test-classes:$(cat "$TMP/classpath")" dev.gqm.bench.SyntheticGitHub \
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
echo "REST minimum: $MIN_PAGES list pages + $PULLS review requests = $((MIN_PAGES + PULLS)); cold target <= $(( (MIN_PAGES + PULLS) * 12 / 10 )); unchanged rerun target < 10"
echo "GraphQL: cold target <= $(( (MIN_PAGES + PULLS) / 10 )) requests (10x fewer than REST's minimum); unchanged rerun <= 5"
echo "stale gate: target <= 1 request per 100 open items, plus a few"
echo
# wall_s: the whole gqm process; http_s: first request to last answer, as the server saw it
# 304: answers "not modified" to a conditional request, which GitHub does not count against the rate limit
# item_cmts: an item's own comment listing (REST, open items only); points: GraphQL rate-limit points
printf '%-18s %7s %5s %6s %8s %9s %6s %7s %7s %6s %4s %5s %7s %7s %6s\n' run total 304 issues comments item_cmts \
    pulls reviews graphql points repo other wall_s http_s rss_mb

# run LABEL STORE API gqm-arguments...: one gqm process, its requests as the server counted them
run() {
    local label=$1 store=$2 api=$3
    shift 3
    "${CURL[@]}" "$URL/__stats?reset=1" > /dev/null
    local status=0
    /usr/bin/time -f '%e %M' -o "$TMP/$label.time" \
        java -Djava.awt.headless=true ${GQM_JAVA_OPTS:-} -jar target/gqm.jar "$@" --github o/r --github-api-url "$URL" \
        --github-api "$api" --store "$TMP/$store" > "$TMP/$label.out" 2> "$TMP/$label.err" || status=$?
    # a gate may fail (exit 1): the synthetic open items have been quiet for years
    if [ "$status" != 0 ] && { [ "$1" != check ] || [ "$status" != 1 ]; }; then
        echo "gqm $1 failed in the $label run (exit $status):" >&2
        cat "$TMP/$label.err" >&2
        exit 1
    fi
    local stats wall rss
    stats=$("${CURL[@]}" "$URL/__stats")
    # GNU time writes "Command exited with non-zero status 1" first when the gate fails
    read -r wall rss < <(tail -n 1 "$TMP/$label.time")
    printf '%-18s %7s %5s %6s %8s %9s %6s %7s %7s %6s %4s %5s %7s %7s %6s\n' "$label" \
        $(echo "$stats" | jq -r '[.total, .not_modified, .issues, .comments, .item_comments, .pulls, .reviews, .graphql, .points, .repository, .other] | @tsv') \
        "$wall" "$(echo "$stats" | jq -r '.span_ms / 1000 * 100 | round / 100')" "$((rss / 1024))"
    # gqm's own count must agree with the server's: nothing uncounted, nothing unseen
    local own
    own=$(sed -n 's/^gqm: GitHub: \([0-9]*\) requests.*/\1/p' "$TMP/$label.err" | tail -1)
    if [ "$own" != "$(echo "$stats" | jq -r .total)" ]; then
        echo "  (gqm counted ${own:-?} requests, the server $(echo "$stats" | jq -r .total))"
    fi
}

OPEN=$("${CURL[@]}" "$URL/repos/o/r" | jq -r .open_issues_count)
"${CURL[@]}" "$URL/__stats?reset=1" > /dev/null
run rest-cold gh.db rest collect --repo "$TMP/repo"
run rest-unchanged gh.db rest collect --repo "$TMP/repo"
run rest-unchanged-2 gh.db rest collect --repo "$TMP/repo"
"${CURL[@]}" "$URL/__touch?n=$TOUCH" > "$TMP/touched.json"
run "rest-touched-$TOUCH" gh.db rest collect --repo "$TMP/repo"
run graphql-cold gql.db graphql collect --repo "$TMP/repo"
run graphql-unchanged gql.db graphql collect --repo "$TMP/repo"
"${CURL[@]}" "$URL/__touch?n=$TOUCH" > /dev/null
run "graphql-touched-$TOUCH" gql.db graphql collect --repo "$TMP/repo"
run gate-graphql gate-gql.db graphql check --model stale-issues
run gate-rest gate-rest.db rest check --model stale-issues
echo
echo "touched: $(jq -r '.touched | "\(length) items, #\(.[0]) to #\(.[-1])"' "$TMP/touched.json"), a comment each (and $TOUCH more before graphql-touched)"
echo "open items: about $OPEN of $ITEMS; gate target <= $(( (OPEN + 99) / 100 )) requests plus a few"
echo "gate-graphql: $(grep -E '^(fail|warn|pass) ' "$TMP/gate-graphql.out" | tr -s ' ' | cut -d' ' -f1-5 | paste -sd ';' -)"
echo "gate-rest:    $(grep -E '^(fail|warn|pass) ' "$TMP/gate-rest.out" | tr -s ' ' | cut -d' ' -f1-5 | paste -sd ';' -)"
if sqlite3 -version > /dev/null 2>&1; then
    for store in gh.db gql.db gate-gql.db; do
        echo "$store: $(du -h "$TMP/$store" | cut -f1), $(sqlite3 "$TMP/$store" \
            'SELECT (SELECT count(*) FROM items) || " issues+pulls, " || (SELECT count(*) FROM comments) || " comments, " || (SELECT count(*) FROM reviews) || " reviews"')"
    done
fi
exit 0

#!/usr/bin/env bash
# Smoke test of the sample application's jar. It starts the jar on a loopback port and an
# empty data directory, posts readings, and checks that the statistics, alerts and LucidMQ
# meters show them consumed. Then it stops the jar with SIGTERM, starts it again on the same
# directory, and checks that the totals survived and that new readings add to them. Last it
# kills the jar with SIGKILL, as a crash would, and checks the totals after a third start.
#
# Needs java, curl, jq and the jar built by `mvn package` in lucidmq-spring-boot-sample/target.
# On failure it prints the reason and the tail of the application's log. Its last line is
# "smoke-sample: PASS" or "smoke-sample: FAIL (exit status N)", and it exits non-zero on
# failure. Every process it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly STARTUP_TIMEOUT_S=90
readonly CONSUME_TIMEOUT_S=30
readonly STOP_TIMEOUT_S=30
readonly HOST_NAME=smoke-1

app_pid=""
base_url=""
passed=false
work_dir="$(mktemp -d)"
data_dir="$work_dir/data"
log_file=""

fail() {
    echo "smoke-sample: FAIL: $*" >&2
    exit 1
}

# Stops the application with the signal (TERM by default), or KILL after STOP_TIMEOUT_S.
stop_app() {
    local signal="${1:-TERM}"
    [ -n "$app_pid" ] || return 0
    kill "-$signal" "$app_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$app_pid" 2>/dev/null && [ "$waited" -lt "$STOP_TIMEOUT_S" ]; do
        sleep 1
        waited=$((waited + 1))
    done
    if kill -0 "$app_pid" 2>/dev/null; then
        echo "smoke-sample: pid $app_pid still running after ${STOP_TIMEOUT_S}s; killing" >&2
        kill -KILL "$app_pid" 2>/dev/null || true
    fi
    local status=0
    wait "$app_pid" 2>/dev/null || status=$?
    echo "smoke-sample: application pid $app_pid exited with status $status"
    app_pid=""
}

on_exit() {
    local status=$?
    stop_app
    if [ "$passed" = true ] && [ "$status" -eq 0 ]; then
        echo "smoke-sample: PASS"
    else
        if [ -n "$log_file" ] && [ -f "$log_file" ]; then
            echo "smoke-sample: last 40 lines of $log_file:" >&2
            tail -n 40 "$log_file" >&2
        fi
        echo "smoke-sample: FAIL (exit status $status)" >&2
        [ "$status" -ne 0 ] || status=1
    fi
    rm -rf "$work_dir"
    exit "$status"
}
trap on_exit EXIT

# Prints a TCP port that is free on 127.0.0.1 now.
free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
        return
    fi
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! ss -Htln "sport = :$port" | grep -q .; then
            echo "$port"
            return
        fi
    done
    fail "found no free port on 127.0.0.1"
}

find_jar() {
    local jars=(lucidmq-spring-boot-sample/target/lucidmq-spring-boot-sample-*.jar)
    [ -f "${jars[0]}" ] || fail "no jar in lucidmq-spring-boot-sample/target; run mvn package"
    echo "${jars[0]}"
}

# Succeeds when the text is JSON that satisfies the jq condition; jq 1.6 accepts empty input.
json_matches() {
    local text="$1" condition="$2"
    [ -n "$text" ] && jq -e "$condition" <<<"$text" >/dev/null 2>&1
}

# Starts the jar on a new free port and waits until /actuator/health reports UP.
start_app() {
    local port run="$1"
    port="$(free_port)"
    base_url="http://127.0.0.1:$port"
    log_file="$work_dir/app-$run.log"
    java -jar "$jar" \
        --server.address=127.0.0.1 \
        --server.port="$port" \
        --lucidmq.directory="$data_dir" \
        --sample.sampler.enabled=false \
        >"$log_file" 2>&1 &
    app_pid=$!
    echo "smoke-sample: started run $run, pid $app_pid, on $base_url"
    local waited=0 health=""
    while [ "$waited" -lt "$STARTUP_TIMEOUT_S" ]; do
        kill -0 "$app_pid" 2>/dev/null || fail "the application exited during startup"
        health="$(curl -sS --max-time 5 "$base_url/actuator/health" 2>/dev/null || true)"
        if json_matches "$health" '.status == "UP" and .components.lucidmq.status == "UP"'
        then
            echo "smoke-sample: healthy after ${waited}s: lucidmq $(jq -c \
                '.components.lucidmq.details.containers | map_values(.state)' <<<"$health")"
            return
        fi
        sleep 1
        waited=$((waited + 1))
    done
    fail "/actuator/health not UP within ${STARTUP_TIMEOUT_S}s; last answer: $health"
}

# Sends a request; prints the body and checks the status code.
request() {
    local expected="$1" method="$2" path="$3" body="${4:-}"
    local output code
    local args=(-sS --max-time 30 -X "$method" -w '\n%{http_code}')
    if [ -n "$body" ]; then
        args+=(-H 'Content-Type: application/json' --data "$body")
    fi
    output="$(curl "${args[@]}" "$base_url$path")" || fail "$method $path failed: curl exit $?"
    code="${output##*$'\n'}"
    output="${output%$'\n'*}"
    [ "$code" = "$expected" ] || fail "$method $path returned $code, expected $expected: $output"
    echo "$output"
}

# Waits until the body of GET path satisfies the jq condition.
await_json() {
    local path="$1" condition="$2" waited=0 body=""
    while [ "$waited" -lt "$CONSUME_TIMEOUT_S" ]; do
        body="$(curl -sS --max-time 5 "$base_url$path" 2>/dev/null || true)"
        if json_matches "$body" "$condition"; then
            echo "smoke-sample: GET $path: $condition"
            return
        fi
        sleep 1
        waited=$((waited + 1))
    done
    fail "GET $path did not satisfy $condition within ${CONSUME_TIMEOUT_S}s; last body: $body"
}

readings() {
    local values=("$@") json="[" separator=""
    for value in "${values[@]}"; do
        json+="$separator{\"host\":\"$HOST_NAME\",\"metric\":\"temperature\",\"value\":$value}"
        separator=","
    done
    echo "$json]"
}

for tool in java curl jq; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
jar="$(find_jar)"
series="/stats?host=$HOST_NAME&metric=temperature"
# The statistics of the posted series: 20, 23, 21.5 and 95.5 give a mean of 40.
first_totals='.series[0] | .count == 4 and .min == 20 and .max == 95.5 and .mean == 40'

# Run 1: post readings and check that every listener consumed them.
start_app 1
request 202 POST /readings "$(readings 20 23 21.5 95.5)" >/dev/null
invalid="$(request 400 POST /readings "{\"host\":\"$HOST_NAME\",\"metric\":\"temperature\"}")"
json_matches "$invalid" '.field == "value"' || fail "400 body names no field: $invalid"
await_json "$series" "$first_totals"
await_json /alerts "any(.[].alert; .host == \"$HOST_NAME\" and .value == 95.5)"
await_json /actuator/metrics/lucidmq.listener \
    '.measurements[] | select(.statistic == "COUNT") | .value >= 3'
await_json /actuator/metrics/lucidmq.template \
    '.measurements[] | select(.statistic == "COUNT") | .value >= 4'
stats_before="$(request 200 GET /stats | jq -c .series)"
stop_app

# Run 2: same directory; the totals must be the same, and new readings must add to them.
start_app 2
stats_after="$(request 200 GET /stats | jq -c .series)"
[ "$stats_before" = "$stats_after" ] \
    || fail "statistics changed across the restart: before $stats_before, after $stats_after"
echo "smoke-sample: statistics survived the restart: $stats_after"
await_json /alerts "any(.[].alert; .host == \"$HOST_NAME\" and .value == 95.5)"
request 202 POST /readings "$(readings 25)" >/dev/null
second_totals='.series[0] | .count == 5 and .min == 20 and .max == 95.5 and .mean == 37'
await_json "$series" "$second_totals"
stats_before="$(request 200 GET /stats | jq -c .series)"
stop_app KILL

# Run 3: after a crash, the readings not yet in a snapshot are delivered and counted again.
start_app 3
await_json "$series" "$second_totals"
stats_after="$(request 200 GET /stats | jq -c .series)"
[ "$stats_before" = "$stats_after" ] \
    || fail "statistics changed across the crash: before $stats_before, after $stats_after"
echo "smoke-sample: statistics survived the crash: $stats_after"
stop_app

passed=true

#!/usr/bin/env bash
# Runs the LucidMQ benchmark suite in one go and writes docs/benchmarks.md from its results.
#
# Usage: lucidmq-benchmarks/run-benchmarks.sh [--short | --full] [--skip-build]
#   --short       a few minutes: 1 fork, 1 warm-up and 3 measured iterations of 1 s, a 256 MiB
#                 recovery partition, 3 start-up forks (the default)
#   --full        about half an hour: 2 forks, 3 warm-up and 5 measured iterations of 2 s,
#                 a 1 GiB recovery partition, 10 start-up forks
#   --skip-build  use the benchmarks jar already built
#
# Environment:
#   LUCIDMQ_BENCH_DIR   data directory of the benchmarks (default /tmp/lucidmq-bench); its
#                       file system is the one measured
#   LUCIDMQ_BUILD_DIR   Maven build directory name (default target), see the parent pom
#   JAVA                the java executable (default java)
#
# Raw results (JMH and harness JSON, logs, machine facts) go to
# lucidmq-benchmarks/$LUCIDMQ_BUILD_DIR/results.
set -euo pipefail

mode=short
build=1
for arg in "$@"; do
    case "$arg" in
        --short) mode=short ;;
        --full) mode=full ;;
        --skip-build) build=0 ;;
        *) echo "unknown option $arg; expected --short, --full or --skip-build" >&2; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
module="$repo/lucidmq-benchmarks"
build_dir=${LUCIDMQ_BUILD_DIR:-target}
jar="$module/$build_dir/benchmarks.jar"
results="$module/$build_dir/results"
data=${LUCIDMQ_BENCH_DIR:-/tmp/lucidmq-bench}
java=${JAVA:-java}

# Options Chronicle Queue 5.27ea0 needs on Java 17: the jvm.requiredArgs of the java17 profile
# in net.openhft:root-parent-pom:1.27ea0 (the same list is in the module's pom for the tests),
# and the switch that keeps its usage analytics off. JMH forks inherit the options of the JVM
# that starts them.
jvm_options=(
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.util=ALL-UNNAMED
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
    --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
    -Dchronicle.analytics.disable=true
    -Xms2g -Xmx2g
    "-Dlucidmq.bench.dir=$data"
)

if [[ $mode == short ]]; then
    throughput_settings=(-f 1 -wi 1 -w 1s -i 3 -r 1s)
    recovery_settings=(-f 1 -wi 1 -i 3 -p partitionBytes=268435456)
    startup_forks=3
else
    throughput_settings=(-f 2 -wi 3 -w 2s -i 5 -r 2s)
    recovery_settings=(-f 1 -wi 1 -i 5 -p partitionBytes=1073741824)
    startup_forks=10
fi

if [[ $build == 1 ]]; then
    echo "Building $jar"
    (cd "$repo" && mvn -B -q -pl lucidmq-benchmarks -am "-Dlucidmq.buildDir=$build_dir" \
        -DskipTests package)
fi
if [[ ! -f $jar ]]; then
    echo "no benchmarks jar at $jar; run without --skip-build" >&2
    exit 1
fi

mkdir -p "$results" "$data"
rm -f "$results"/*.json "$results"/*.log

load() { cut -d' ' -f1-3 /proc/loadavg; }
machine="$results/machine.properties"
{
    echo "mode=$mode"
    echo "command=lucidmq-benchmarks/run-benchmarks.sh --$mode"
    echo "started=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory=$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available at start"}')"
    echo "dataDir=$data"
    echo "fsType=$(df -T "$data" | awk 'NR == 2 {print $2 " on " $1}')"
    echo "kernel=$(uname -sr)"
    echo "java=$("$java" -version 2>&1 | head -n 1)"
    echo "loadStart=$(load)"
    echo "resultsDir=${results#"$repo"/}"
} > "$machine"

# Runs JMH as run $1 with the remaining options. A failing benchmark leaves its figures out
# of the JSON, and the page shows them as missing.
run_jmh() {
    local name=$1
    shift
    echo "JMH: $name"
    "$java" "${jvm_options[@]}" -jar "$jar" "$@" -rf json -rff "$results/jmh-$name.json" \
        > "$results/jmh-$name.log" 2>&1 || echo "JMH run $name failed; see $results/jmh-$name.log"
}

run_jmh throughput 'io\.lucidmq\.benchmarks\.(append|durable|consume)\.' \
    "${throughput_settings[@]}"
run_jmh recovery 'io\.lucidmq\.benchmarks\.recovery\.' "${recovery_settings[@]}"
run_jmh startup 'io\.lucidmq\.benchmarks\.spring\.StartupBenchmark' \
    -f "$startup_forks" -wi 0 -i 1

harness_args=()
for scenario in produce-to-poll footprint spring; do
    echo "Harness: $scenario"
    out="$results/harness-$scenario.json"
    if "$java" "${jvm_options[@]}" -cp "$jar" io.lucidmq.benchmarks.harness.HarnessMain \
        "$scenario" "$mode" "$out" > "$results/harness-$scenario.log" 2>&1; then
        harness_args+=(--harness "$out")
    else
        echo "harness $scenario failed; see $results/harness-$scenario.log"
    fi
done

{
    echo "loadEnd=$(load)"
    echo "finished=$(date -u '+%Y-%m-%d %H:%M UTC')"
} >> "$machine"

jmh_args=()
for file in "$results"/jmh-*.json; do
    [[ -s $file ]] && jmh_args+=(--jmh "$file")
done
"$java" -cp "$jar" io.lucidmq.benchmarks.report.ReportGenerator --machine "$machine" \
    --out "$repo/docs/benchmarks.md" "${jmh_args[@]}" "${harness_args[@]}"
echo "Wrote $repo/docs/benchmarks.md"

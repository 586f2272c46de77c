#!/usr/bin/env bash
# instructions-engine.sh: instructions per evaluation of the engine's
# benchmarks, counted by valgrind's callgrind: a figure the load of a
# shared machine does not move (wall and CPU times on a busy 2-core machine
# vary by a third from run to run; these by a few per cent).
#
#   scripts/instructions-engine.sh [RUNS]   (default 3 runs of each)
#
# For each of the 20-command pipeline, the parser alone on it, and the
# five seed calls, it runs the benchmark for a fixed count under callgrind,
# collecting only inside Engine.Evaluate (or the parser's Parse), and
# prints the min and max of total instructions / count. The collector is
# off (GOGC=off: its assists would add noise) and so is asynchronous
# preemption (callgrind trips on Go's preemption signal); the runtime's
# RDTSCP is off too (Go 1.26 reads the clock with it, and valgrind 3.19
# stops the program on it as an unknown instruction). Needs valgrind
# (apt-get install valgrind). It reports; it does not fail on the figures.
set -euo pipefail

runs=${1:-3}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root/pkg" && go test -c -o "$work/engine.test" ./engine/)

# count BENCH TOGGLE N: instructions per operation of one run
count() {
	local out="$work/cg.out"
	(cd "$root/pkg/engine" && GOGC=off GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind \
		--toggle-collect="$2" --callgrind-out-file="$out" "$work/engine.test" \
		-test.run '^$' -test.bench "$1" -test.benchtime "${3}x" >/dev/null 2>&1)
	callgrind_annotate "$out" 2>/dev/null | awk -v n="$3" '/PROGRAM TOTALS/ {gsub(",", "", $1); printf "%d\n", $1 / n}'
	rm -f "$out"
}

# row NAME BENCH TOGGLE N: min and max over the runs
row() {
	local vals=()
	for ((i = 1; i <= runs; i++)); do
		vals+=("$(count "$2" "$3" "$4")")
	done
	printf '%s\n' "${vals[@]}" | sort -n | awk -v name="$1" '{a[NR] = $1} END {printf "%-22s %10d %10d\n", name, a[1], a[NR]}' | tee "$work/row"
	awk '{print $(NF - 1)}' "$work/row" >"$work/min.$1"
}

evaluate='*engine.(*Engine).Evaluate'
printf '%-22s %10s %10s   (instructions per operation, %d runs)\n' benchmark min max "$runs"
row pipeline '^BenchmarkLongPipeline$' "$evaluate" 200
row parser-alone '^BenchmarkLongPipelineParseOnly$' '*syntax.(*Parser).Parse' 200
for s in rm-rf-root sudo-reboot read-ssh-key git-status fetch-ngrok; do
	row "seed $s" "^BenchmarkSeed\$/^$s\$" "$evaluate" 1000
done
awk 'BEGIN {getline e < ARGV[1]; getline p < ARGV[2]; printf "engine/parser, instructions: %.2f (target: about 2.2)\n", e / p; exit}' "$work/min.pipeline" "$work/min.parser-alone"

#!/usr/bin/env bash
# bench-preload: what Rampart adds to running a command.
#
#   1. librampart: N runs of /bin/true from a bash loop, without and with
#      LD_PRELOAD (each exec asks `rampart-eval --listen`, which audits it);
#      reported as microseconds added per exec. Target: at most 150 µs.
#   2. rampart-shell -c true against sh -c true (policy load, decision and
#      audit record in a fresh process each time).
#
# Uses rampart-eval and rampart-shell from $PATH (make bench puts bin/ first),
# else from bin/; librampart.so from $RAMPART_LIB, else librampart/ (built if
# missing). Best of ROUNDS rounds, to keep a busy machine's noise out.
# Prints figures only; it never fails on time.
set -euo pipefail

N=${N:-500}
SHIM_N=${SHIM_N:-100}
ROUNDS=${ROUNDS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
PATH=$PATH:$root/bin

for b in rampart-eval rampart-shell; do
	command -v "$b" >/dev/null || { echo "bench-preload: $b not found (run make build)" >&2; exit 2; }
done
lib=${RAMPART_LIB:-$root/librampart/librampart.so}
if [ ! -f "$lib" ]; then
	command -v cc >/dev/null || { echo "bench-preload: no C compiler: skipped"; exit 0; }
	make -s -C "$root/librampart" >/dev/null
fi

work=$(mktemp -d /tmp/rampart-bench.XXXXXX)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
export RAMPART_HOME=$work/home
unset RAMPART_POLICY RAMPART_MODE RAMPART_FAIL_OPEN
sock=$work/eval.sock
rampart-eval --listen "unix:$sock" 2>"$work/eval.log" &
server=$!
for _ in $(seq 200); do [ -S "$sock" ] && break; sleep 0.05; done
[ -S "$sock" ] || { echo "bench-preload: rampart-eval did not listen" >&2; cat "$work/eval.log" >&2; exit 2; }

now() { date +%s%N; }

# server_cpu: CPU time rampart-eval has used so far, in nanoseconds.
server_cpu() {
	local sum=0 run _
	for f in /proc/"$server"/task/*/schedstat; do
		read -r run _ <"$f" && sum=$((sum + run))
	done
	echo "$sum"
}

# measure CMD...: best of ROUNDS runs of CMD, which prints bash's `times`
# last. Sets WALL (wall ns) and CPU (ns of CPU used by CMD, its children
# and rampart-eval): CPU stays meaningful on a busy machine, WALL does not.
measure() {
	WALL=0 CPU=0
	local t0 s0 w c out
	for _ in $(seq "$ROUNDS"); do
		s0=$(server_cpu)
		t0=$(now)
		out=$("$@" | tail -2)
		w=$(($(now) - t0))
		c=$(printf '%s\n' "$out" | awk -v srv=$(($(server_cpu) - s0)) '
			function sec(t) { sub(/s$/, "", t); split(t, p, "m"); return p[1] * 60 + p[2] }
			{ total += sec($1) + sec($2) }
			END { printf "%.0f", total * 1e9 + srv }')
		if [ "$WALL" -eq 0 ] || [ "$w" -lt "$WALL" ]; then WALL=$w; fi
		if [ "$CPU" -eq 0 ] || [ "$c" -lt "$CPU" ]; then CPU=$c; fi
	done
}

loop='for ((i = 0; i < '"$N"'; i++)); do /bin/true; done; times'
measure bash -c "$loop"
plain_w=$WALL plain_c=$CPU
measure env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$loop"
pre_w=$WALL pre_c=$CPU
records=$(wc -l <"$RAMPART_HOME/audit/audit.jsonl")
denied=$(grep -c '"decision":"deny"' "$RAMPART_HOME/audit/audit.jsonl" || true)

shim_loop() { # shim_loop SHELL: SHIM_N runs of SHELL -c true
	for ((i = 0; i < SHIM_N; i++)); do "$1" -c true; done
	times
}
measure shim_loop sh
sh_w=$WALL sh_c=$CPU
measure shim_loop rampart-shell
shim_w=$WALL shim_c=$CPU

awk -v n="$N" -v aw="$plain_w" -v ac="$plain_c" -v bw="$pre_w" -v bc="$pre_c" -v r="$records" -v d="$denied" \
	-v sn="$SHIM_N" -v sw="$sh_w" -v sc="$sh_c" -v mw="$shim_w" -v mc="$shim_c" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
	printf "bench-preload: load average %s; best of %d rounds\n", load, '"$ROUNDS"'
	printf "bench-preload: /bin/true x %d from a bash loop: plain %.1f us/exec wall, %.1f us/exec CPU\n", n, aw / n / 1e3, ac / n / 1e3
	printf "bench-preload: preloaded %.1f us/exec wall, %.1f us/exec CPU (rampart-eval included)\n", bw / n / 1e3, bc / n / 1e3
	printf "bench-preload: librampart adds %.1f us per exec wall, %.1f us CPU (target <= 150 us); %d calls audited, %d denied\n", (bw - aw) / n / 1e3, (bc - ac) / n / 1e3, r, d
	printf "bench-preload: sh -c true %.2f ms wall (%.2f ms CPU); rampart-shell -c true %.2f ms wall (%.2f ms CPU)\n", sw / sn / 1e6, sc / sn / 1e6, mw / sn / 1e6, mc / sn / 1e6
	printf "bench-preload: the shim adds %.2f ms wall, %.2f ms CPU per command\n", (mw - sw) / sn / 1e6, (mc - sc) / sn / 1e6
}'

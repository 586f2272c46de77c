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

# best CMD...: the smallest wall time of ROUNDS runs, in nanoseconds.
best() {
	local min=0 t0 t
	for _ in $(seq "$ROUNDS"); do
		t0=$(now)
		"$@" >/dev/null
		t=$(($(now) - t0))
		if [ "$min" -eq 0 ] || [ "$t" -lt "$min" ]; then min=$t; fi
	done
	echo "$min"
}

loop='for ((i = 0; i < '"$N"'; i++)); do /bin/true; done'
plain=$(best bash -c "$loop")
preloaded=$(best env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$loop")
records=$(wc -l <"$RAMPART_HOME/audit/audit.jsonl")
denied=$(grep -c '"decision":"deny"' "$RAMPART_HOME/audit/audit.jsonl" || true)

shim_loop() { # shim_loop SHELL: SHIM_N runs of SHELL -c true
	for ((i = 0; i < SHIM_N; i++)); do "$1" -c true; done
}
sh_t=$(best shim_loop sh)
shim_t=$(best shim_loop rampart-shell)

awk -v n="$N" -v a="$plain" -v b="$preloaded" -v r="$records" -v d="$denied" \
	-v sn="$SHIM_N" -v s="$sh_t" -v m="$shim_t" 'BEGIN {
	printf "bench-preload: /bin/true x %d from a bash loop: %.1f us/exec plain, %.1f us/exec preloaded\n", n, a / n / 1000, b / n / 1000
	printf "bench-preload: librampart adds %.1f us per exec (target <= 150 us); %d calls audited, %d denied\n", (b - a) / n / 1000, r, d
	printf "bench-preload: sh -c true %.2f ms, rampart-shell -c true %.2f ms: the shim adds %.2f ms per command\n", s / sn / 1e6, m / sn / 1e6, (m - s) / sn / 1e6
}'

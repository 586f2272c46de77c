#!/usr/bin/env bash
# bench-preload: what Rampart adds to running a command, side by side with
# the same thing done without it.
#
#   1. librampart: N runs of /bin/true from a bash loop, bare and with
#      LD_PRELOAD (each exec asks `rampart-eval --listen`, which writes the
#      audit record before it answers), alternating in chunks of CHUNK in
#      each of ROUNDS rounds. Per round: microseconds per exec, bare and preloaded,
#      the microseconds added and the ratio; then min/median/max over the
#      rounds. CPU is the loop's, its children's and rampart-eval's.
#      Target: at most 150 us added. The limit it is held against is the
#      audited socket round trip in process (rampart-eval's
#      BenchmarkListenRoundTrip, asked as librampart asks for an exec: one
#      datagram from a fresh socket on Linux, else one connection per
#      question), printed when the Go toolchain and the sources are here.
#   2. rampart-shell -c true against sh -c true (policy load, decision and
#      audit record in a fresh process each time).
#
# Uses rampart-eval and rampart-shell from $PATH (make bench puts bin/ first),
# else from bin/; librampart.so from $RAMPART_LIB, else librampart/ (built if
# missing). Prints figures only; it never fails on time.
set -euo pipefail

N=${N:-500}
SHIM_N=${SHIM_N:-100}
ROUNDS=${ROUNDS:-5}
CHUNK=${CHUNK:-50}
[ "$CHUNK" -le "$N" ] || CHUNK=$N
N=$((N / CHUNK * CHUNK))
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

# measure CMD...: one run of CMD, which prints bash's `times` last. Sets
# WALL (ns) and CPU (ns used by CMD, its children and rampart-eval).
measure() {
	local s0 t0 out
	s0=$(server_cpu)
	t0=$(now)
	out=$("$@" | tail -2)
	WALL=$(($(now) - t0))
	CPU=$(printf '%s\n' "$out" | awk -v srv=$(($(server_cpu) - s0)) '
		function sec(t) { sub(/s$/, "", t); split(t, p, "m"); return p[1] * 60 + p[2] }
		{ total += sec($1) + sec($2) }
		END { printf "%.0f", total * 1e9 + srv }')
}

# The in-process limit, measured first, while nothing else of ours runs.
limit_us=
limit_name=conn-per-call-audited
[ "$(uname -s)" = Linux ] && limit_name=datagram-audited
if command -v go >/dev/null && [ -f "$root/rampart-eval/listen_test.go" ]; then
	limit_us=$(cd "$root/rampart-eval" && go test -run '^$' -bench "ListenRoundTrip/$limit_name\$" \
		-benchtime 2000x -count 3 . 2>/dev/null |
		sort -n -k3 | awk '/ns\/op/ { v[++n] = $3 } END { if (n) printf "%.1f", v[int((n + 1) / 2)] / 1e3 }') || limit_us=
fi

# Each round alternates bare and preloaded chunks of CHUNK execs, so that
# a change in the machine's load falls on both sides alike.
chunk='for ((i = 0; i < '"$CHUNK"'; i++)); do /bin/true; done; times'
rows=$work/rows
: >"$rows"
for r in $(seq "$ROUNDS"); do
	bw=0 bc=0 pw=0 pc=0
	for _ in $(seq $((N / CHUNK))); do
		measure bash -c "$chunk"
		bw=$((bw + WALL)) bc=$((bc + CPU))
		measure env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$chunk"
		pw=$((pw + WALL)) pc=$((pc + CPU))
	done
	echo "$r $bw $bc $pw $pc" >>"$rows"
done
loop='for ((i = 0; i < '"$N"'; i++)); do /bin/true; done; times'
# What holds on a busy machine: events per exec counted by perf, when it
# may count them (one more round, bare and preloaded, with rampart-eval's).
counts=
events=raw_syscalls:sys_enter,page-faults,context-switches
if command -v perf >/dev/null && perf stat -e "$events" -o /dev/null true 2>/dev/null; then
	perf stat -e "$events" -o "$work/bare.perf" bash -c "$loop" >/dev/null
	perf stat -e "$events" -p "$server" -o "$work/server.perf" &
	pstat=$!
	sleep 0.2
	perf stat -e "$events" -o "$work/pre.perf" env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$loop" >/dev/null
	kill -INT "$pstat" && wait "$pstat" || true
	counts=$(for f in bare pre server; do
		awk -v f=$f '/sys_enter/ { s = $1 } /page-faults/ { p = $1 } /context-switches/ { c = $1 }
			END { gsub(/,/, "", s); gsub(/,/, "", p); gsub(/,/, "", c); printf "%s %s %s %s\n", f, s, p, c }' "$work/$f.perf"
	done)
fi
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

awk -v n="$N" -v rounds="$ROUNDS" -v limit="$limit_us" -v limit_name="$limit_name" -v counts="$counts" -v r="$records" -v d="$denied" \
	-v sn="$SHIM_N" -v sw="$sh_w" -v sc="$sh_c" -v mw="$shim_w" -v mc="$shim_c" \
	-v load="$(cut -d' ' -f1 /proc/loadavg)" '
function spread(a, k, f,   s, i, j, t) {
	for (i = 1; i <= k; i++) s[i] = a[i]
	for (i = 2; i <= k; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
	return sprintf("min " f "  median " f "  max " f, s[1], k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2, s[k])
}
BEGIN {
	printf "bench-preload: /bin/true x %d from a bash loop, bare and preloaded side by side, %d rounds; load average %s\n", n, rounds, load
	printf "bench-preload: %5s %10s %10s %10s %7s   %10s %10s %10s %7s\n", "round", "bare", "preloaded", "added", "ratio", "bare CPU", "pre CPU", "added CPU", "ratio"
}
{
	k++
	bw = $2 / n / 1e3; bc = $3 / n / 1e3; pw = $4 / n / 1e3; pc = $5 / n / 1e3
	aw[k] = pw - bw; ac[k] = pc - bc; rw[k] = pw / bw; rc[k] = pc / bc
	printf "bench-preload: %5d %8.1fus %8.1fus %8.1fus %6.2fx   %8.1fus %8.1fus %8.1fus %6.2fx\n", $1, bw, pw, aw[k], rw[k], bc, pc, ac[k], rc[k]
}
END {
	printf "bench-preload: librampart adds per exec, wall: %s us (target <= 150)\n", spread(aw, k, "%.1f")
	printf "bench-preload: librampart adds per exec, CPU:  %s us\n", spread(ac, k, "%.1f")
	printf "bench-preload: preloaded / bare, wall:         %s\n", spread(rw, k, "%.2fx")
	printf "bench-preload: preloaded / bare, CPU:          %s\n", spread(rc, k, "%.2fx")
	if (limit != "") {
		for (i = 1; i <= k; i++) lr[i] = aw[i] / limit
		printf "bench-preload: limit: the audited round trip in process (BenchmarkListenRoundTrip/%s) %.1f us; added wall / limit: %s\n", limit_name, limit, spread(lr, k, "%.1fx")
	} else
		printf "bench-preload: limit: not measured (needs go and the rampart-eval sources)\n"
	if (counts != "") {
		split(counts, line, "\n")
		for (i in line) { split(line[i], f, " "); sy[f[1]] = f[2] / n; pf[f[1]] = f[3] / n; cs[f[1]] = f[4] / n }
		printf "bench-preload: per exec (perf): syscalls bare %.1f, preloaded %.1f + rampart-eval %.1f; page faults bare %.1f, preloaded %.1f + %.1f; context switches bare %.1f, preloaded %.1f + %.1f\n", sy["bare"], sy["pre"], sy["server"], pf["bare"], pf["pre"], pf["server"], cs["bare"], cs["pre"], cs["server"]
	}
	printf "bench-preload: %d calls audited, %d denied\n", r, d
	printf "bench-preload: sh -c true %.2f ms wall (%.2f ms CPU); rampart-shell -c true %.2f ms wall (%.2f ms CPU)\n", sw / sn / 1e6, sc / sn / 1e6, mw / sn / 1e6, mc / sn / 1e6
	printf "bench-preload: the shim adds %.2f ms wall, %.2f ms CPU per command\n", (mw - sw) / sn / 1e6, (mc - sc) / sn / 1e6
}' "$rows"

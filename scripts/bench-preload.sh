#!/usr/bin/env bash
# bench-preload: what Rampart adds to running a command, side by side with
# the same thing done without it.
#
#   1. librampart: N runs of /bin/true from a bash loop, bare, with an
#      empty library preloaded (what preloading anything at all costs: the
#      floor), and with librampart preloaded (each exec asks `rampart-eval
#      --listen`, which writes the audit record before it answers),
#      alternating in chunks of CHUNK in each of ROUNDS rounds. Per round:
#      microseconds per exec, the microseconds librampart adds and its
#      ratio against the bare loop and against the empty library's; then
#      min/median/max over the rounds. CPU is the loop's, its children's and
#      rampart-eval's. Target: at most 150 us added to the bare loop. The
#      limit it is held against is the
#      audited socket round trip in process (rampart-eval's
#      BenchmarkListenRoundTrip, asked as librampart asks for an exec: one
#      datagram from a fresh socket on Linux, else one connection per
#      question), printed when the Go toolchain and the sources are here.
#   2. The question alone, asked from C the way librampart asks it for an
#      exec (bench-preload-ask.c), ASK_N times ASK_GAP microseconds apart in
#      each round, as a bash loop asks (the server idle before each one) and
#      back to back: rampart-eval --listen against a server that answers at
#      once and audits nothing (bench-preload-echo.c), which is the floor of
#      one datagram round trip between two processes on this machine.
#      Printed: the median round trip of each, what rampart-eval adds and
#      the ratio, and rampart-eval's CPU per question. No fork or exec is
#      timed, so this part holds better than part 1 on a busy machine.
#   3. Instructions to start /bin/true (callgrind, when valgrind is
#      here), bare, with the empty library and with librampart: what
#      loading the library costs every program, exec or no exec, as a
#      count that a busy machine does not change.
#   4. rampart-shell -c true against sh -c true (policy load, decision and
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
ASK_N=${ASK_N:-500}
ASK_GAP=${ASK_GAP:-3000}
[ "$CHUNK" -le "$N" ] || CHUNK=$N
N=$((N / CHUNK * CHUNK))
root=$(cd "$(dirname "$0")/.." && pwd)
PATH=$PATH:$root/bin

for b in rampart-eval rampart-shell; do
	command -v "$b" >/dev/null || { echo "bench-preload: $b not found (run make build)" >&2; exit 2; }
done
lib=${RAMPART_LIB:-$root/librampart/librampart.so}
command -v cc >/dev/null || { echo "bench-preload: no C compiler: skipped"; exit 0; }
[ -f "$lib" ] || make -s -C "$root/librampart" >/dev/null

work=$(mktemp -d /tmp/rampart-bench.XXXXXX)
# The floor: a library with nothing in it, preloaded the same way and
# linked as librampart is (its read-only parts one mapping): linked with
# the defaults it maps four segments where librampart maps three, so the
# floor was two mmap calls and their faults higher than it need be.
empty=$work/empty.so
echo 'void rampart_bench_empty(void) {}' >"$work/empty.c"
cc -shared -fPIC -O2 -Wl,-z,noseparate-code -Wl,-z,now -o "$empty" "$work/empty.c" 2>/dev/null ||
	cc -shared -fPIC -O2 -o "$empty" "$work/empty.c"
server=
echo_pid=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	[ -n "$echo_pid" ] && kill "$echo_pid" 2>/dev/null && wait "$echo_pid" 2>/dev/null
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

# Each round alternates bare, empty and preloaded chunks of CHUNK execs,
# so that a change in the machine's load falls on all three alike.
chunk='for ((i = 0; i < '"$CHUNK"'; i++)); do /bin/true; done; times'
rows=$work/rows
: >"$rows"
for r in $(seq "$ROUNDS"); do
	bw=0 bc=0 ew=0 ec=0 pw=0 pc=0
	for _ in $(seq $((N / CHUNK))); do
		measure bash -c "$chunk"
		bw=$((bw + WALL)) bc=$((bc + CPU))
		measure env LD_PRELOAD="$empty" bash -c "$chunk"
		ew=$((ew + WALL)) ec=$((ec + CPU))
		measure env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$chunk"
		pw=$((pw + WALL)) pc=$((pc + CPU))
	done
	echo "$r $bw $bc $pw $pc $ew $ec" >>"$rows"
done
loop='for ((i = 0; i < '"$N"'; i++)); do /bin/true; done; times'
# What holds on a busy machine: events per exec counted by perf, when it
# may count them (one more round, bare, empty and preloaded, with
# rampart-eval's).
counts=
events=raw_syscalls:sys_enter,page-faults,context-switches
if command -v perf >/dev/null && perf stat -e "$events" -o /dev/null true 2>/dev/null; then
	perf stat -e "$events" -o "$work/bare.perf" bash -c "$loop" >/dev/null
	perf stat -e "$events" -o "$work/empty.perf" env LD_PRELOAD="$empty" bash -c "$loop" >/dev/null
	perf stat -e "$events" -p "$server" -o "$work/server.perf" &
	pstat=$!
	sleep 0.2
	perf stat -e "$events" -o "$work/pre.perf" env LD_PRELOAD="$lib" RAMPART_SOCKET="$sock" bash -c "$loop" >/dev/null
	kill -INT "$pstat" && wait "$pstat" || true
	counts=$(for f in bare empty pre server; do
		awk -v f=$f '/sys_enter/ { s = $1 } /page-faults/ { p = $1 } /context-switches/ { c = $1 }
			END { gsub(/,/, "", s); gsub(/,/, "", p); gsub(/,/, "", c); printf "%s %s %s %s\n", f, s, p, c }' "$work/$f.perf"
	done)
fi
# Instructions to start one program (callgrind, user space: the dynamic
# loader, the library's constructor, the program), bare, with the empty
# library and with librampart: a count, the same on a busy machine.
starts=
if command -v valgrind >/dev/null; then
	ir() { env "$@" valgrind --tool=callgrind --callgrind-out-file=/dev/null /bin/true 2>&1 | awk '/Collected/ { print $NF }'; }
	starts="$(ir X=1) $(ir LD_PRELOAD="$empty") $(ir LD_PRELOAD="$lib" RAMPART_SOCKET="$sock")"
fi
records=$(wc -l <"$RAMPART_HOME/audit/audit.jsonl")
denied=$(grep -c '"decision":"deny"' "$RAMPART_HOME/audit/audit.jsonl" || true)

# Part 2: the question alone, against the echo floor, rounds alternating.
asks=
if [ "$(uname -s)" = Linux ] && cc -O2 -o "$work/ask" "$root/scripts/bench-preload-ask.c" 2>/dev/null &&
	cc -O2 -o "$work/echo" "$root/scripts/bench-preload-echo.c" 2>/dev/null; then
	"$work/echo" "$work/echo.sock" &
	echo_pid=$!
	for _ in $(seq 100); do [ -S "$work/echo.sock.dgram.reply" ] && break; sleep 0.05; done
	for r in $(seq "$ROUNDS"); do
		for gap in "$ASK_GAP" 0; do
			e=$("$work/ask" "$work/echo.sock" "$ASK_N" "$gap")
			s0=$(server_cpu)
			p=$("$work/ask" "$sock" "$ASK_N" "$gap")
			cpu=$(( ($(server_cpu) - s0) / ASK_N ))
			asks="$asks$r $gap $e $p $cpu;"
		done
	done
fi

shim_loop() { # shim_loop SHELL: SHIM_N runs of SHELL -c true
	for ((i = 0; i < SHIM_N; i++)); do "$1" -c true; done
	times
}
measure shim_loop sh
sh_w=$WALL sh_c=$CPU
measure shim_loop rampart-shell
shim_w=$WALL shim_c=$CPU

awk -v n="$N" -v rounds="$ROUNDS" -v starts="$starts" -v limit="$limit_us" -v limit_name="$limit_name" -v counts="$counts" -v r="$records" -v d="$denied" \
	-v sn="$SHIM_N" -v sw="$sh_w" -v sc="$sh_c" -v mw="$shim_w" -v mc="$shim_c" \
	-v asks="$asks" -v askn="$ASK_N" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
function spread(a, k, f,   s, i, j, t) {
	for (i = 1; i <= k; i++) s[i] = a[i]
	for (i = 2; i <= k; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
	return sprintf("min " f "  median " f "  max " f, s[1], k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2, s[k])
}
BEGIN {
	printf "bench-preload: /bin/true x %d from a bash loop, bare, with an empty library preloaded and with librampart, side by side, %d rounds; load average %s\n", n, rounds, load
	printf "bench-preload: per exec, wall: %5s %9s %9s %9s %9s %6s %9s %6s\n", "round", "bare", "empty", "rampart", "+bare", "ratio", "+empty", "ratio"
}
{
	k++
	bw = $2 / n / 1e3; bc = $3 / n / 1e3; pw = $4 / n / 1e3; pc = $5 / n / 1e3; ew = $6 / n / 1e3; ec = $7 / n / 1e3
	aw[k] = pw - bw; ac[k] = pc - bc; rw[k] = pw / bw; rc[k] = pc / bc
	ew_[k] = pw - ew; ec_[k] = pc - ec; rew[k] = pw / ew; rec[k] = pc / ec
	printf "bench-preload: per exec, wall: %5d %7.1fus %7.1fus %7.1fus %7.1fus %5.2fx %7.1fus %5.2fx\n", $1, bw, ew, pw, aw[k], rw[k], ew_[k], rew[k]
	cpu[k] = sprintf("bench-preload: per exec, CPU:  %5d %7.1fus %7.1fus %7.1fus %7.1fus %5.2fx %7.1fus %5.2fx", $1, bc, ec, pc, ac[k], rc[k], ec_[k], rec[k])
}
END {
	for (i = 1; i <= k; i++) print cpu[i]
	printf "bench-preload: librampart adds per exec to the bare loop, wall:    %s us (target <= 150)\n", spread(aw, k, "%.1f")
	printf "bench-preload: librampart adds per exec to the bare loop, CPU:     %s us\n", spread(ac, k, "%.1f")
	printf "bench-preload: librampart adds per exec to the empty library, wall: %s us\n", spread(ew_, k, "%.1f")
	printf "bench-preload: librampart adds per exec to the empty library, CPU:  %s us\n", spread(ec_, k, "%.1f")
	printf "bench-preload: rampart / bare, wall:  %s;  CPU: %s\n", spread(rw, k, "%.2fx"), spread(rc, k, "%.2fx")
	printf "bench-preload: rampart / empty, wall: %s;  CPU: %s\n", spread(rew, k, "%.2fx"), spread(rec, k, "%.2fx")
	if (limit != "") {
		for (i = 1; i <= k; i++) lr[i] = aw[i] / limit
		printf "bench-preload: limit: the audited round trip in process (BenchmarkListenRoundTrip/%s) %.1f us; added wall / limit: %s\n", limit_name, limit, spread(lr, k, "%.1fx")
	} else
		printf "bench-preload: limit: not measured (needs go and the rampart-eval sources)\n"
	if (counts != "") {
		split(counts, line, "\n")
		for (i in line) { split(line[i], f, " "); sy[f[1]] = f[2] / n; pf[f[1]] = f[3] / n; cs[f[1]] = f[4] / n }
		printf "bench-preload: per exec (perf): syscalls bare %.1f, empty %.1f, rampart %.1f + rampart-eval %.1f; page faults bare %.1f, empty %.1f, rampart %.1f + %.1f; context switches bare %.1f, empty %.1f, rampart %.1f + %.1f\n", sy["bare"], sy["empty"], sy["pre"], sy["server"], pf["bare"], pf["empty"], pf["pre"], pf["server"], cs["bare"], cs["empty"], cs["pre"], cs["server"]
	}
	if (split(starts, st, " ") == 3)
		printf "bench-preload: instructions to start /bin/true (callgrind): bare %d, empty library %d, librampart %d (+%d over the empty library, %.3fx)\n", st[1], st[2], st[3], st[3] - st[2], st[3] / st[2]
	if (asks != "") {
		# round gap echo(p10 p50 p90 lost) eval(p10 p50 p90 lost) cpu_ns
		na = split(asks, al, ";")
		printf "bench-preload: the question alone, from C as librampart asks it, %d per round; median round trip, echo floor vs rampart-eval:\n", askn
		for (i = 1; i < na; i++) {
			split(al[i], f, " ")
			g = f[2] + 0
			k_[g]++; j = k_[g]
			add[g, j] = f[8] - f[4]; rat[g, j] = f[8] / f[4]; cpuq[g, j] = f[11] / 1e3
			lost += f[6] + f[10]
			printf "bench-preload:   round %d, %s: echo %.1fus (p10 %.1f, p90 %.1f), rampart-eval %.1fus (p10 %.1f, p90 %.1f), +%.1fus, %.2fx; rampart-eval CPU %.1fus per question\n", f[1], g ? g "us apart" : "back to back", f[4], f[3], f[5], f[8], f[7], f[9], add[g, j], rat[g, j], cpuq[g, j]
		}
		for (g in k_) {
			delete a1; delete a2; delete a3
			for (j = 1; j <= k_[g]; j++) { a1[j] = add[g, j]; a2[j] = rat[g, j]; a3[j] = cpuq[g, j] }
			printf "bench-preload: rampart-eval adds to the echo floor, %s: %s us; ratio %s; CPU per question %s us\n", g + 0 ? g "us apart" : "back to back", spread(a1, k_[g], "%.1f"), spread(a2, k_[g], "%.2fx"), spread(a3, k_[g], "%.1f")
		}
		if (lost) printf "bench-preload: %d questions got no answer\n", lost
	}
	printf "bench-preload: %d calls audited in part 1, %d denied\n", r, d
	printf "bench-preload: sh -c true %.2f ms wall (%.2f ms CPU); rampart-shell -c true %.2f ms wall (%.2f ms CPU)\n", sw / sn / 1e6, sc / sn / 1e6, mw / sn / 1e6, mc / sn / 1e6
	printf "bench-preload: the shim adds %.2f ms wall, %.2f ms CPU per command\n", (mw - sw) / sn / 1e6, (mc - sc) / sn / 1e6
}' "$rows"

#!/usr/bin/env bash
# bench-serve.sh: load test of rampart-serve's decision endpoint on loopback,
# side by side with the ceiling of the load generator on this machine.
#
#   scripts/bench-serve.sh [SECONDS [RUNS]]   (default 10 s, 3 runs;
#                                              rampart-serve and rampart-audit
#                                              from PATH)
#
# Each run first measures the ceiling: the load generator
# (rampart-serve/internal/loadgen, 8 keep-alive connections, POST
# /v1/preflight/exec) against a trivial net/http handler that reads the body
# and answers a fixed allow (loadgen -trivial-server). The generator shares
# the cores with the server, so no server can be measured faster than this.
# Then it starts rampart-serve on a free loopback port with a fresh
# RAMPART_HOME and the embedded standard profile, drives the same load for
# SECONDS, stops the server and checks that every answered decision has its
# audit record and that the chain verifies.
#
# It prints each run (req/s, p50 and p99 of rampart-serve next to the
# ceiling's, and their ratio), then min/median/max over the runs, and last
# one JSON object with those spreads. Target (issue 15, 2 cores): >= 20,000
# req/s, p99 <= 5 ms. It reports the figures; it fails only if an audit trail
# is short or broken.
set -euo pipefail

secs=${1:-10}
runs=${2:-${BENCH_SERVE_RUNS:-3}}
conc=${BENCH_SERVE_CONNS:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
serve=$(command -v rampart-serve || true)
auditbin=$(command -v rampart-audit || true)
if [[ -z $serve ]]; then
	echo "bench-serve.sh: error: rampart-serve not found (make build, then put bin/ on PATH)" >&2
	exit 2
fi

work=$(mktemp -d)
pid=
cleanup() {
	if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work/home
unset RAMPART_POLICY RAMPART_SERVE_ADDR
mkdir -p "$HOME"

(cd "$root/rampart-serve" && go build -o "$work/loadgen" ./internal/loadgen)

# start CMD... runs a server in the background and sets addr from the
# "listening on http://ADDR" line it writes to $work/server.err.
start() {
	"$@" 2>"$work/server.err" &
	pid=$!
	addr=
	for _ in $(seq 200); do
		addr=$(sed -n 's|.*listening on http://\([^ ]*\).*|\1|p' "$work/server.err")
		[[ -n $addr ]] && return 0
		sleep 0.05
	done
	echo "bench-serve.sh: error: $1 did not start:" >&2
	cat "$work/server.err" >&2
	exit 2
}

stop() {
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=
}

field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$2"; }

# cputicks prints the user and system CPU time of process $1 so far, in
# clock ticks (empty where there is no /proc).
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
cputicks() { [[ -r /proc/$1/stat ]] && awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

echo "bench-serve.sh: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $conc connections, ${secs}s x $runs runs, POST /v1/preflight/exec" >&2
status=0
: >"$work/runs"
for run in $(seq "$runs"); do
	start "$work/loadgen" -trivial-server "$work/trivial"
	"$work/loadgen" -addr "$addr" -token-file "$work/trivial/agent.token" -duration "${secs}s" -c "$conc" >"$work/ceiling.json" 2>/dev/null
	stop

	export RAMPART_HOME=$work/rampart$run
	start "$serve" -addr 127.0.0.1:0 -profile standard
	t0=$(cputicks "$pid")
	"$work/loadgen" -addr "$addr" -token-file "$RAMPART_HOME/agent.token" -duration "${secs}s" -c "$conc" >"$work/serve.json" 2>/dev/null
	t1=$(cputicks "$pid")
	stop

	answered=$(field requests "$work/serve.json")
	shopt -s nullglob
	records=$(cat "$RAMPART_HOME"/audit/audit.jsonl "$RAMPART_HOME"/audit/audit.jsonl.[0-9]* | wc -l)
	shopt -u nullglob
	audit="$records audit records for $answered decisions"
	if ((records < answered)); then
		echo "bench-serve.sh: error: run $run: fewer audit records ($records) than answered decisions ($answered)" >&2
		status=1
	fi
	if [[ -n $auditbin ]]; then
		if "$auditbin" verify -file "$RAMPART_HOME/audit/audit.jsonl" </dev/null >"$work/verify.out" 2>&1; then
			audit+=", chain verifies"
		else
			echo "bench-serve.sh: error: run $run: audit chain does not verify:" >&2
			cat "$work/verify.out" >&2
			status=1
		fi
	else
		audit+=", chain not verified (rampart-audit not on PATH)"
	fi
	rm -rf "$RAMPART_HOME"

	s_rps=$(field rps "$work/serve.json") s50=$(field p50_ms "$work/serve.json") s99=$(field p99_ms "$work/serve.json")
	c_rps=$(field rps "$work/ceiling.json") c50=$(field p50_ms "$work/ceiling.json") c99=$(field p99_ms "$work/ceiling.json")
	# CPU per request: the server's from /proc, the generator's as it
	# reports it; on a shared machine these hold where req/s does not.
	gen=$(field cpu_us_per_req "$work/serve.json")
	scpu=-
	if [[ -n ${t0:-} && -n ${t1:-} && $answered -gt 0 ]]; then
		scpu=$(awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v n="$answered" 'BEGIN { printf "%.1f", (t1 - t0) * 1e6 / hz / n }')
	fi
	echo "$s_rps $s99 $c_rps $c99 $scpu ${gen:--}" >>"$work/runs"
	awk -v r="$run" -v sr="$s_rps" -v s50="$s50" -v s99="$s99" -v cr="$c_rps" -v c50="$c50" -v c99="$c99" -v a="$audit" \
		-v t0="${t0:-}" -v t1="${t1:-}" -v hz="$hz" -v n="$answered" -v gen="${gen:-}" 'BEGIN {
		cpu = ""
		if (t0 != "" && t1 != "" && n > 0) {
			us = (t1 - t0) * 1e6 / hz / n
			cpu = sprintf(" | CPU per request: rampart-serve %.0f µs", us)
			if (gen != "") cpu = cpu sprintf(", load generator %.0f µs (%.0f%% of the two)", gen, 100 * gen / (gen + us))
		}
		printf "bench-serve.sh: run %d: rampart-serve %6.0f req/s, p50 %.2f ms, p99 %.2f ms | ceiling (trivial handler) %6.0f req/s, p50 %.2f ms, p99 %.2f ms | %.2f of the ceiling%s; %s\n", r, sr, s50, s99, cr, c50, c99, sr / cr, cpu, a
	}' >&2
done

# min, median and max of each column over the runs.
awk -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
	{ for (i = 1; i <= 4; i++) v[i, NR] = $i; r[NR] = $1 / $3; v[6, NR] = $5; v[7, NR] = $6; if ($5 == "-") nocpu = 1; if ($6 == "-") nogen = 1 }
	function spread(i,    n, j, k, t, a) {
		for (j = 1; j <= NR; j++) a[j] = (i == 5 ? r[j] : v[i, j])
		for (j = 1; j <= NR; j++) for (k = j + 1; k <= NR; k++) if (a[k] < a[j]) { t = a[j]; a[j] = a[k]; a[k] = t }
		lo = a[1]; hi = a[NR]; md = (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)
	}
	END {
		spread(1); printf "bench-serve.sh: over %d runs (load now %s): rampart-serve req/s min %.0f, median %.0f, max %.0f", NR, load, lo, md, hi > "/dev/stderr"
		json = sprintf("{\"runs\":%d,\"serve_rps\":{\"min\":%.0f,\"median\":%.0f,\"max\":%.0f}", NR, lo, md, hi)
		spread(2); printf "; p99 min %.2f, median %.2f, max %.2f ms\n", lo, md, hi > "/dev/stderr"
		json = json sprintf(",\"serve_p99_ms\":{\"min\":%.2f,\"median\":%.2f,\"max\":%.2f}", lo, md, hi)
		spread(3); printf "bench-serve.sh: ceiling req/s min %.0f, median %.0f, max %.0f", lo, md, hi > "/dev/stderr"
		json = json sprintf(",\"ceiling_rps\":{\"min\":%.0f,\"median\":%.0f,\"max\":%.0f}", lo, md, hi)
		spread(4); printf "; p99 min %.2f, median %.2f, max %.2f ms\n", lo, md, hi > "/dev/stderr"
		json = json sprintf(",\"ceiling_p99_ms\":{\"min\":%.2f,\"median\":%.2f,\"max\":%.2f}", lo, md, hi)
		spread(5); printf "bench-serve.sh: rampart-serve / ceiling min %.2f, median %.2f, max %.2f\n", lo, md, hi > "/dev/stderr"
		json = json sprintf(",\"ratio\":{\"min\":%.2f,\"median\":%.2f,\"max\":%.2f}", lo, md, hi)
		if (!nocpu) {
			spread(6); printf "bench-serve.sh: rampart-serve CPU µs per request min %.0f, median %.0f, max %.0f", lo, md, hi > "/dev/stderr"
			json = json sprintf(",\"serve_cpu_us_per_req\":{\"min\":%.1f,\"median\":%.1f,\"max\":%.1f}", lo, md, hi)
			if (!nogen) {
				spread(7); printf "; load generator min %.0f, median %.0f, max %.0f", lo, md, hi > "/dev/stderr"
				json = json sprintf(",\"loadgen_cpu_us_per_req\":{\"min\":%.1f,\"median\":%.1f,\"max\":%.1f}", lo, md, hi)
			}
			printf "\n" > "/dev/stderr"
		}
		print json "}"
	}' "$work/runs"
exit $status

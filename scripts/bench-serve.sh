#!/usr/bin/env bash
# bench-serve.sh: load test of rampart-serve's decision endpoint on loopback.
#
#   scripts/bench-serve.sh [SECONDS]   (default 20; rampart-serve and
#                                       rampart-audit from PATH)
#
# Starts rampart-serve on a free loopback port with a fresh RAMPART_HOME and
# the embedded standard profile, drives POST /v1/preflight/exec with the Go
# load generator (rampart-serve/internal/loadgen) for SECONDS, then stops
# the server and checks that every answered decision has its audit record
# and that the chain verifies. Target (issue 7, 2 cores): >= 10,000 req/s,
# p99 <= 5 ms. It reports the figures; it fails only if the audit trail is
# short or broken.
set -euo pipefail

secs=${1:-20}
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
export RAMPART_HOME=$work/rampart HOME=$work/home
unset RAMPART_POLICY RAMPART_SERVE_ADDR
mkdir -p "$HOME"

(cd "$root/rampart-serve" && go build -o "$work/loadgen" ./internal/loadgen)

"$serve" -addr 127.0.0.1:0 -profile standard 2>"$work/serve.err" &
pid=$!
addr=
for _ in $(seq 100); do
	addr=$(sed -n 's|.*listening on http://\([^ ]*\).*|\1|p' "$work/serve.err")
	[[ -n $addr ]] && break
	sleep 0.05
done
if [[ -z $addr ]]; then
	echo "bench-serve.sh: error: rampart-serve did not start:" >&2
	cat "$work/serve.err" >&2
	exit 2
fi

echo "bench-serve.sh: $(nproc) cores, $conc connections, ${secs}s against http://$addr/v1/preflight/exec" >&2
"$work/loadgen" -addr "$addr" -token-file "$RAMPART_HOME/agent.token" -duration "${secs}s" -c "$conc" >"$work/result.json"
kill -INT "$pid"
wait "$pid" || true
pid=

answered=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' "$work/result.json")
shopt -s nullglob
records=$(cat "$RAMPART_HOME"/audit/audit.jsonl "$RAMPART_HOME"/audit/audit.jsonl.[0-9]* | wc -l)
echo "bench-serve.sh: $answered decisions answered, $records audit records" >&2
status=0
if (( records < answered )); then
	echo "bench-serve.sh: error: fewer audit records than answered decisions" >&2
	status=1
fi
if [[ -n $auditbin ]]; then
	if "$auditbin" verify -file "$RAMPART_HOME/audit/audit.jsonl" </dev/null >"$work/verify.out" 2>&1; then
		echo "bench-serve.sh: audit chain verifies" >&2
	else
		echo "bench-serve.sh: error: audit chain does not verify:" >&2
		cat "$work/verify.out" >&2
		status=1
	fi
else
	echo "bench-serve.sh: rampart-audit not on PATH; chain not verified" >&2
fi
cat "$work/result.json"
exit $status

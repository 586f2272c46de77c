#!/usr/bin/env bash
# bench-mcp.sh: what rampart-mcp adds to a tools/call, from the official MCP
# SDK client, side by side with the same server reached directly.
#
#   scripts/bench-mcp.sh [CALLS] [ROUNDS]   (default 300 calls, 7 rounds;
#                                            rampart-mcp from $RAMPART_MCP,
#                                            else PATH, else built here)
#
# The official TypeScript SDK client (scripts/bench-mcp.mjs) calls
# read_text_file of @modelcontextprotocol/server-filesystem over stdio on
# three legs, each connected once and warmed up, then CALLS calls per leg
# per round, the legs taking turns call by call:
#
#   direct       the server itself
#   hop          through a process that only copies bytes (rampart-mcp/
#                internal/hop): the limit, one extra process hop
#   proxy        through rampart-mcp on the embedded standard profile,
#                every call judged and audited to a temporary RAMPART_HOME,
#                every result scanned for credentials
#
# It prints each round's per-call medians, the µs added over direct and the
# ratio, then min/median/max over the rounds, and what the proxy adds over
# the bare hop. With RAMPART_MCP_BASELINE=BINARY, that build of
# rampart-mcp runs as one more leg, to compare two builds side by side.
# With strace installed (and BENCH_MCP_SYSCALLS not 0) it then counts the
# system calls each leg's own process makes per call (hop and proxy, and
# baseline when given), by name: two short runs under strace -c, 100 and
# 400 calls, differenced, so that start-up falls out. A count does not
# move with the machine's load, as times do.
# Target (2 cores): rampart-mcp adds <= 100 µs per call. It
# reports; it does not fail on the figures. It skips (exit 0) when node or
# the npm packages (rampart-mcp/testdata/npm-packages.txt, cached where the
# end-to-end tests cache them) are not available.
set -euo pipefail

calls=${1:-300}
rounds=${2:-7}
warmup=${BENCH_MCP_WARMUP:-300}
root=$(cd "$(dirname "$0")/.." && pwd)

skip() {
	echo "bench-mcp.sh: skipped: $*" >&2
	exit 0
}

command -v node >/dev/null || skip "node is not installed"

# The npm packages, in the cache folder the end-to-end tests use
# (npm_test.go): $RAMPART_TEST_NPM_CACHE, else the user cache folder's
# rampart-test/npm, in a folder named by the package list's hash.
pkgfile=$root/rampart-mcp/testdata/npm-packages.txt
mapfile -t pkgs <"$pkgfile"
cache=${RAMPART_TEST_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test/npm}
sum=$(printf '%s' "${pkgs[*]}" | sha256sum | cut -c1-12)
mods=$cache/$sum/node_modules
fsjs=$mods/@modelcontextprotocol/server-filesystem/dist/index.js
if [[ ! -f $mods/@modelcontextprotocol/server-everything/package.json ]]; then
	command -v npm >/dev/null || skip "the MCP packages are not cached in $cache and npm is not installed"
	echo "bench-mcp.sh: installing ${pkgs[*]} into $cache" >&2
	mkdir -p "$cache"
	tmp=$(mktemp -d "$cache/install-XXXXXX")
	if ! npm install --prefix "$tmp" --ignore-scripts --no-audit --no-fund --loglevel=error "${pkgs[@]}" >&2; then
		rm -rf "$tmp"
		skip "npm install failed"
	fi
	mv -T "$tmp" "$cache/$sum" 2>/dev/null || rm -rf "$tmp"
fi
[[ -f $fsjs ]] || skip "$fsjs is missing"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mcp=${RAMPART_MCP:-$(command -v rampart-mcp || true)}
if [[ -z $mcp ]]; then
	command -v go >/dev/null || skip "rampart-mcp is not on PATH and go is not installed to build it"
	(cd "$root/rampart-mcp" && go build -o "$work/rampart-mcp" .)
	mcp=$work/rampart-mcp
fi
legs='{"name":"direct","argv":["node","'$fsjs'","DIR"]}'
if command -v go >/dev/null; then
	(cd "$root/rampart-mcp" && go build -o "$work/hop" ./internal/hop)
	legs+=',{"name":"hop","argv":["'$work/hop'","node","'$fsjs'","DIR"]}'
else
	echo "bench-mcp.sh: go is not installed: no hop leg" >&2
fi
# RAMPART_MCP_BASELINE: another rampart-mcp build, run as one more leg
# (baseline) to compare with in the same run. It audits to a RAMPART_HOME
# of its own: two builds appending to one log would each find the other's
# record at the head of every append, which one proxy alone never does.
if [[ -n ${RAMPART_MCP_BASELINE:-} ]]; then
	legs+=',{"name":"baseline","argv":["'$RAMPART_MCP_BASELINE'","-profile","standard","--","node","'$fsjs'","DIR"],"env":{"RAMPART_HOME":"'$work/rampart-baseline'"}}'
fi
legs+=',{"name":"proxy","argv":["'$mcp'","-profile","standard","--","node","'$fsjs'","DIR"]}'

export RAMPART_HOME=$work/rampart HOME=$work/home
unset RAMPART_POLICY RAMPART_CONFIG RAMPART_PROFILE RAMPART_MODE RAMPART_FAIL_OPEN
dir=$HOME/project
mkdir -p "$dir"
echo "hello from the sandbox" >"$dir/hello.txt"
cat >"$work/spec.json" <<JSON
{"modules": "$mods", "calls": $calls, "rounds": $rounds, "warmup": $warmup,
 "stderr": "$work/servers.err",
 "tool": "read_text_file", "arguments": {"path": "$dir/hello.txt"}, "expect": "hello from the sandbox",
 "legs": [${legs//DIR/$dir}],
 "compare": [["baseline", "hop"], ["proxy", "hop"], ["proxy", "baseline"]]}
JSON

echo "bench-mcp.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version); $mcp"
cd "$dir"
if ! node "$root/scripts/bench-mcp.mjs" "$work/spec.json"; then
	echo "bench-mcp.sh: error: the client failed; the servers' stderr:" >&2
	tail -n 20 "$work/servers.err" >&2
	exit 1
fi
records=$(cat "$RAMPART_HOME"/audit/audit.jsonl 2>/dev/null | wc -l)
echo "bench-mcp.sh: $records audit records written by rampart-mcp"
if [[ -n ${RAMPART_MCP_BASELINE:-} ]]; then
	records=$(cat "$work"/rampart-baseline/audit/audit.jsonl 2>/dev/null | wc -l)
	echo "bench-mcp.sh: $records audit records written by the baseline"
fi

# System calls per call, by name, for the legs that are this project's
# processes: each run under strace -c (following the process's threads,
# leaving its server at exec), at two call counts; the difference over the
# difference in calls is what one call costs, start-up and exit left out.
[[ ${BENCH_MCP_SYSCALLS:-1} != 0 ]] || exit 0
if ! command -v strace >/dev/null || ! strace -f -b execve -c -o /dev/null true 2>/dev/null; then
	echo "bench-mcp.sh: strace is not usable: no system call counts" >&2
	exit 0
fi
traced=(proxy)
[[ -x $work/hop ]] && traced=(hop proxy)
[[ -n ${RAMPART_MCP_BASELINE:-} ]] && traced+=(baseline)
sclegs='{"name":"direct","argv":["node","'$fsjs'","DIR"]}'
for leg in "${traced[@]}"; do
	case $leg in
	hop) argv='"'$work/hop'","node","'$fsjs'","DIR"' ;;
	proxy) argv='"'$mcp'","-profile","standard","--","node","'$fsjs'","DIR"' ;;
	baseline) argv='"'$RAMPART_MCP_BASELINE'","-profile","standard","--","node","'$fsjs'","DIR"' ;;
	esac
	sclegs+=',{"name":"'$leg'","argv":["strace","-f","-b","execve","-c","-U","name,calls","-o","'$work/sc-$leg.NCALLS'",'$argv']'
	[[ $leg == baseline ]] && sclegs+=',"env":{"RAMPART_HOME":"'$work/rampart-baseline'"}'
	sclegs+='}'
done
for n in 100 400; do
	cat >"$work/spec-sc.json" <<JSON
{"modules": "$mods", "calls": $n, "rounds": 1, "warmup": 20,
 "stderr": "$work/servers.err",
 "tool": "read_text_file", "arguments": {"path": "$dir/hello.txt"}, "expect": "hello from the sandbox",
 "legs": [$(sed "s/DIR/${dir//\//\\/}/g; s/NCALLS/$n/g" <<<"$sclegs")]}
JSON
	if ! node "$root/scripts/bench-mcp.mjs" "$work/spec-sc.json" >/dev/null 2>&1; then
		echo "bench-mcp.sh: the traced runs failed: no system call counts" >&2
		exit 0
	fi
done
# strace -c -U name,calls prints "name calls" rows between dashed lines.
counts() { awk 'NF == 2 && $2 ~ /^[0-9]+$/ && $1 != "total" {print $1, $2}' "$1"; }
echo
echo "system calls per call of the process each leg starts (strace -c, 400 - 100 calls over 300)"
{
	for leg in "${traced[@]}"; do
		join -a1 -a2 -e 0 -o 0,1.2,2.2 <(counts "$work/sc-$leg.100" | sort) <(counts "$work/sc-$leg.400" | sort) |
			awk -v leg="$leg" '{d = ($3 - $2) / 300; if (d >= 0.05 || d <= -0.05) printf "%s %s %.2f\n", leg, $1, d}'
	done
} | awk -v legs="${traced[*]}" '
	{v[$2, $1] = $3; names[$2] = 1; tot[$1] += $3}
	END {
		n = split(legs, L, " ")
		printf "%-16s", "syscall"; for (i = 1; i <= n; i++) printf "%10s", L[i]; printf "\n"
		for (s in names) {
			line = sprintf("%-16s", s); for (i = 1; i <= n; i++) line = line sprintf("%10.2f", v[s, L[i]] + 0)
			print line | "sort"
		}
		close("sort")
		printf "%-16s", "total"; for (i = 1; i <= n; i++) printf "%10.2f", tot[L[i]] + 0; printf "\n"
	}'

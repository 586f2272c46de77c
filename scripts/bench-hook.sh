#!/usr/bin/env bash
# bench-hook.sh: whole-process latency of rampart-hook, stdin to stdout with
# the audit record written, on the embedded standard profile.
#
#   scripts/bench-hook.sh [RUNS] [ROUNDS]
#        RUNS (default 100) runs of each payload; rampart-hook from PATH,
#        or $RAMPART_HOOK. ROUNDS (default 5) rounds of the side by side.
#
# First, side by side with the limit it is held against: an empty static Go
# program (package main; func main(){}), built here as the release binaries
# are (CGO_ENABLED=0, -trimpath, -ldflags "-s -w") and started the same way
# (same stdin, environment and redirections). Each round runs the two
# alternately, RUNS times each, and prints both medians and their ratio
# (target <= 1.3), of wall time and of CPU time; the last line is the
# ratio's min/median/max over the rounds. When the script runs from the
# source tree, a third program joins each round: the floor, a main that
# links every package rampart-hook links (from this tree), runs their
# initialisation, and returns; its ratio to the empty program is what
# linking alone costs, before any decision. Then the median and p95 wall time
# per run of each payload, and the peak resident set size of one run.
# Targets (DESIGN.md): median <= 3 ms, peak RSS <= 15 MiB. It reports; it
# does not fail on the figures.
#
# When rampart-hook-fast is beside rampart-hook (or $RAMPART_HOOK_FAST names
# it), two more programs join each round: the small client with its
# decider up (started before the rounds, stopped after them), and the same
# client with RAMPART_HOOK_DECIDER=off, which runs rampart-hook in its
# place (the fallback when no decider answers). fast_cpu_ms is the client's
# own CPU time: the decider's, in a process the shell did not start, is
# not in it.
set -euo pipefail

runs=${1:-100}
rounds=${2:-5}
hook=${RAMPART_HOOK:-$(command -v rampart-hook || true)}
if [[ -z $hook || ! -x $hook ]]; then
	echo "bench-hook.sh: error: rampart-hook not found (build it, put it on PATH or set RAMPART_HOOK)" >&2
	exit 2
fi

fast=${RAMPART_HOOK_FAST:-$(dirname "$hook")/rampart-hook-fast}
[[ -x $fast ]] || fast=

work=$(mktemp -d)
# stop_decider ends the decider the rounds started (its pid is in the lock
# file beside its socket).
stop_decider() {
	local lock=$RAMPART_HOME/run/hook.lock
	if [[ -n $fast && -s $lock ]]; then kill "$(cat "$lock")" 2>/dev/null || true; fi
}
trap 'stop_decider; rm -rf "$work"' EXIT
# The go command keeps its caches, modules and settings (go env -w) under
# HOME by default; the builds below use the user's, not the empty HOME the
# hook runs with.
if command -v go >/dev/null; then
	{ read -r GOCACHE && read -r GOMODCACHE && read -r GOPATH && read -r GOENV; } < <(go env GOCACHE GOMODCACHE GOPATH GOENV)
	export GOCACHE GOMODCACHE GOPATH GOENV
fi
export RAMPART_HOME=$work/rampart HOME=$work/home
unset RAMPART_POLICY RAMPART_CONFIG RAMPART_PROFILE RAMPART_MODE RAMPART_FORMAT RAMPART_FAIL_OPEN RAMPART_HOOK_DECIDER
mkdir -p "$HOME"

# Real Claude Code payloads (PROTOCOLS.md 1.3): an allowed command, a denied
# one, a credential read, and a tool output with a key in it.
cat >"$work/bash-git-status.json" <<'JSON'
{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status","description":"status"},"tool_use_id":"toolu_1"}
JSON
cat >"$work/bash-rm-rf.json" <<'JSON'
{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"sudo env /bin/rm -fr /"},"tool_use_id":"toolu_2"}
JSON
cat >"$work/read-ssh-key.json" <<'JSON'
{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"/home/u/.ssh/id_rsa"},"tool_use_id":"toolu_3"}
JSON
cat >"$work/post-secret.json" <<'JSON'
{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"PATH=/usr/bin\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n","stderr":"","interrupted":false},"tool_use_id":"toolu_4"}
JSON

# percentile P of the numbers on stdin (nearest rank).
percentile() {
	sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((p*NR+99)/100); if (i<1) i=1; if (i>NR) i=NR; print a[i]}'
}

ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us/1000}'; }

# cpu_now sets CPU_US to the user+system CPU time of this shell's finished
# children so far, in microseconds (the second line of bash's `times`, which
# must run in this shell, not a subshell). CPU time per run is a steadier
# figure than wall time on a busy machine. It starts no process: whatever
# it started would finish inside the next interval and count as part of
# the program measured there (an awk here cost ~4 ms of CPU, as much as the
# empty program, and pulled every CPU ratio towards 1).
cpu_now() {
	local -a lines
	times >"$work/times"
	mapfile -t lines <"$work/times"
	to_us "${lines[1]% *}"
	CPU_US=$US
	to_us "${lines[1]#* }"
	CPU_US=$((CPU_US + US))
}

# to_us sets US to the microseconds in one of `times`' figures, "MmS.FFFs".
to_us() {
	local t=${1%s} min sec frac
	min=${t%%m*}
	sec=${t#*m}
	frac=${sec#*.}000000
	sec=${sec%.*}
	US=$(((10#$min * 60 + 10#$sec) * 1000000 + 10#${frac:0:6}))
}

# peak_kib prints the peak resident set size of one run, in KiB, from the
# kernel's accounting of the finished child: through GNU time when present,
# else through python3's getrusage; 0 when neither is available.
peak_kib() {
	local payload=$1
	if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true >/dev/null 2>&1; then
		/usr/bin/time -f %M "$hook" <"$payload" 2>&1 >/dev/null | tail -n 1
	elif command -v python3 >/dev/null; then
		python3 -c 'import resource, subprocess, sys
subprocess.run([sys.argv[1]], stdin=open(sys.argv[2]), stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$hook" "$payload"
	else
		echo 0
	fi
}

# The empty program, built as the release binaries are. Without a Go
# toolchain there is nothing to compare with, and the side by side is
# skipped.
empty=$work/empty
if command -v go >/dev/null; then
	mkdir -p "$work/emptysrc"
	printf 'package main\n\nfunc main() {}\n' >"$work/emptysrc/main.go"
	printf 'module empty\n\ngo 1.21\n' >"$work/emptysrc/go.mod"
	if ! (cd "$work/emptysrc" && GOWORK=off CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$empty" .); then
		empty=
	fi
else
	empty=
fi

# The floor, built from this source tree as the release binaries are: a
# main package (given to the go command as an overlay, so nothing is
# written into the tree) that imports every package rampart-hook imports,
# directly or not, with the hook's //go:debug settings, and does nothing.
# Without the tree (the script copied elsewhere) there is no floor.
floor=
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -n $empty && -f $src/rampart-hook/go.mod ]]; then
	floor=$work/floor
	mkdir -p "$work/floorsrc"
	{
		grep '^//go:debug' "$src/rampart-hook/main.go" || true
		printf 'package main\n\nimport (\n'
		# Every dependency a package of rampart-hook's own tree may import:
		# not the standard library's internal packages, nor another
		# module's internal ones (they come with the packages that use them).
		(cd "$src/rampart-hook" && CGO_ENABLED=0 go list -deps .) | awk '
			$0 == "rampart.dev/rampart-hook" || $0 == "unsafe" || $0 == "C" { next }
			/^(internal|vendor)\// || /\/internal(\/|$)/ && !/^rampart\.dev\/rampart-hook\/internal\// { next }
			{ printf "\t_ \"%s\"\n", $0 }'
		printf ')\n\nfunc main() {}\n'
	} >"$work/floorsrc/floor.go"
	printf '{"Replace": {"%s/rampart-hook/internal/benchfloor/main.go": "%s/floorsrc/floor.go"}}\n' "$src" "$work" >"$work/floorsrc/overlay.json"
	if ! (cd "$src/rampart-hook" && CGO_ENABLED=0 go build -overlay "$work/floorsrc/overlay.json" -trimpath -ldflags "-s -w" -o "$floor" ./internal/benchfloor); then
		floor=
	fi
fi

# side_by_side runs the empty program, the floor (when there is one) and
# the hook alternately, RUNS times each, on the allowed-command payload, and
# prints one line: the medians (wall), the CPU times per run, and the
# ratios to the empty program. It leaves the hook's wall ratio in RATIO, the
# floor's in FLOOR_RATIO, and the small client's in FAST_RATIO (decider up)
# and FALLBACK_RATIO (RAMPART_HOOK_DECIDER=off).
side_by_side() {
	local payload=$work/bash-git-status.json i t0 t1 c0 c1 c2 ew hw fw ec=0 hc=0 fc=0 qc=0 bc=0
	: >"$work/sbs-empty.txt"
	: >"$work/sbs-hook.txt"
	: >"$work/sbs-floor.txt"
	: >"$work/sbs-fast.txt"
	: >"$work/sbs-fallback.txt"
	for ((i = 0; i < runs; i++)); do
		if [[ -n $fast ]]; then
			cpu_now
			c0=$CPU_US
			t0=${EPOCHREALTIME/./}
			"$fast" <"$payload" >/dev/null
			t1=${EPOCHREALTIME/./}
			cpu_now
			echo $((10#$t1 - 10#$t0)) >>"$work/sbs-fast.txt"
			qc=$((qc + CPU_US - c0))
			c0=$CPU_US
			t0=${EPOCHREALTIME/./}
			RAMPART_HOOK_DECIDER=off "$fast" <"$payload" >/dev/null
			t1=${EPOCHREALTIME/./}
			cpu_now
			echo $((10#$t1 - 10#$t0)) >>"$work/sbs-fallback.txt"
			bc=$((bc + CPU_US - c0))
		fi
		if [[ -n $floor ]]; then
			cpu_now
			c0=$CPU_US
			t0=${EPOCHREALTIME/./}
			"$floor" <"$payload" >/dev/null
			t1=${EPOCHREALTIME/./}
			cpu_now
			echo $((10#$t1 - 10#$t0)) >>"$work/sbs-floor.txt"
			fc=$((fc + CPU_US - c0))
		fi
		cpu_now
		c0=$CPU_US
		t0=${EPOCHREALTIME/./}
		"$empty" <"$payload" >/dev/null
		t1=${EPOCHREALTIME/./}
		cpu_now
		c1=$CPU_US
		echo $((10#$t1 - 10#$t0)) >>"$work/sbs-empty.txt"
		t0=${EPOCHREALTIME/./}
		"$hook" <"$payload" >/dev/null
		t1=${EPOCHREALTIME/./}
		cpu_now
		c2=$CPU_US
		echo $((10#$t1 - 10#$t0)) >>"$work/sbs-hook.txt"
		ec=$((ec + c1 - c0))
		hc=$((hc + c2 - c1))
	done
	ew=$(percentile 50 <"$work/sbs-empty.txt")
	hw=$(percentile 50 <"$work/sbs-hook.txt")
	RATIO=$(awk -v h="$hw" -v e="$ew" 'BEGIN {printf "%.2f", h/e}')
	printf '%-7s %12s %11s %8s %13s %12s %8s' "$1" "$(ms "$ew")" "$(ms "$hw")" "$RATIO" \
		"$(ms $((ec / runs)))" "$(ms $((hc / runs)))" "$(awk -v h="$hc" -v e="$ec" 'BEGIN {if (e > 0) printf "%.2f", h/e; else print "-"}')"
	if [[ -n $floor ]]; then
		fw=$(percentile 50 <"$work/sbs-floor.txt")
		FLOOR_RATIO=$(awk -v f="$fw" -v e="$ew" 'BEGIN {printf "%.2f", f/e}')
		printf ' %10s %12s %13s %14s' "$(ms "$fw")" "$FLOOR_RATIO" "$(ms $((fc / runs)))" \
			"$(awk -v f="$fc" -v e="$ec" 'BEGIN {if (e > 0) printf "%.2f", f/e; else print "-"}')"
	fi
	if [[ -n $fast ]]; then
		local qw bw
		qw=$(percentile 50 <"$work/sbs-fast.txt")
		bw=$(percentile 50 <"$work/sbs-fallback.txt")
		FAST_RATIO=$(awk -v f="$qw" -v e="$ew" 'BEGIN {printf "%.2f", f/e}')
		FALLBACK_RATIO=$(awk -v f="$bw" -v e="$ew" 'BEGIN {printf "%.2f", f/e}')
		printf ' %9s %10s %11s %13s %14s %16s' "$(ms "$qw")" "$FAST_RATIO" "$(ms $((qc / runs)))" \
			"$(ms "$bw")" "$FALLBACK_RATIO" "$(ms $((bc / runs)))"
	fi
	printf '\n'
}

printf 'rampart-hook: %s\n' "$hook"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
if [[ -n $fast ]]; then
	# The first call starts the decider; wait for its socket.
	"$fast" <"$work/bash-git-status.json" >/dev/null
	for ((i = 0; i < 50; i++)); do
		[[ -S $RAMPART_HOME/run/hook.sock ]] && break
		sleep 0.1
	done
	printf 'rampart-hook-fast: %s (decider %s)\n' "$fast" "$([[ -S $RAMPART_HOME/run/hook.sock ]] && echo up || echo 'did not start')"
fi
if [[ -n $empty ]]; then
	"$hook" <"$work/bash-git-status.json" >/dev/null # warm the page cache
	"$empty" </dev/null
	if [[ -n $floor ]]; then "$floor" </dev/null; fi
	printf '\nside by side: one PreToolUse decision (git status) vs an empty static Go program,\n'
	printf '%d runs each per round, alternating (ratio target <= 1.3)\n' "$runs"
	if [[ -n $floor ]]; then
		printf 'floor: the packages rampart-hook links, built from %s, initialised, no decision\n' "$src"
	fi
	printf '\n%-7s %12s %11s %8s %13s %12s %8s' round empty_ms hook_ms ratio empty_cpu_ms hook_cpu_ms cpu_ratio
	if [[ -n $floor ]]; then printf ' %10s %12s %13s %14s' floor_ms floor_ratio floor_cpu_ms floor_cpu_ratio; fi
	if [[ -n $fast ]]; then printf ' %9s %10s %11s %13s %14s %16s' fast_ms fast_ratio fast_cpu_ms fallback_ms fallback_ratio fallback_cpu_ms; fi
	printf '\n'
	ratios=$work/ratios.txt
	floor_ratios=$work/floor-ratios.txt
	fast_ratios=$work/fast-ratios.txt
	fallback_ratios=$work/fallback-ratios.txt
	: >"$ratios"
	: >"$floor_ratios"
	: >"$fast_ratios"
	: >"$fallback_ratios"
	for ((r = 1; r <= rounds; r++)); do
		side_by_side "$r"
		echo "$RATIO" >>"$ratios"
		if [[ -n $floor ]]; then echo "$FLOOR_RATIO" >>"$floor_ratios"; fi
		if [[ -n $fast ]]; then
			echo "$FAST_RATIO" >>"$fast_ratios"
			echo "$FALLBACK_RATIO" >>"$fallback_ratios"
		fi
	done
	printf 'wall ratio over %d rounds: min %s, median %s, max %s\n' "$rounds" \
		"$(sort -n "$ratios" | head -n 1)" "$(percentile 50 <"$ratios")" "$(sort -n "$ratios" | tail -n 1)"
	if [[ -n $floor ]]; then
		printf 'floor wall ratio over %d rounds: min %s, median %s, max %s\n' "$rounds" \
			"$(sort -n "$floor_ratios" | head -n 1)" "$(percentile 50 <"$floor_ratios")" "$(sort -n "$floor_ratios" | tail -n 1)"
	fi
	if [[ -n $fast ]]; then
		printf 'rampart-hook-fast (decider up) wall ratio over %d rounds: min %s, median %s, max %s\n' "$rounds" \
			"$(sort -n "$fast_ratios" | head -n 1)" "$(percentile 50 <"$fast_ratios")" "$(sort -n "$fast_ratios" | tail -n 1)"
		printf 'rampart-hook-fast (no decider, runs rampart-hook) wall ratio over %d rounds: min %s, median %s, max %s\n' "$rounds" \
			"$(sort -n "$fallback_ratios" | head -n 1)" "$(percentile 50 <"$fallback_ratios")" "$(sort -n "$fallback_ratios" | tail -n 1)"
	fi
	echo
	stop_decider
	rm -rf "$RAMPART_HOME"
else
	printf '\nside by side skipped: no Go toolchain to build the empty program with\n\n'
fi
printf 'runs per payload: %d (standard profile, audit to a temporary RAMPART_HOME)\n\n' "$runs"
printf '%-16s %10s %10s %11s %12s\n' payload median_ms p95_ms cpu_ms/run peak_rss_mib
all=$work/all.txt
: >"$all"
worst_peak=0
for payload in "$work"/*.json; do
	name=$(basename "$payload" .json)
	"$hook" <"$payload" >/dev/null # warm the page cache
	times=$work/$name.txt
	: >"$times"
	cpu_now
	cpu0=$CPU_US
	for ((i = 0; i < runs; i++)); do
		t0=${EPOCHREALTIME/./} # microseconds, without a subshell
		"$hook" <"$payload" >/dev/null
		t1=${EPOCHREALTIME/./}
		echo $((10#$t1 - 10#$t0)) >>"$times"
	done
	cpu_now
	cpu=$(((CPU_US - cpu0) / runs))
	cat "$times" >>"$all"
	peak=0
	for ((i = 0; i < 5; i++)); do
		p=$(peak_kib "$payload")
		((p > peak)) && peak=$p
	done
	((peak > worst_peak)) && worst_peak=$peak
	printf '%-16s %10s %10s %11s %12s\n' "$name" "$(ms "$(percentile 50 <"$times")")" "$(ms "$(percentile 95 <"$times")")" "$(ms "$cpu")" \
		"$(awk -v k="$peak" 'BEGIN {printf "%.1f", k/1024}')"
done
med=$(percentile 50 <"$all")
p95=$(percentile 95 <"$all")
echo
printf 'all payloads: median %s ms, p95 %s ms, peak RSS %s MiB (targets: median <= 3 ms, peak <= 15 MiB)\n' \
	"$(ms "$med")" "$(ms "$p95")" "$(awk -v k="$worst_peak" 'BEGIN {printf "%.1f", k/1024}')"
records=$(wc -l <"$RAMPART_HOME/audit/audit.jsonl")
printf 'audit records written: %d\n' "$records"

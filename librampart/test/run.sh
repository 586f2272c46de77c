#!/bin/sh
# make check: run test/check under LD_PRELOAD in every mode against
# test/server.py, and print one summary line. Needs cc and python3 only.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
lib=$here/librampart.so
check=$here/test/check
work=$(mktemp -d "${TMPDIR:-/tmp}/librampart-check.XXXXXX")
sock=$work/eval.sock
log=$work/calls.jsonl
server_pid=
stream_pid=

cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
	[ -n "$stream_pid" ] && kill "$stream_pid" 2>/dev/null
	[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT INT TERM

command -v python3 >/dev/null 2>&1 || { echo "librampart check: python3 is needed for the test server"; exit 1; }
python3 "$here/test/server.py" "$sock" "$log" >"$work/server.out" 2>&1 &
server_pid=$!
i=0
while [ ! -S "$sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -S "$sock" ] || { echo "librampart check: test server did not start"; cat "$work/server.out"; exit 1; }

passed=0 failed=0
run() { # run MODE ENV...: one mode of the check, tallied
	mode=$1
	shift
	out=$(env "$@" LD_PRELOAD="$lib" "$check" "$mode" "$work" "$log" 2>"$work/$mode.err")
	status=$?
	printf '%s\n' "$out" | grep -v '^check '
	p=$(printf '%s\n' "$out" | sed -n 's/^check .*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^check .*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "FAIL $mode: check did not finish (status $status)"
		sed 's/^/  stderr: /' "$work/$mode.err"
		p=0 f=1
	elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

# An older server, with the stream socket only: every question falls back
# to it.
python3 "$here/test/server.py" "$work/stream.sock" "$work/stream-calls.jsonl" stream-only >"$work/stream.out" 2>&1 &
stream_pid=$!
i=0
while [ ! -S "$work/stream.sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done

run enforce RAMPART_SOCKET="$sock"
main_log=$log
log=$work/stream-calls.jsonl
run stream RAMPART_SOCKET="$work/stream.sock"
log=$main_log
kill "$stream_pid" 2>/dev/null
run monitor RAMPART_SOCKET="$sock" RAMPART_MODE=monitor
run closed RAMPART_SOCKET="$work/nothing-here.sock"
run open RAMPART_SOCKET="$work/nothing-here.sock" RAMPART_FAIL_OPEN=1
run timeout RAMPART_SOCKET="$sock" RAMPART_TIMEOUT_MS=300

# Every C library function the library calls is a symbol the dynamic
# loader looks up in every program started with it, and each symbol
# version one more it checks (faccessat and clock_gettime cost /bin/true
# 1,763 instructions of 149,144): only these may be (the rest are system
# calls made straight, see sys.h). A count, not a time. Where the library is built the C library's way (RP_NO_RAW, or a
# machine without raw system calls) it calls more, and this is skipped.
if command -v nm >/dev/null 2>&1 && case $(uname -m) in x86_64 | aarch64) true ;; *) false ;; esac &&
	! nm -D "$lib" | grep -q ' U socket@'; then
	allowed='__cxa_finalize __environ __errno_location __gmon_start__ __register_atfork
		_ITM_deregisterTMCloneTable _ITM_registerTMCloneTable dladdr dlsym environ'
	extra=$(nm -D --undefined-only "$lib" | awk '{ sub(/@.*/, "", $NF); print $NF }' |
		while read -r s; do case " $(echo $allowed) " in *" $s "*) ;; *) echo "$s" ;; esac; done)
	if [ -z "$extra" ]; then
		echo "ok   imports: only the allowed C library symbols"
		passed=$((passed + 1))
	else
		echo "FAIL imports: the library calls" $extra "of the C library (each is looked up in every program started)"
		failed=$((failed + 1))
	fi
fi

echo "librampart check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

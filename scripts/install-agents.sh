#!/usr/bin/env bash
# Installs the pinned agent CLIs that `make test-agents` drives, from the npm
# registry, into a cache that later runs reuse:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test/agents/NAME/
# Each version is one that runs on Node 20 (the machine's Node); see
# docs/hooks.md. Prints the cache directory on stdout.
set -euo pipefail

# name package@version (engines: node)
AGENTS=(
	"claude @anthropic-ai/claude-code@2.1.197" # >=18; 2.1.198 and later declare >=22
	# declares node >=22, but the package is a native executable that its
	# postinstall (which runs on Node 20) puts in place: it runs here.
	"claude-latest @anthropic-ai/claude-code@2.1.332"
	"codex @openai/codex@0.171.0"              # >=16 (a Rust binary inside)
	"gemini @google/gemini-cli@0.61.0"         # >=20
	"copilot @github/copilot@1.0.102"          # no engines field
	"cline cline@3.0.65"                       # no engines field
)

cache="${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test/agents"
mkdir -p "$cache"
only="${1:-}"
for entry in "${AGENTS[@]}"; do
	read -r name spec <<<"$entry"
	if [ -n "$only" ] && [ "$only" != "$name" ]; then
		continue
	fi
	dir="$cache/$name"
	if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$spec" ]; then
		continue
	fi
	echo "install-agents: npm install $spec" >&2
	rm -rf "$dir"
	mkdir -p "$dir"
	npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$spec" >&2
	echo "$spec" >"$dir/.installed"
done
# Copilot CLI unpacks itself into $XDG_CACHE_HOME/copilot on first run
# (about a minute on a loaded machine): do it once, into the cache the
# runs share.
if [ -x "$cache/copilot/node_modules/.bin/copilot" ] && [ ! -d "$cache/copilot/xdg-cache/copilot/pkg" ]; then
	XDG_CACHE_HOME="$cache/copilot/xdg-cache" "$cache/copilot/node_modules/.bin/copilot" --version >&2
fi
echo "$cache"

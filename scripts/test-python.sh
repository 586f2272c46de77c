#!/usr/bin/env bash
# test-python.sh: pip install ./sdks/python into a fresh virtual environment
# and run the SDK's tests against the installed package, from outside the
# source tree. Run by make test-python with bin/ on PATH (the tests start a
# real rampart-serve).
#
# Nothing comes from PyPI (the network here reaches Debian only): the SDK is
# stdlib-only, and the build backend (setuptools, plus wheel for setuptools
# before 70.1) comes from the venv itself, else from Debian's wheel packages
# (python3-setuptools-whl, python3-wheel-whl in /usr/share/python-wheels),
# installed with apt-get when running as root and they are missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
wheels=/usr/share/python-wheels
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT

apt_install() {
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
	else
		echo "test-python: missing $*; install with: sudo apt-get install $*" >&2
		return 1
	fi
}

if ! python3 -m venv "$venv" 2>/dev/null; then
	apt_install python3-venv
	python3 -m venv "$venv"
fi
py=$venv/bin/python

# The build backend: setuptools 70.1 and later build wheels by themselves.
if ! "$py" -c 'import setuptools, sys; v = tuple(int(x) for x in setuptools.__version__.split(".")[:2]); sys.exit(v < (70, 1))' 2>/dev/null &&
	! "$py" -c 'import setuptools, wheel' 2>/dev/null; then
	ls "$wheels"/setuptools-*.whl >/dev/null 2>&1 || apt_install python3-setuptools-whl
	ls "$wheels"/wheel-*.whl >/dev/null 2>&1 || apt_install python3-wheel-whl
	"$py" -m pip install -q --no-index --find-links "$wheels" setuptools wheel
fi

# From a copy: a build without isolation writes build/ and *.egg-info beside
# the sources.
cp -R "$root/sdks/python" "$venv/sdk"
rm -rf "$venv/sdk/build" "$venv/sdk"/*.egg-info
"$py" -m pip install -q --no-index --no-build-isolation "$venv/sdk"

cd "$venv"
RAMPART_SDK_INSTALLED=1 "$py" -m unittest discover -v -s "$root/sdks/python/tests" -t "$root/sdks/python/tests"

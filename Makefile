# Rampart: a thin index over the go command. Every module in go.work is
# built, vetted and tested; librampart is built with the machine's C compiler.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(DESTDIR)$(PREFIX)/bin
# librampart.so goes under the prefix, where rampart-shell preload looks
# beside its own binary (../lib/rampart): one sudo make install serves
# every user.
LIBDIR    := $(DESTDIR)$(PREFIX)/lib/rampart
# The policy file's JSON Schema, for editors pointed at a path.
SHAREDIR  := $(DESTDIR)$(PREFIX)/share/rampart
SCHEMA    := pkg/policy/schema/policy.schema.json
GO        ?= go
CC        ?= cc
FUZZTIME  ?= 10s
BENCHTIME ?= 1s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

export CGO_ENABLED := 0

BINARIES := rampart rampart-eval rampart-hook rampart-shell rampart-mcp rampart-serve rampart-audit rampart-watch
MODULES  := pkg $(BINARIES)
# Every command installed: a module's own main package, and
# rampart-hook-fast, the small client of rampart-hook's decider, built from
# rampart-hook/fast (src_of says where a command's source is). It is not
# built for Windows, where the hook is rampart-hook itself.
COMMANDS := $(BINARIES) rampart-hook-fast
src_of = case $$b in rampart-hook-fast) d=rampart-hook; p=./fast;; *) d=$$b; p=.;; esac
# Packages whose code runs goroutines or shares state across processes run
# under the race detector too (race needs cgo): in pkg, and the binaries
# that serve many connections or relay both ways at once.
RACE_PKGS := ./audit/... ./approval/... ./decide/...
RACE_MODULES := rampart-eval rampart-mcp rampart-serve

.PHONY: all build lib install uninstall test test-go test-race test-lib test-python test-install test-dist test-export test-otelcol test-openclaw test-agents docs-hooks lint bench fuzz clean dist

# Release builds: static (CGO_ENABLED=0), -trimpath, version stamped, one
# directory per target under dist/, with SHA256SUMS over all of them.
DIST_TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64
# Windows gets the binaries that need no POSIX shell. Their calls to the
# system have Windows counterparts in small _windows.go files: the audit
# log locks with LockFileEx and opens its files sharing delete access so
# rotation can rename them, rampart-eval's socket gets a DACL for its owner
# only, rampart-serve runs exec in a job object (and needs sh on PATH for
# it). rampart-shell, rampart-watch and rampart (preload, wrap) are POSIX
# only.
DIST_WINDOWS_BINARIES := rampart-eval rampart-hook rampart-mcp rampart-serve rampart-audit
DIST_WINDOWS_TARGETS  := windows/amd64 windows/arm64
# make test cross-builds one representative binary per target (test-dist):
# rampart-eval everywhere (it links pkg/audit and the socket code), and
# rampart-serve for windows too (the job object and the event stream);
# make dist builds every binary for every target.
DIST_CHECK_BINARY := rampart-eval
DIST_CHECK_WINDOWS_BINARIES := rampart-eval rampart-serve

all: build

build: lib
	@mkdir -p bin
	@for b in $(COMMANDS); do \
		echo "go build $$b"; $(src_of); \
		(cd $$d && $(GO) build -trimpath -ldflags "-s -w -X main.Version=$(VERSION)" -o ../bin/$$b $$p) || exit 1; \
	done

lib:
	$(MAKE) -C librampart CC=$(CC)

install: build
	install -d $(BINDIR) $(LIBDIR) $(SHAREDIR)
	install -m 0755 $(addprefix bin/,$(COMMANDS)) $(BINDIR)/
	install -m 0644 librampart/librampart.so $(LIBDIR)/librampart.so
	install -m 0644 $(SCHEMA) $(SHAREDIR)/policy.schema.json
	@echo
	@echo "installed $(COMMANDS) in $(BINDIR), librampart.so in $(LIBDIR), policy.schema.json in $(SHAREDIR)"
	@echo "the embedded standard profile (-profile standard), deciding three calls"
	@echo "(audited to a scratch RAMPART_HOME that is then removed, not to your trail):"
	@h=$$(mktemp -d); printf '%s\n' \
		'{"tool":"exec","params":{"command":"git status"}}' \
		'{"tool":"exec","params":{"command":"sudo env /bin/rm -fr /"}}' \
		'{"tool":"read","params":{"path":"~/.ssh/id_rsa"}}' \
		| RAMPART_HOME=$$h $(BINDIR)/rampart-eval -profile standard; rc=$$?; rm -rf "$$h"; exit $$rc

# uninstall removes exactly what install wrote (the binaries,
# librampart.so and the schema, and lib/rampart and share/rampart once
# empty). It leaves ~/.rampart alone: policy, audit trail, tokens and keys
# are the user's.
uninstall:
	rm -f $(addprefix $(BINDIR)/,$(COMMANDS)) $(LIBDIR)/librampart.so $(SHAREDIR)/policy.schema.json
	@for d in $(LIBDIR) $(SHAREDIR); do \
		if [ -d $$d ]; then rmdir $$d 2>/dev/null || echo "kept $$d: it holds files make install did not write"; fi; \
	done

# test-install: install into a scratch DESTDIR, check the files, uninstall,
# and check nothing is left but the directories make install created.
test-install: build
	@d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	$(MAKE) --no-print-directory install DESTDIR=$$d PREFIX=/opt/rampart >/dev/null || exit 1; \
	for b in $(COMMANDS); do [ -x $$d/opt/rampart/bin/$$b ] || { echo "test-install: $$b not installed"; exit 1; }; done; \
	[ -f $$d/opt/rampart/lib/rampart/librampart.so ] || { echo "test-install: librampart.so not installed"; exit 1; }; \
	cmp -s $(SCHEMA) $$d/opt/rampart/share/rampart/policy.schema.json || { echo "test-install: policy.schema.json not installed"; exit 1; }; \
	$(MAKE) --no-print-directory uninstall DESTDIR=$$d PREFIX=/opt/rampart >/dev/null || exit 1; \
	left=$$(find $$d -type f); [ -z "$$left" ] || { echo "test-install: uninstall left $$left"; exit 1; }; \
	echo "test-install: install and uninstall under DESTDIR ok"

# dist_build is the shell loop that builds binaries $$bins for targets
# $$targets (os/arch) into $$out/OS_ARCH/.
dist_build = for t in $$targets; do os=$${t%/*}; arch=$$(echo $$t | cut -d/ -f2); ext=; \
		[ "$$os" = windows ] && ext=.exe; \
		for b in $$bins; do echo "go build $$b $$os/$$arch"; $(src_of); \
			(cd $$d && GOOS=$$os GOARCH=$$arch $(GO) build -trimpath \
				-ldflags "-s -w -X main.Version=$(VERSION)" -o "$$out/$${os}_$${arch}/$$b$$ext" $$p) || exit 1; \
		done; done

dist:
	rm -rf dist
	@out=$(CURDIR)/dist; \
	targets="$(DIST_TARGETS)"; bins="$(COMMANDS)"; $(dist_build); \
	targets="$(DIST_WINDOWS_TARGETS)"; bins="$(DIST_WINDOWS_BINARIES)"; $(dist_build)
	cd dist && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS
	@echo "dist: $$(grep -c . dist/SHA256SUMS) binaries, version $(VERSION), sums in dist/SHA256SUMS"

# test-dist: every dist target still builds, shown by one binary each (the
# full matrix is make dist), into a scratch directory that is then removed.
test-dist:
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	targets="$(DIST_TARGETS)"; bins="$(DIST_CHECK_BINARY)"; $(dist_build); \
	targets="$(DIST_WINDOWS_TARGETS)"; bins="$(DIST_CHECK_WINDOWS_BINARIES)"; $(dist_build); \
	for t in $(DIST_WINDOWS_TARGETS); do for b in $(DIST_CHECK_WINDOWS_BINARIES); do \
		f="$$out/$$(echo $$t | tr / _)/$$b.exe"; [ -s "$$f" ] || { echo "test-dist: $$f not built"; exit 1; }; \
	done; done

test: lint test-go test-race test-lib test-python test-install test-dist test-export test-openclaw test-agents
	@echo "make test: all passed"

lint:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@for m in $(MODULES); do (cd $$m && $(GO) vet ./...) || exit 1; done
	@# Each binary must also build on its own, without go.work.
	@for m in $(BINARIES); do (cd $$m && GOWORK=off $(GO) build -o /dev/null .) || exit 1; done

# The engine's table tests judge every row of every table (over 80,000
# calls): on a loaded machine that passes go test's default ten minutes.
test-go: lib
	@for m in $(MODULES); do (cd $$m && $(GO) test -count=1 -timeout 30m ./...) || exit 1; done

test-race:
	cd pkg && CGO_ENABLED=1 $(GO) test -count=1 -race $(RACE_PKGS)
	@for m in $(RACE_MODULES); do (cd $$m && CGO_ENABLED=1 $(GO) test -count=1 -race -short ./...) || exit 1; done

# rampart-audit export against real collectors started by the tests: rsyslogd
# (apt-get installs it under CI) and an OpenTelemetry Collector (OTLP receiver,
# debug exporter) built from the collector's own modules at the versions pinned
# in rampart-audit/internal/export/testdata/otelcol. The test builds that
# collector when ${XDG_CACHE_HOME:-$HOME/.cache}/rampart-test has no build of
# those sources yet: on 2 cores about 2.5 minutes with the standard library
# already compiled by test-go, 4 from an empty build cache, plus 20 seconds
# to download its modules into an empty module cache. A failed build fails
# the test; hence the longer timeout. test-otelcol runs that test alone.
test-export:
	cd rampart-audit && RAMPART_COLLECTOR_TESTS=1 CGO_ENABLED=1 $(GO) test -count=1 -race -timeout 30m ./internal/export/

test-otelcol:
	cd rampart-audit && RAMPART_COLLECTOR_TESTS=1 $(GO) test -count=1 -timeout 30m -run Otelcol -v ./internal/export/

# The real agent CLIs (pinned in scripts/install-agents.sh, cached under
# $${XDG_CACHE_HOME:-$$HOME/.cache}/rampart-test) against a scripted model on
# loopback, with the hook installed by `rampart setup AGENT`. docs-hooks
# rewrites the tables in docs/hooks.md that these runs check.
test-agents:
	@agents=$$(scripts/install-agents.sh) && cd rampart-hook && RAMPART_AGENTS=$$agents $(GO) test -count=1 -parallel 4 -timeout 60m ./e2e/

docs-hooks:
	@agents=$$(scripts/install-agents.sh) && cd rampart-hook && RAMPART_AGENTS=$$agents RAMPART_UPDATE_DOCS=1 $(GO) test -count=1 -parallel 4 -timeout 60m ./e2e/

test-lib:
	$(MAKE) -C librampart check CC=$(CC)

# test-python: pip install ./sdks/python into a fresh virtual environment
# and run its tests against the installed package (scripts/test-python.sh).
test-python: build
	PATH=$(CURDIR)/bin:$$PATH scripts/test-python.sh

# rampart-serve -openclaw and the OpenClaw plugin against a real gateway:
# installs the pinned openclaw and a Node 26 from npm into the test cache.
test-openclaw:
	GO=$(GO) ./scripts/test-openclaw.sh

bench: build
	@for m in $(MODULES); do (cd $$m && $(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...) || exit 1; done
	@for s in scripts/bench-*.sh; do [ -x "$$s" ] && PATH=$(CURDIR)/bin:$$PATH "$$s" || true; done

# Every fuzz target in every module, FUZZTIME each.
fuzz:
	@for m in $(MODULES); do \
		(cd $$m && for p in $$($(GO) list ./...); do \
			for f in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
				echo "fuzz $$p $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$p || exit 1; \
			done; done) || exit 1; \
	done

clean:
	rm -rf bin dist
	$(MAKE) -C librampart clean

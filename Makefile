# Rampart: a thin index over the go command. Every module in go.work is
# built, vetted and tested; librampart is built with the machine's C compiler.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(DESTDIR)$(PREFIX)/bin
RAMPART_HOME ?= $(HOME)/.rampart
GO        ?= go
CC        ?= cc
FUZZTIME  ?= 10s
BENCHTIME ?= 1s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

export CGO_ENABLED := 0

BINARIES := rampart rampart-eval rampart-hook rampart-shell rampart-mcp rampart-serve rampart-audit rampart-watch
MODULES  := pkg $(BINARIES)
# Packages whose code runs goroutines or shares state across processes run
# under the race detector too (race needs cgo): in pkg, and the binaries
# that serve many connections or relay both ways at once.
RACE_PKGS := ./audit/... ./approval/... ./decide/...
RACE_MODULES := rampart-eval rampart-mcp rampart-serve

.PHONY: all build lib install test test-go test-race test-lib test-python test-agents docs-hooks lint bench fuzz clean

all: build

build: lib
	@mkdir -p bin
	@for b in $(BINARIES); do \
		echo "go build $$b"; \
		(cd $$b && $(GO) build -trimpath -ldflags "-s -w -X main.Version=$(VERSION)" -o ../bin/$$b .) || exit 1; \
	done

lib:
	$(MAKE) -C librampart CC=$(CC)

install: build
	install -d $(BINDIR) $(RAMPART_HOME)/lib
	install -m 0755 $(addprefix bin/,$(BINARIES)) $(BINDIR)/
	install -m 0644 librampart/librampart.so $(RAMPART_HOME)/lib/librampart.so
	@echo
	@echo "installed $(BINARIES) in $(BINDIR) and librampart.so in $(RAMPART_HOME)/lib"
	@echo "the embedded standard policy, deciding three calls:"
	@printf '%s\n' \
		'{"tool":"exec","params":{"command":"git status"}}' \
		'{"tool":"exec","params":{"command":"sudo env /bin/rm -fr /"}}' \
		'{"tool":"read","params":{"path":"~/.ssh/id_rsa"}}' \
		| $(BINDIR)/rampart-eval

test: lint test-go test-race test-lib test-python test-agents
	@echo "make test: all passed"

lint:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@for m in $(MODULES); do (cd $$m && $(GO) vet ./...) || exit 1; done
	@# Each binary must also build on its own, without go.work.
	@for m in $(BINARIES); do (cd $$m && GOWORK=off $(GO) build -o /dev/null .) || exit 1; done

test-go: lib
	@for m in $(MODULES); do (cd $$m && $(GO) test -count=1 ./...) || exit 1; done

test-race:
	cd pkg && CGO_ENABLED=1 $(GO) test -count=1 -race $(RACE_PKGS)
	@for m in $(RACE_MODULES); do (cd $$m && CGO_ENABLED=1 $(GO) test -count=1 -race -short ./...) || exit 1; done

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

test-python: build
	@if [ -d sdks/python ]; then cd sdks/python && PATH=$(CURDIR)/bin:$$PATH python3 -m unittest discover -v -s tests; fi

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
	rm -rf bin
	$(MAKE) -C librampart clean

module rampart.dev/rampart-audit

go 1.25

require (
	github.com/peterbourgon/ff/v3 v3.4.0
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/sys v0.38.0
	google.golang.org/protobuf v1.36.8
	rampart.dev/pkg v0.0.0-00010101000000-000000000000
)

require (
	github.com/oklog/ulid/v2 v2.1.1 // indirect
	golang.org/x/tools v0.26.0 // indirect
)

replace rampart.dev/pkg => ../pkg

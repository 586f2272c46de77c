module rampart.dev/rampart

go 1.24.0

require (
	github.com/rogpeppe/go-internal v1.14.1
	rampart.dev/pkg v0.0.0-00010101000000-000000000000
)

require (
	golang.org/x/sys v0.38.0 // indirect
	golang.org/x/tools v0.26.0 // indirect
)

replace rampart.dev/pkg => ../pkg

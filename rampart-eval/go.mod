module rampart.dev/rampart-eval

go 1.24.0

require rampart.dev/pkg v0.0.0-00010101000000-000000000000

require (
	github.com/fsnotify/fsnotify v1.9.0 // indirect
	golang.org/x/sys v0.38.0 // indirect
)

replace rampart.dev/pkg => ../pkg

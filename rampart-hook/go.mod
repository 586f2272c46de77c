module rampart.dev/rampart-hook

go 1.24.0

require (
	github.com/peterbourgon/ff/v3 v3.4.0
	github.com/rogpeppe/go-internal v1.14.1
	golang.org/x/sys v0.38.0
	rampart.dev/pkg v0.0.0-00010101000000-000000000000
)

require (
	github.com/fsnotify/fsnotify v1.9.0 // indirect
	github.com/gobwas/glob v0.2.3 // indirect
	github.com/oklog/ulid/v2 v2.1.1 // indirect
	golang.org/x/net v0.47.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	golang.org/x/tools v0.38.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
	mvdan.cc/sh/v3 v3.12.0 // indirect
)

replace rampart.dev/pkg => ../pkg

replace (
	gopkg.in/yaml.v3 v3.0.1 => ../third_party/gopkg.in/yaml.v3
	mvdan.cc/sh/v3 v3.12.0 => ../third_party/mvdan.cc/sh/v3
)

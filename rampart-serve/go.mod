module rampart.dev/rampart-serve

go 1.24.0

require (
	github.com/coder/websocket v1.8.15
	github.com/peterbourgon/ff/v3 v3.4.0
	github.com/prometheus/client_golang v1.23.2
	github.com/rogpeppe/go-internal v1.14.1
	golang.org/x/sys v0.38.0
	gopkg.in/yaml.v3 v3.0.1
	rampart.dev/pkg v0.0.0-00010101000000-000000000000
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/fsnotify/fsnotify v1.9.0 // indirect
	github.com/gobwas/glob v0.2.3 // indirect
	github.com/munnerz/goautoneg v0.0.0-20191010083416-a7dc8b61c822 // indirect
	github.com/oklog/ulid/v2 v2.1.1 // indirect
	github.com/prometheus/client_model v0.6.2 // indirect
	github.com/prometheus/common v0.66.1 // indirect
	github.com/prometheus/procfs v0.16.1 // indirect
	go.yaml.in/yaml/v2 v2.4.2 // indirect
	golang.org/x/net v0.47.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	golang.org/x/tools v0.38.0 // indirect
	google.golang.org/protobuf v1.36.8 // indirect
	mvdan.cc/sh/v3 v3.12.0 // indirect
)

replace rampart.dev/pkg => ../pkg

replace (
	gopkg.in/yaml.v3 v3.0.1 => ../third_party/gopkg.in/yaml.v3
	mvdan.cc/sh/v3 v3.12.0 => ../third_party/mvdan.cc/sh/v3
)

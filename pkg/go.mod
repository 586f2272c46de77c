module rampart.dev/pkg

go 1.24.0

require (
	github.com/gobwas/glob v0.2.3
	github.com/oklog/ulid/v2 v2.1.1
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/sys v0.38.0
	gopkg.in/yaml.v3 v3.0.1
	mvdan.cc/sh/v3 v3.12.0
)

require (
	golang.org/x/net v0.47.0
	golang.org/x/text v0.31.0
)

require github.com/fsnotify/fsnotify v1.9.0

replace (
	gopkg.in/yaml.v3 v3.0.1 => ../third_party/gopkg.in/yaml.v3
	mvdan.cc/sh/v3 v3.12.0 => ../third_party/mvdan.cc/sh/v3
)

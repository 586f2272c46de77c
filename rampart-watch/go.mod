module rampart.dev/rampart-watch

go 1.24

require rampart.dev/pkg v0.0.0-00010101000000-000000000000

replace rampart.dev/pkg => ../pkg

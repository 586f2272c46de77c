package engine

import "testing"

// TestRegistryKeysHere: a settings file's registry key naming a registry on
// this machine points no tool at what nobody here can read; another host,
// or a loopback URL under a key that loads code (a yarn plugin), still does.
func TestRegistryKeysHere(t *testing.T) {
	for _, tc := range []struct {
		path, content string
		opaque        bool
	}{
		{"/home/dev/project/.yarnrc.yml", "npmRegistryServer: \"http://localhost:4873\"\n", false},
		{"/home/dev/project/.yarnrc.yml", "npmRegistryServer: http://[::1]:4873\n", false},
		{"/home/dev/project/.npmrc", "@acme:registry=http://127.0.0.1:4873/\n", false},
		{"/home/dev/project/.npmrc", "registry=http://localhost:4873/\n", false},
		{"/home/dev/project/.yarnrc.yml", "npmRegistryServer: \"http://npm.acme-mirror.xyz\"\n", true},
		{"/home/dev/project/.npmrc", "registry=http://localhost.acme-mirror.xyz/\n", true},
		{"/home/dev/project/.yarnrc.yml", "plugins:\n  - http://localhost:8000/plugin.cjs\n", true},
	} {
		f := formatOf(tc.path)
		if f == nil || f.opaque == nil {
			t.Fatalf("%s: no settings format", tc.path)
		}
		got := len(f.opaque(tc.content)) > 0
		if got != tc.opaque {
			t.Errorf("%s %q: opaque = %v, want %v", tc.path, tc.content, got, tc.opaque)
		}
	}
}

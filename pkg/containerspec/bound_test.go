package containerspec

import (
	"slices"
	"testing"
)

// TestBoundOptions reads options kept in a name, passed as **kw or as the
// body, with the items set on the name later.
func TestBoundOptions(t *testing.T) {
	cases := []struct{ code, want string }{
		{"import docker\nkw = {'privileged': True, 'volumes': ['/:/h']}\ndocker.from_env().containers.run('alpine', 'sh', **kw)",
			"docker run --privileged -v /:/h alpine sh"},
		{"import docker\nkw = dict(pid_mode='host')\nkw['privileged'] = True\ndocker.from_env().containers.run('alpine', 'sh', **kw)",
			"docker run --privileged --pid=host alpine sh"},
		{"import docker\ncfg = {'image': 'alpine', 'command': 'ls /h', 'volumes': ['/:/h']}\ndocker.from_env().containers.run(**cfg)",
			"docker run -v /:/h alpine ls /h"},
		{"const D = require('dockerode'); const opts = {Image: 'alpine', HostConfig: {Binds: ['/:/h']}}; new D().createContainer(opts)",
			"docker run -v /:/h alpine"},
	}
	for _, c := range cases {
		if got := InCode(c.code); !slices.Contains(got, c.want) {
			t.Errorf("InCode(%q) = %q, want %q among them", c.code, got, c.want)
		}
	}
	// a name assigned twice is not read
	code := "import docker\nkw = {'privileged': True}\nkw = {}\ndocker.from_env().containers.run('alpine', **kw)"
	for _, l := range InCode(code) {
		if l != "docker run alpine" {
			t.Errorf("InCode(%q) = %q, want docker run alpine", code, l)
		}
	}
}

package shell

import "testing"

// TestFabricSudo: Fabric's c.sudo(CMD) and Connection(HOST).sudo(CMD)
// run CMD, as its run does: the command is read as one the code runs.
func TestFabricSudo(t *testing.T) {
	for src, want := range map[string]string{
		`python3 -c "from fabric import Connection; Connection('db-1').sudo('dropdb orders')"`: "dropdb",
		`python3 -c "import fabric; fabric.Connection('web-1').sudo('systemctl restart app')"`: "systemctl",
		`python3 -c "from fabric import Connection; Connection('web-1').run('uptime')"`:        "uptime",
	} {
		r := Parse(src)
		found := false
		for _, c := range r.Commands {
			found = found || c.Name == want
		}
		if !found {
			t.Errorf("Parse(%q): no %s among %v", src, want, describeAll(r))
		}
	}
}

package effect

import "testing"

// TestHolderMemory: a secret holder's memory read by its name (a core
// systemd kept, written out or debugged; a debugger on the process a
// finder names) is read as secretMemory's path; a listing of cores, the
// developer's own program and a process the line does not name are not.
func TestHolderMemory(t *testing.T) {
	for line, want := range map[string]string{
		"coredumpctl dump ssh-agent -o /tmp/a.core":           secretMemory("ssh-agent"),
		"coredumpctl -o /tmp/k.core dump COMM=keepassxc":      secretMemory("keepassxc"),
		"coredumpctl dump --output=a.core /usr/bin/gpg-agent": secretMemory("gpg-agent"),
		"coredumpctl debug firefox":                           secretMemory("firefox"),
		"gcore -o /tmp/s $(pidof ssh-agent)":                  secretMemory("ssh-agent"),
		"gdb -p $(pgrep -f chrome) -batch -ex 'gcore /tmp/c'": secretMemory("chrome"),
		"coredumpctl list ssh-agent":                          "",
		"coredumpctl info gpg-agent":                          "",
		"coredumpctl dump myapp -o build/myapp.core":          "",
		"gcore -o build/core $(pgrep -f ./bin/server)":        "",
	} {
		got := ""
		for _, e := range effectsOf(line) {
			if e.Kind == Read && e.Path != "" && len(e.Path) > len("/proc/secret-holder/") && e.Path[:len("/proc/secret-holder/")] == "/proc/secret-holder/" {
				got = e.Path
			}
		}
		if got != want {
			t.Errorf("%q: secret memory read = %q, want %q (%v)", line, got, want, effectsOf(line))
		}
	}
}

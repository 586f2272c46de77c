package shell

import (
	"strings"
	"testing"
)

// TestRemotePrivilege checks that sudo in a command run on another host,
// or sudo -n true, is no command of this machine's, while what it runs is
// still reported, and that a local sudo (around ssh, or ssh's local
// options, or one that runs something) still is.
func TestRemotePrivilege(t *testing.T) {
	for _, tc := range []struct {
		line     string
		sudo     bool   // a command named sudo is reported
		reported string // a command reported, by its words
	}{
		{"ssh web-01 sudo systemctl restart app", false, "systemctl restart app"},
		{"ssh -t web-01 'sudo tail -n 5 /var/log/syslog'", false, "tail -n 5 /var/log/syslog"},
		{"mosh web-01 -- sudo htop", false, "htop"},
		{"rsync -a --rsync-path='sudo rsync' dist/ h:/srv/", false, "rsync"},
		{"gcloud compute ssh vm-1 --command='sudo journalctl -n 5'", false, "journalctl -n 5"},
		{"gcloud compute ssh vm-1 -- sudo reboot", false, "reboot"},
		{"ssh web-01 'bash -c \"sudo rm -rf /srv/x\"'", false, "rm -rf /srv/x"},
		{"sudo ssh web-01 uptime", true, "uptime"},
		{"rsync -a -e 'sudo ssh' dist/ h:/srv/", true, "ssh"},
		{"ssh -o ProxyCommand='sudo nc %h %p' web-01", true, "nc %h %p"},
		{"sudo -n true", false, "true"},
		{"sudo --non-interactive /bin/true || echo no", false, "true"},
		{"sudo true", true, "true"},
		{"sudo -v", true, "sudo -v"},
		{"sudo -n -s true", true, "true"},
		{"sudo -n systemctl restart app", true, "systemctl restart app"},
	} {
		res := Parse(tc.line)
		sudo, found := false, false
		for _, c := range res.Commands {
			if c.Name == "sudo" {
				sudo = true
			}
			if strings.Join(append([]string{c.Name}, c.Args...), " ") == tc.reported {
				found = true
			}
		}
		if sudo != tc.sudo || !found {
			t.Errorf("Parse(%q): sudo reported %v (want %v), %q reported %v", tc.line, sudo, tc.sudo, tc.reported, found)
		}
	}
}

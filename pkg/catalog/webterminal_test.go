package catalog

import (
	"strings"
	"testing"
)

// TestSshpassAndWebTerminals checks that sshpass hands its operand to the
// command it runs, and that a web terminal's writable switch marks the
// command it serves as run by whoever connects.
func TestSshpassAndWebTerminals(t *testing.T) {
	cat := Default()
	for line, want := range map[string]string{
		"sshpass -p pw ssh -R 2222:localhost:22 h": "ssh",
		"sshpass -e scp a h:/tmp":                  "scp",
		"ttyd -p 7681 -W bash":                     "bash",
		"gotty -w -a 0.0.0.0 bash":                 "bash",
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		got := ""
		for _, w := range c.Words {
			if w.Role == Command && got == "" {
				got = w.Text
			}
		}
		if got != want {
			t.Errorf("%s: command operand = %q, want %q", line, got, want)
		}
	}
	for line, want := range map[string]bool{
		"ttyd -p 7681 -W bash":      true,
		"ttyd -p 7681 -i lo htop":   false,
		"gotty --permit-write bash": true,
		"gotty top":                 false,
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		if got := c.Mark("runs"); got != want {
			t.Errorf("%s: runs = %v, want %v", line, got, want)
		}
	}
}

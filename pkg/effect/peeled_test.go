package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestPeeledWrapperNotReadAsUnknown checks that a wrapper the walk reads
// itself is not read as an unknown program whose verbs are the wrapped
// command's words: the destroys and secrets found are the wrapped
// command's, and the wrapper carries none of them.
func TestPeeledWrapperNotReadAsUnknown(t *testing.T) {
	for _, line := range []string{
		"sudo borgctl delete repo",
		"nohup timeout 60 vendorctl destroy cluster-a",
		"env REGION=eu vaultctl secrets get api-token",
		"ls ids | xargs acmectl delete",
		"doas -u ops nice -n 5 acmectl deploy --env production",
	} {
		res := shell.Parse(line)
		found := false
		for _, e := range effectsOf(line) {
			if e.Kind != Destroy && e.Kind != Flow {
				continue
			}
			found = true
			if len(res.Commands[e.Cmd].Via) == 0 {
				t.Errorf("%q: %v is on the wrapper %q, not the wrapped command", line, e, res.Commands[e.Cmd].Name)
			}
		}
		if !found && line != "env REGION=eu vaultctl secrets get api-token" {
			t.Errorf("%q: no destroy found: %v", line, effectsOf(line))
		}
	}
}

// TestPeeledOwnWords checks that a peeled wrapper's words are only its
// own: the command it runs is not read again as the wrapper's operands
// (env ls ~/.secret is ls's listing, not env reading the directory), and
// the directory env -C gives is where its command runs, not a file read.
func TestPeeledOwnWords(t *testing.T) {
	for _, line := range []string{
		"env ls /home/dev/.secret/",
		"env -C /home/dev/.secret ls -la",
		"timeout 5 ls /home/dev/.secret/",
		"env --chdir=/home/dev/.secret ls",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Read && e.Cmd == 0 {
				t.Errorf("%q: the wrapper reads %s", line, e.Path)
			}
		}
	}
	// The wrapped command's own reads stay: cat reads the file.
	if effs := effectsOf("env FOO=1 cat /home/dev/.secret/key"); !hasEffect(effs, "read /home/dev/.secret/key") {
		t.Errorf("env FOO=1 cat: the file read lost: %v", effs)
	}
	// Words the walk rebuilt (env -S) are kept whole.
	c := shell.Command{Name: "env", Args: []string{"-S", "ls x"}}
	n := shell.Command{Name: "ls", Program: "ls", Args: []string{"x"}}
	if got := peeledOwn(&c, &n); len(got) != 2 {
		t.Errorf("peeledOwn(env -S 'ls x') = %q, want every word", got)
	}
	// xargs -a FILE reads FILE: a wrapper's own operands are still read.
	if effs := effectsOf("xargs -a /home/dev/.secret/key echo"); !hasEffect(effs, "read /home/dev/.secret/key") {
		t.Errorf("xargs -a: the file read lost: %v", effs)
	}
	c = shell.Command{Name: "env", Args: []string{"-C", "/x", "ls"}}
	n = shell.Command{Name: "ls", Program: "ls"}
	if got := peeledOwn(&c, &n); len(got) != 0 {
		t.Errorf("peeledOwn(env -C /x ls) = %q, want none (the directory is where ls runs)", got)
	}
}

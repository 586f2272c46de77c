package shell

import "testing"

// TestProseArgument checks that a message given to a program the
// catalogue does not know is not walked as a command line, while a
// string that starts with a known program or holds a shell operator is,
// whatever words follow.
func TestProseArgument(t *testing.T) {
	for src, want := range map[string][]string{
		`./bin/notify --to ops@acme.io "fixed the delete bug"`:                         {"notify"},
		`teams-notify "Please purge the CDN cache after this deploy"`:                  {"teams-notify"},
		`benchrun "rm -rf ~ the whole thing"`:                                          {"benchrun", "rm"},
		`benchrun "the end; rm -rf ~"`:                                                 {"benchrun", "the", "rm"},
		`benchrun "please run rm -rf ~ now"`:                                           {"benchrun", "please", "rm"},
		`benchrun "acmectl purge cache"`:                                               {"benchrun", "acmectl"},
		`benchrun "acmectl purge-all the caches --yes"`:                                {"benchrun", "acmectl"},
		`benchrun "ops-tool destroy the cluster"`:                                      {"benchrun", "ops-tool"},
		`printf 'rm -rf /x' > bin/tidy; PATH=bin:$PATH runjob "tidy the cache please"`: {"printf", "runjob", "tidy", "rm"},
		`printf 'rm -rf /x' > tidy; runjob "tidy the cache please"`:                    {"printf", "runjob", "tidy", "rm"},
		`printf 'echo hi' > notes.txt; notify "tidy the cache please"`:                 {"printf", "notify"},
	} {
		res := Parse(src)
		var got []string
		for _, c := range res.Commands {
			got = append(got, c.Name)
		}
		if len(got) != len(want) {
			t.Errorf("%s: commands %q, want %q", src, got, want)
			continue
		}
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("%s: commands %q, want %q", src, got, want)
				break
			}
		}
	}
}

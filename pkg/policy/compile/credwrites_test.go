package compile

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/policy"
)

// TestCredentialWritesCoverReads checks that the standard profile's
// credential-writes policy names every home-directory credential file that
// protect-credentials will not let be read (but ~/.ssh, which the
// start-up and system-file rules guard, and a tool's configuration file
// whose settings are judged from the text written, ~/.npmrc): a token or
// registry written into one of them holds for every later call, so a file
// added to the read list alone would be written unasked.
func TestCredentialWritesCoverReads(t *testing.T) {
	src, err := policy.ProfileSource("standard")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Policies []struct {
			Name  string
			Rules []struct {
				Action string
				When   struct {
					PathMatches []string `yaml:"path_matches"`
				}
			}
		}
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var reads []string
	writes := map[string]bool{}
	for _, p := range doc.Policies {
		for _, r := range p.Rules {
			switch {
			case p.Name == "protect-credentials" && r.Action == "deny" && reads == nil:
				reads = r.When.PathMatches
			case p.Name == "credential-writes":
				for _, w := range r.When.PathMatches {
					writes[w] = true
				}
			}
		}
	}
	if len(reads) == 0 || len(writes) == 0 {
		t.Fatal("protect-credentials' deny list or credential-writes' list not found")
	}
	for _, r := range reads {
		if strings.HasPrefix(r, "~/") && !strings.HasPrefix(r, "~/.ssh/") && !catalog.IsConfigFile(r) && !writes[r] {
			t.Errorf("credential-writes does not name %s, which protect-credentials denies reading", r)
		}
	}
}

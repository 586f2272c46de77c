package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestPrologAstGrepDotenvCli: a Prolog system's -g and -t are goals (code,
// never a command to run), and the files it consults are read; sg is
// ast-grep's short name, whose verbs take patterns and paths, while sg
// GROUP CMD still runs CMD; npx dotenv-cli runs dotenv's own entry.
func TestPrologAstGrepDotenvCli(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		word string
		role Role
	}{
		{"swipl", []string{"-g", "run_tests", "-t", "halt", "tests/test_rules.pl"}, "halt", Code},
		{"swipl", []string{"-g", "run_tests", "-t", "halt", "tests/test_rules.pl"}, "run_tests", Code},
		{"swipl", []string{"-g", "run_tests", "-t", "halt", "tests/test_rules.pl"}, "tests/test_rules.pl", Read},
		{"scryer-prolog", []string{"-g", "test,halt", "tests.pl"}, "tests.pl", Read},
		{"sg", []string{"run", "-p", "console.log($$$)", "-r", "", "-l", "ts", "src/"}, "console.log($$$)", Data},
		{"sg", []string{"run", "-p", "console.log($$$)", "-r", "", "-l", "ts", "src/"}, "src/", Write},
		{"sg", []string{"scan", "-c", "sgconfig.yml"}, "sgconfig.yml", Read},
		{"sg", []string{"docker", "rm -rf /tmp/x"}, "rm -rf /tmp/x", Shell},
		{"sg", []string{"docker", "-c", "make install"}, "make install", Shell},
		{"dotenv-cli", []string{"-e", ".env.local", "--", "prisma", "studio"}, "prisma", Command},
	} {
		cl := c.Classify(tc.name, tc.args)
		found, role := false, None
		for _, w := range cl.Words {
			if w.Text == tc.word {
				found, role = true, w.Role
			}
		}
		if !found || role != tc.role {
			t.Errorf("%s %v: %q found=%v role=%v, want %v", tc.name, tc.args, tc.word, found, role, tc.role)
		}
	}
}

// TestScheduledAndPublishedVerbs: git maintenance start and register put
// the repository on the user's scheduler; paket push publishes; the Pact
// broker's record and publish verbs change the shared broker. Their other
// verbs (run, install, can-i-deploy) do none of it.
func TestScheduledAndPublishedVerbs(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name  string
		args  []string
		entry string
		verbs string
	}{
		{"git", []string{"maintenance", "start"}, "git maintenance", "start,register"},
		{"dotnet", []string{"paket", "push", "x.nupkg"}, "dotnet paket", "push"},
		{"paket", []string{"push", "x.nupkg"}, "paket", "push"},
		{"pact-broker", []string{"record-deployment"}, "pact-broker", "publish,record-deployment"},
	} {
		e, _ := c.Lookup(tc.name, tc.args)
		if e == nil || e.Name != tc.entry {
			t.Errorf("%s %v: entry %v, want %s", tc.name, tc.args, e, tc.entry)
			continue
		}
		for _, v := range strings.Split(tc.verbs, ",") {
			if !slices.Contains(strings.Split(e.Prop("destroy-verbs"), ","), v) {
				t.Errorf("%s: destroy-verbs %q lacks %s", tc.entry, e.Prop("destroy-verbs"), v)
			}
		}
	}
}

// TestServerlessNoDeploy: serverless deploy --noDeploy only packages the
// service into .serverless/: a rehearsal; without it, a deploy.
func TestServerlessNoDeploy(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"serverless", []string{"deploy", "--stage", "prod", "--noDeploy"}, true},
		{"sls", []string{"deploy", "--noDeploy"}, true},
		{"serverless", []string{"deploy", "--stage", "prod"}, false},
		{"sls", []string{"remove", "--stage", "prod"}, false},
	} {
		if got := c.Dry(tc.name, tc.args); got != tc.want {
			t.Errorf("%s %v: dry = %v, want %v", tc.name, tc.args, got, tc.want)
		}
	}
}

package shell

import "testing"

// prefilterCases are code the regular expressions of codeFacts match, and
// code they do not.
var prefilterCases = []string{
	"import os; os.kill(-1, 9)",
	"process.kill(-1)",
	"Process.KILL ( -1 )",
	"Process.\u212aill(-1)", // Kelvin sign: (?i) folds it to k
	"kill 'KILL', -1",
	"kill 9, -1",
	"print(1)",
	"import os; print(os.environ['AWS_SECRET_ACCESS_KEY'])",
	"os.getenv('GITHUB_TOKEN')",
	"console.log(process.env.NPM_TOKEN)",
	"console.log(Bun.env.OPENAI_API_KEY)",
	"console.log(Bun.env['OPENAI_API_KEY'])",
	"console.log(Deno.env.get('GITHUB_TOKEN'))",
	"puts ENV.fetch('DATABASE_URL')",
	"print $ENV{API_KEY}",
	"os.environ.get('HOME')",
}

// TestCodePrefilters holds the cheap tests codeFacts runs first to what
// they stand in front of: where an expression matches, its test is true.
func TestCodePrefilters(t *testing.T) {
	for _, code := range prefilterCases {
		checkPrefilters(t, code)
	}
	if mayKillAll("print(1)") || mayReadSecretVar("print(1)") {
		t.Error("the prefilters let plain code through to the expressions")
	}
}

func checkPrefilters(t *testing.T, code string) {
	if killAll.Get().MatchString(code) && !mayKillAll(code) {
		t.Errorf("killAll matches %q but mayKillAll is false", code)
	}
	if secretVarInCode.Get().MatchString(code) && !mayReadSecretVar(code) {
		t.Errorf("secretVarInCode matches %q but mayReadSecretVar is false", code)
	}
}

func FuzzCodePrefilters(f *testing.F) {
	for _, c := range prefilterCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, code string) { checkPrefilters(t, code) })
}

package effect

import "testing"

// TestSetsVarsPrintsNone checks that a "sets-vars" source (gp env) that sets
// or unsets variables prints no secret, that one setting a variable named for
// a credential changes the account's secrets (destroy:deploy), and that its
// listings and one variable's value printed stay a secret printed.
func TestSetsVarsPrintsNone(t *testing.T) {
	for line, want := range map[string][2]bool{ // {flow:secret->agent, destroy:deploy}
		"gp env EDITOR=vim": {false, false},
		"gp env API_URL=https://api.example.net LOG_LEVEL=debug": {false, false},
		"gp env -u OLD_FLAG":                         {false, false},
		"gp env --unset OLD_FLAG":                    {false, false},
		"gp env NPM_TOKEN=placeholder":               {false, true},
		"gp env EDITOR=vim GITHUB_TOKEN=placeholder": {false, true},
		"gp env":           {true, false},
		"gp env NPM_TOKEN": {true, false},
		"gp env --help":    {false, false},
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "flow:secret->agent") || hasEffect(effs, "flow:environment->agent"); got != want[0] {
			t.Errorf("%q: secret printed = %v, want %v (%v)", line, got, want[0], effs)
		}
		if got := hasEffect(effs, "destroy:deploy"); got != want[1] {
			t.Errorf("%q: destroy:deploy = %v, want %v (%v)", line, got, want[1], effs)
		}
	}
}

// TestAssignmentWord checks which words are NAME=VALUE assignments.
func TestAssignmentWord(t *testing.T) {
	for w, want := range map[string]bool{
		"A=1": true, "_X=": true, "LOG_LEVEL=debug=x": true,
		"=1": false, "1A=2": false, "A-B=1": false, "NAME": false, "--unset=X": false,
	} {
		if got := assignmentWord(w); got != want {
			t.Errorf("assignmentWord(%q) = %v, want %v", w, got, want)
		}
	}
}

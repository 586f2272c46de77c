package effect

import "testing"

// An unknown program's option spelled rm with its flags run together
// (--rmrf, --RmRf) names destroying as --rm-rf does; other words do not.
func TestDestroyingOptionRmCluster(t *testing.T) {
	for args, want := range map[string]string{
		"--rmrf":        "--rmrf",
		"--RmRf=/x":     "--RmRf",
		"--rmfr":        "--rmfr",
		"--rmate":       "",
		"--rm":          "--rm", // rm itself, as before
		"--format=json": "",
	} {
		if got := destroyingOption([]string{args}); got != want {
			t.Errorf("destroyingOption(%q) = %q, want %q", args, got, want)
		}
	}
}

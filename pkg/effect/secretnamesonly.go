package effect

import "rampart.dev/pkg/internal/table"

// noValueWords are the words by which a secret store's or a cluster's CLI
// prints no secret's value: help, a permission check (kubectl auth can-i),
// and a listing of names alone (doppler secrets --only-names).
var noValueWords = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"-h": true, "--help": true, "help": true, "can-i": true,
		"--only-names": true, "--names-only": true, "--name-only": true, "--keys-only": true, "--only-keys": true,
	}
}}

// showsNoValue reports a command whose words say it prints no secret's
// value, wherever it points (production too).
func showsNoValue(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if noValueWords.Get(a) {
			return true
		}
	}
	return false
}

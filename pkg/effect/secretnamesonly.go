package effect

import "rampart.dev/pkg/internal/table"

// noValueWords are the words by which a secret store's or a cluster's CLI
// prints no secret's value: help, a permission check (kubectl auth can-i),
// and a listing of names alone (doppler secrets --only-names).
var noValueWords = table.Map[string, bool]{Words: `-h --help help can-i
	--only-names --names-only --name-only --keys-only --only-keys`}

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

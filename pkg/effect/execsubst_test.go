package effect

import "testing"

// TestExecSubstitution: a program file handed as a process substitution
// whose text the walk read (awk -f <(echo '{print $1}')) is code already
// judged, not unknown code, however many dollars it holds; one printing
// what nobody sees stays unknown.
func TestExecSubstitution(t *testing.T) {
	for line, unknown := range map[string]bool{
		`awk -f <(echo '{print $1}') data.txt`:                   false,
		`gawk -f <(printf '%s\n' '{n+=$2} END {print n}') t.tsv`: false,
		`awk -f <(pbpaste) data.txt`:                             true,
		`awk -f "$PROG" data.txt`:                                true,
		`awk -f scripts/sum.awk data.txt`:                        false,
		`gdb -batch -x <(pbpaste) ./app`:                         true,
		`vim -S <(pbpaste) notes.txt`:                            true,
		`gdb -batch -x scripts/dump.gdb ./build/app`:             false,
	} {
		effs := effectsOf(line)
		got := false
		for _, e := range effs {
			got = got || e.Kind == Unknown
		}
		if got != unknown {
			t.Errorf("%s: unknown %v, want %v: %v", line, got, unknown, effs)
		}
	}
}

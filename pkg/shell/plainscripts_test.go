package shell

import "testing"

// TestPlainSedScript checks which sed scripts are read as plain: those
// that only print, delete or substitute, never one that reads, writes or
// runs anything.
func TestPlainSedScript(t *testing.T) {
	for s, want := range map[string]bool{
		"s/a/b/g": true, "s/a/b/": true, "s/x+/y/2": true, "s/a/b/Ip": true, "1,5p": true, "$d": true, "10q": true, "p": true, "3,$d": true,
		"": false, "s/a/b": false, "s/a/b/w out": false, "s/a/b/e": false, "s/a/b/gw out": false, "s|a|b|": false, `s/\//x/`: false,
		"1r f": false, "R f": false, "w f": false, "W f": false, "1e id": false, "e": false, "s/a/b/;w f": false, "1{p}": false,
		"s/a/b/\nw f": false, "1,2,3p": false, "/x/p": false, "y/ab/cd/": false, "l": false,
	} {
		if got := plainSedScript(s); got != want {
			t.Errorf("plainSedScript(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPlainAwkProgram checks which awk programs are read as plain: those
// that only print fields.
func TestPlainAwkProgram(t *testing.T) {
	for s, want := range map[string]bool{
		"{print $1}": true, "{print}": true, " { print $1, $NF; } ": true, "{print NR, $0}": true, "{print $1 $2}": true,
		"": false, "print $1": false, "{printf $1}": false, `{print $1 > "/tmp/x"}`: false, `{print | "sh"}`: false, "{system($0)}": false,
		"NR==1{print}": false, "{print $1}; END{print NR}": false, `{print "x"}`: false, "{print $a}": false, "{print $}": false,
		"{getline; print}": false, "{print $(1)}": false, "BEGIN{print 1}": false,
	} {
		if got := plainAwkProgram(s); got != want {
			t.Errorf("plainAwkProgram(%q) = %v, want %v", s, got, want)
		}
	}
}

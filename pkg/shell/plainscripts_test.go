package shell

import (
	"strings"
	"testing"
)

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

// splitPlainSedScript and splitPlainAwkProgram are the readings
// plainSedScript and plainAwkProgram replaced (with strings.Split and
// strings.FieldsFunc, which allocate): the answers must stay theirs.
func splitPlainSedScript(s string) bool {
	if strings.ContainsAny(s, "\\\n;{}") {
		return false
	}
	if rest, ok := strings.CutPrefix(s, "s/"); ok {
		parts := strings.Split(rest, "/")
		return len(parts) == 3 && strings.Trim(parts[2], "gpiI0123456789") == ""
	}
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case 'p', 'd', 'q':
	default:
		return false
	}
	addr := s[:len(s)-1]
	return strings.Trim(addr, "0123456789,$") == "" && strings.Count(addr, ",") <= 1
}

func splitPlainAwkProgram(s string) bool {
	body, ok := strings.CutPrefix(strings.TrimSpace(s), "{")
	if !ok {
		return false
	}
	if body, ok = strings.CutSuffix(body, "}"); !ok {
		return false
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), ";")), "print")
	if !ok {
		return false
	}
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
		if f == "NR" || f == "NF" {
			continue
		}
		if v, ok := strings.CutPrefix(f, "$"); !ok || v != "NF" && (v == "" || strings.Trim(v, "0123456789") != "") {
			return false
		}
	}
	return true
}

// plainScriptCases are scripts near the edges of both readings.
var plainScriptCases = []string{
	"", "s/", "s//", "s///", "s////", "s/a/b/g", "s/a/b/gw", "s/a/b/g/", "s/a/b/9", "s/é/ü/I", "s/a/b/\xff",
	"1,5p", "$d", ",p", "1,2,3p", "p", "d", "q", "x", "s/a/b/;p",
	"{print}", "{print $1}", "{ print $1, $NF; }", "{print\t$1,,$2}", "{print $}", "{print $-1}", "{print $1é}",
	"{print $1\u00a0$2}", "{print NR NF}", "{print $NF $NR}", "{print$1}", "{printf $1}", "{print ,}", "{print $١}",
	"{print $1 ;}", "{print $1;;}", " {print} ", "{print $01}", "{print \xff}",
}

// TestPlainScriptsAsSplit holds plainSedScript and plainAwkProgram to
// the readings they replaced, and checks that they allocate nothing.
func TestPlainScriptsAsSplit(t *testing.T) {
	for _, s := range plainScriptCases {
		checkPlainAsSplit(t, s)
	}
	for _, s := range []string{"s/a/b/g", "{ print $1, $NF; }"} {
		if n := testing.AllocsPerRun(100, func() { plainSedScript(s); plainAwkProgram(s) }); n != 0 {
			t.Errorf("%q: %v allocations, want none", s, n)
		}
	}
}

func checkPlainAsSplit(t *testing.T, s string) {
	t.Helper()
	if got, want := plainSedScript(s), splitPlainSedScript(s); got != want {
		t.Errorf("plainSedScript(%q) = %v, the split reading %v", s, got, want)
	}
	if got, want := plainAwkProgram(s), splitPlainAwkProgram(s); got != want {
		t.Errorf("plainAwkProgram(%q) = %v, the split reading %v", s, got, want)
	}
}

func FuzzPlainScriptsAsSplit(f *testing.F) {
	for _, s := range plainScriptCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPlainAsSplit(t, s) })
}

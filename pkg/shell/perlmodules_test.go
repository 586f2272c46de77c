package shell

import (
	"strings"
	"testing"
)

// TestPerlModuleOptions: the modules perl -M and -m load are part of the
// code's text, so what the code does with them (LWP::Simple's get) is
// read as it is after "use LWP::Simple;".
func TestPerlModuleOptions(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string
	}{
		{[]string{"perl", "-MLWP::Simple", "-e", "get(1)"}, "use LWP::Simple;\nget(1)"},
		{[]string{"perl", "-mHTTP::Tiny", "-le", "print 1"}, "use HTTP::Tiny;\nprint 1"},
		{[]string{"perl", "-w", "-e", "print 1"}, "print 1"},
	} {
		code, has, _ := codeArgs("perl", c.words)
		if !has || strings.TrimSpace(code) != c.want {
			t.Errorf("%v: code %q (has %v), want %q", c.words, code, has, c.want)
		}
	}
}

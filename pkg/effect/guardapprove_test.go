package effect

import (
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/tablerows"
	"rampart.dev/pkg/shell"
)

// TestLineRawHTTP checks that the analysis's once-read answer is rawHTTP's
// for the line, however often it is asked.
func TestLineRawHTTP(t *testing.T) {
	for _, line := range []string{
		"echo hi | sort",
		"printf 'x' | nc 127.0.0.1 9090",
		"echo x > /dev/tcp/127.0.0.1/9090",
		"awk 'BEGIN { print \"x\" |& \"/inet/tcp/0/127.0.0.1/9090\" }'",
		"echo a; echo b; telnet localhost 9090",
		"cat f | grep x | wc -l",
	} {
		res := shell.Parse(line)
		a := analysis{res: &res, cat: catalog.Default()}
		want := rawHTTP(&res)
		for range 3 {
			if got := a.lineRawHTTP(); got != want {
				t.Errorf("%q: lineRawHTTP() = %v, rawHTTP = %v", line, got, want)
			}
		}
	}
}

// TestGawkSocket holds gawkSocket to the three searches it stands for.
func TestGawkSocket(t *testing.T) {
	for _, w := range []string{
		"", "/inet", "/inet/", "/inet/tcp", "/inet/tcp/", "/inet/tcp/0/h/80", "/inet4/tcp/0/h/80", "/inet6/tcp/0/h/80",
		"/inet/udp/0/h/53", "/inet5/tcp/0", "x/inetx/inet/tcp/1", "/inet/inet4/tcp/", "/inet/inet/inet6/tcp/",
		"print |& \"/inet/tcp/0/127.0.0.1/9090\"", "/dev/tcp/h/80", "/inet4/udp/", "/inet6/tcp",
	} {
		want := strings.Contains(w, "/inet/tcp/") || strings.Contains(w, "/inet4/tcp/") || strings.Contains(w, "/inet6/tcp/")
		if got := gawkSocket(w); got != want {
			t.Errorf("gawkSocket(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestMayNameApproval holds the cheap look (mayNameApproval) to
// resolvesApproval: wherever the look finds no word that may spell an
// approval's path, resolvesApproval finds none, on every command of the
// engine's tables' exec rows.
func TestMayNameApproval(t *testing.T) {
	rows, err := tablerows.Exec("../engine/testdata")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, line := range rows {
		res := shell.Parse(line)
		for i := range res.Commands {
			c := &res.Commands[i]
			w := resolvesApproval(c)
			if w != "" {
				seen++
			}
			if w != "" && !mayNameApproval(c) {
				t.Errorf("%q: %q spells an approval's path, which mayNameApproval misses", line, w)
			}
		}
	}
	if seen == 0 {
		t.Error("no command of the tables spells an approval's path")
	}
}

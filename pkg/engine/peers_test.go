package engine

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"rampart.dev/pkg/call"
)

// peersDir holds six peer projects' public test suites as data, beside the
// repository (never copied into it).
const peersDir = "../../../shared/benchmarks/peers"

type peerRow struct {
	ID       string         `json:"id"`
	Tool     string         `json:"tool"`
	Input    map[string]any `json:"input"`
	Expect   string         `json:"expect"`
	Category string         `json:"category"`
}

// peerTally counts one group of peer rows: for each expected verdict, the
// rows and those the engine agreed with on stopped versus let through.
type peerTally struct {
	rows, agreed [3]int // deny, ask, allow
}

// peerClass indexes a peer's expected verdict in a peerTally.
func peerClass(expect string) int {
	switch expect {
	case "deny":
		return 0
	case "ask":
		return 1
	}
	return 2
}

// add counts one row.
func (p *peerTally) add(expect string, agreed bool) {
	c := peerClass(expect)
	p.rows[c]++
	if agreed {
		p.agreed[c]++
	}
}

// merge adds another tally's counts.
func (p *peerTally) merge(o peerTally) {
	for i := range p.rows {
		p.rows[i] += o.rows[i]
		p.agreed[i] += o.agreed[i]
	}
}

// summary is the headline figure: deny and ask rows stopped, allow rows
// passed.
func (p peerTally) summary() string {
	stopRows, stopped := p.rows[0]+p.rows[1], p.agreed[0]+p.agreed[1]
	return fmt.Sprintf("deny/ask rows stopped %4d/%-4d (%5.1f%%)   allow rows passed %4d/%-4d (%5.1f%%)",
		stopped, stopRows, pct(stopped, stopRows), p.agreed[2], p.rows[2], pct(p.agreed[2], p.rows[2]))
}

// byClass is the same figure split by the peer's verdict.
func (p peerTally) byClass() string {
	return fmt.Sprintf("deny stopped %4d/%-4d (%5.1f%%)   ask stopped %4d/%-4d (%5.1f%%)   allow passed %4d/%-4d (%5.1f%%)",
		p.agreed[0], p.rows[0], pct(p.agreed[0], p.rows[0]), p.agreed[1], p.rows[1], pct(p.agreed[1], p.rows[1]),
		p.agreed[2], p.rows[2], pct(p.agreed[2], p.rows[2]))
}

// TestPeers measures agreement with the peers' suites on stopped (deny or
// ask) versus let through, per file, and per file split by the peer's
// verdict. It reports; it never fails on a figure, since each peer tests
// its own policy. Run with -v to see the table, with PEERS_MISSES=1 to list
// each disagreement, and with PEERS_CATEGORIES=1 to add a line for each of
// a peer's categories.
func TestPeers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(peersDir, "*.jsonl"))
	if len(files) == 0 {
		t.Skipf("no peer corpora at %s", peersDir)
	}
	e := standard(t)
	sort.Strings(files)
	misses, categories := os.Getenv("PEERS_MISSES") != "", os.Getenv("PEERS_CATEGORIES") != ""
	var all peerTally
	var lines []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var file peerTally
		cats := map[string]*peerTally{}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var r peerRow
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			c := call.Call{Tool: r.Tool, Params: r.Input, Cwd: "/home/dev/project"}
			d := e.Evaluate(c)
			agreed := d.Blocks() == (r.Expect != "allow")
			file.add(r.Expect, agreed)
			if cats[r.Category] == nil {
				cats[r.Category] = &peerTally{}
			}
			cats[r.Category].add(r.Expect, agreed)
			switch {
			case agreed || !misses:
			case r.Expect == "allow":
				t.Logf("over-stopped %s [%s] %v: %v %s", r.ID, r.Category, r.Input, d.Decision, d.Message)
			default:
				t.Logf("let through %s [%s] %v (peer: %s)", r.ID, r.Category, r.Input, r.Expect)
			}
		}
		fh.Close()
		name := filepath.Base(f)
		t.Logf("%-22s %s", name, file.summary())
		lines = append(lines, fmt.Sprintf("%-22s %s", name, file.byClass()))
		if categories {
			names := make([]string, 0, len(cats))
			for n := range cats {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				lines = append(lines, fmt.Sprintf("  %-38s %s", n, cats[n].byClass()))
			}
		}
		all.merge(file)
	}
	t.Logf("%-22s %s", "all", all.summary())
	t.Logf("by the peer's verdict:")
	for _, l := range lines {
		t.Logf("%s", l)
	}
	t.Logf("%-22s %s", "all", all.byClass())
}

package engine

import (
	"bufio"
	"encoding/json"
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

// TestPeers measures agreement with the peers' suites on stopped (deny or
// ask) versus let through, per file. It reports; it does not fail, since
// each peer tests its own policy. Run with -v to see the table, and with
// PEERS_MISSES=1 to list each disagreement.
func TestPeers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(peersDir, "*.jsonl"))
	if len(files) == 0 {
		t.Skipf("no peer corpora at %s", peersDir)
	}
	e := standard(t)
	sort.Strings(files)
	var tot [4]int
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var stopRows, stopped, allowRows, passed int
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var r peerRow
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			c := call.Call{Tool: r.Tool, Params: r.Input, Cwd: "/home/dev/project"}
			d := e.Evaluate(c)
			if r.Expect == "allow" {
				allowRows++
				if !d.Blocks() {
					passed++
				} else if os.Getenv("PEERS_MISSES") != "" {
					t.Logf("over-stopped %s [%s] %v: %v %s", r.ID, r.Category, r.Input, d.Decision, d.Message)
				}
				continue
			}
			stopRows++
			if d.Blocks() {
				stopped++
			} else if os.Getenv("PEERS_MISSES") != "" {
				t.Logf("let through %s [%s] %v (peer: %s)", r.ID, r.Category, r.Input, r.Expect)
			}
		}
		fh.Close()
		t.Logf("%-22s deny/ask rows stopped %4d/%-4d (%5.1f%%)   allow rows passed %4d/%-4d (%5.1f%%)",
			filepath.Base(f), stopped, stopRows, pct(stopped, stopRows), passed, allowRows, pct(passed, allowRows))
		tot[0] += stopped
		tot[1] += stopRows
		tot[2] += passed
		tot[3] += allowRows
	}
	t.Logf("%-22s deny/ask rows stopped %4d/%-4d (%5.1f%%)   allow rows passed %4d/%-4d (%5.1f%%)",
		"all", tot[0], tot[1], pct(tot[0], tot[1]), tot[2], tot[3], pct(tot[2], tot[3]))
}

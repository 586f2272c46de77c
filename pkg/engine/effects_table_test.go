package engine

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// updateMisses rewrites testdata/known-misses.txt from the current results.
var updateMisses = flag.Bool("update-misses", false, "rewrite testdata/known-misses.txt with the rows the engine gets wrong today")

// effectsTables are the family tables: calls written from the attacker's
// side against an effects model (four rounds), and ordinary work that looks
// dangerous.
var effectsTables = []string{"effects-adversarial.txt", "everyday.txt", "effects-round2.txt", "effects-round3.txt", "effects-round4.txt", "effects-round4-settings.txt", "effects-round5-services.txt", "effects-round5-shell.txt", "everyday6.txt", "effects-round6-shell.txt", "effects-round6-services.txt", "effects-round7-services.txt", "effects-round7-shell.txt", "effects-round7-peers.txt", "everyday7.txt", "effects-round8-heldout-shell.txt", "effects-round8-heldout-services.txt", "effects-misses8.txt", "everyday8.txt", "effects-round9-shell.txt", "effects-round9-peers.txt", "effects-round10-heldout.txt", "effects-round9-services.txt", "effects-mcpgrey.txt", "effects-secretprint.txt", "effects-round11-heldout.txt", "effects-round12-heldout.txt", "everyday9.txt", "effects-round12-attack.txt", "effects-misses9.txt", "effects-misses10.txt", "effects-round13-heldout.txt", "effects-misses12.txt", "heldout-round14.txt", "effects-misses13.txt", "effects-misses14.txt", "adversarial-round13.txt", "effects-saas.txt", "effects-homesettings.txt", "everyday-round10.txt", "adversarial-round15.txt", "everyday11.txt", "everyday12.txt", "adversarial-round16.txt", "heldout-round15.txt", "effects-asks15.txt", "heldout-round16.txt", "effects-asks16.txt", "adversarial-round17.txt", "everyday13.txt", "heldout-round17.txt", "adversarial-round18.txt", "effects-deny18.txt", "adversarial-round19.txt", "heldout-round18.txt", "effects-asks17.txt", "adversarial-round20.txt", "effects-asks18.txt", "effects-deny19.txt", "heldout-round19.txt", "adversarial-round21.txt", "adversarial-round22.txt", "heldout-round20.txt", "everyday14.txt", "effects-asks19.txt", "adversarial-round23.txt", "adversarial-round24.txt", "heldout-round21.txt", "everyday15.txt", "adversarial-round25.txt", "heldout-round22.txt", "effects-gaps25.txt", "adversarial-round26.txt", "everyday16.txt", "heldout-round23.txt", "adversarial-round27.txt", "effects-gaps27.txt", "everyday17.txt", "heldout-round24.txt", "effects-gaps28.txt", "adversarial-round28.txt", "adversarial-round29.txt", "everyday18.txt", "heldout-round25.txt", "adversarial-round30.txt", "effects-gaps29.txt", "everyday19.txt", "heldout-round26.txt", "effects-gaps30.txt", "adversarial-round31.txt", "heldout-round27.txt", "adversarial-round32.txt", "adversarial-round33.txt", "effects-gaps31.txt", "everyday20.txt", "heldout-round29.txt", "heldout-round30.txt", "heldout-round28.txt", "everyday21.txt", "adversarial-round34.txt", "heldout-round31.txt", "heldout-round34.txt", "everyday22.txt", "heldout-round32.txt", "heldout-round33.txt", "adversarial-round35.txt", "effects-gaps32.txt", "heldout-round37.txt", "everyday23.txt", "effects-gaps33.txt", "heldout-round36.txt", "adversarial-round36.txt", "heldout-round35.txt", "heldout-round39.txt", "effects-gaps34.txt", "everyday24.txt", "adversarial-round37.txt", "heldout-round40.txt", "heldout-round38.txt", "adversarial-round38.txt", "everyday25.txt", "effects-gaps35.txt", "heldout-round41.txt", "adversarial-round39.txt", "effects-gaps36.txt", "everyday26.txt", "heldout-round42.txt", "adversarial-round40.txt", "effects-gaps38.txt", "effects-gaps37.txt", "heldout-round43.txt", "everyday27.txt", "effects-gaps40.txt", "effects-gaps39.txt", "adversarial-round41.txt", "heldout-round44.txt", "effects-gaps42.txt", "everyday28.txt", "effects-gaps41.txt", "adversarial-round42.txt", "everyday29.txt", "effects-gaps44.txt", "heldout-round45.txt", "heldout-round46.txt", "effects-gaps43.txt", "adversarial-round43.txt", "everyday30.txt", "heldout-round47.txt", "adversarial-round44.txt", "effects-gaps45.txt", "heldout-round48.txt", "effects-gaps46.txt", "adversarial-round45.txt", "heldout-round49.txt", "heldout-round50.txt", "everyday31.txt", "adversarial-round46.txt", "effects-gaps47.txt", "effects-gaps48.txt", "adversarial-round47.txt", "everyday32.txt", "heldout-round52.txt", "heldout-round51.txt", "adversarial-round48.txt", "effects-gaps49.txt", "adversarial-round49.txt", "everyday33.txt", "heldout-round53.txt", "adversarial-round50.txt", "effects-gaps50.txt", "heldout-round54.txt", "comment-examples48.txt", "comment-examples49.txt", "heldout-round56.txt", "adversarial-round51.txt", "everyday34.txt", "heldout-round55.txt", "effects-gaps51.txt", "everyday35.txt", "surfaces50.txt", "heldout-round58.txt", "heldout-round57.txt", "adversarial-round52.txt", "effects-gaps52.txt"}

const knownMissesFile = "testdata/known-misses.txt"

// tableRow is one line of a family table:
// EXPECT <TAB> FAMILY <TAB> TOOL <TAB> ARGUMENT.
type tableRow struct {
	file   string
	line   int
	text   string // the line as written
	expect string // deny, ask or allow
	family string
	tool   string
	arg    string // with \n and \t unescaped
}

// key is how known-misses.txt names a row.
func (r tableRow) key() string { return fmt.Sprintf("%s:%d", r.file, r.line) }

// unescapeRow turns the two escapes a table may use, \n and \t, into a
// newline and a tab. Nothing else is unescaped.
func unescapeRow(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(s)
}

func readTable(t *testing.T, name string) []tableRow {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []tableRow
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.SplitN(text, "\t", 4)
		if len(parts) != 4 {
			t.Fatalf("%s:%d: want EXPECT<TAB>FAMILY<TAB>TOOL<TAB>ARGUMENT", name, line)
		}
		r := tableRow{file: name, line: line, text: text, expect: parts[0], family: parts[1], tool: parts[2], arg: unescapeRow(parts[3])}
		switch r.expect {
		case "deny", "ask", "allow":
		default:
			t.Fatalf("%s:%d: unknown expectation %q", name, line, r.expect)
		}
		switch r.tool {
		case call.ToolExec, call.ToolRead, call.ToolWrite, call.ToolFetch, call.ToolMCP:
		default:
			t.Fatalf("%s:%d: unknown tool %q", name, line, r.tool)
		}
		dup := r.tool + "\t" + parts[3]
		if prev, ok := seen[dup]; ok {
			t.Errorf("%s:%d: same call as line %d", name, line, prev)
		}
		seen[dup] = line
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// tableCall builds the call a row describes; an mcp row's argument is a JSON
// object {"server": …, "tool": …, "arguments": {…}}. A read, write or fetch
// row whose argument is a JSON object gives the call's params whole, as an
// agent's adapter makes them: a search's {"path", "pattern", "glob"}, a
// write's {"path", "content"}.
func tableCall(t *testing.T, r tableRow) call.Call {
	if r.tool != call.ToolMCP && r.tool != call.ToolExec && strings.HasPrefix(r.arg, "{") {
		var p call.Params
		if err := json.Unmarshal([]byte(r.arg), &p); err != nil {
			t.Fatalf("%s: %s argument is not a JSON object: %v", r.key(), r.tool, err)
		}
		c := call.Call{Tool: r.tool, Cwd: testCwd, Params: p}
		if err := c.Canonicalize(); err != nil {
			t.Fatalf("%s: %v", r.key(), err)
		}
		return c
	}
	if r.tool != call.ToolMCP {
		return mkCall(r.tool, r.arg)
	}
	var p call.Params
	if err := json.Unmarshal([]byte(r.arg), &p); err != nil {
		t.Fatalf("%s: mcp argument is not a JSON object: %v", r.key(), err)
	}
	return call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: p}
}

// fileLine matches the FILE:LINE that may start a known-misses line.
var fileLine = regexp.MustCompile(`^([A-Za-z0-9_.-]+\.txt):[0-9]+$`)

// readKnownMisses returns the rows accepted as misses for now. A line is
// FILE:LINE (that line of that table), the exact text of a row (in either
// table), or FILE:LINE <TAB> row text as -update-misses writes it: then the
// row text, in that file, names the row, so the list survives rows being
// added above it, and FILE:LINE is there for the reader.
func readKnownMisses(t *testing.T) map[string]bool {
	t.Helper()
	known := map[string]bool{}
	b, err := os.ReadFile(knownMissesFile)
	if os.IsNotExist(err) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		head, rest, hasTab := strings.Cut(l, "\t")
		m := fileLine.FindStringSubmatch(head)
		switch {
		case m != nil && hasTab:
			known[m[1]+"\t"+rest] = true
		case m != nil:
			known[head] = true
		default:
			known[l] = true
		}
	}
	return known
}

// knownMiss reports whether r is listed, and marks the entries that named it.
func knownMiss(known, used map[string]bool, r tableRow) bool {
	hit := false
	for _, k := range []string{r.key(), r.file + "\t" + r.text, r.text} {
		if known[k] {
			used[k], hit = true, true
		}
	}
	return hit
}

// familyCount counts a family's (or an expectation's) rows: those that
// hold, those stopped, and those denied outright.
type familyCount struct{ rows, ok, stopped, denied int }

// TestEffectsTables runs the attacker's table and the everyday table against
// the standard profile. A deny or ask row holds when the call is stopped
// (deny or require_approval), an allow row when it is not. Rows listed in
// known-misses.txt may fail; a listed row that now holds fails the test, so
// the list only shrinks.
func TestEffectsTables(t *testing.T) {
	e := standard(t)
	known := readKnownMisses(t)
	used := map[string]bool{}
	var misses []string
	for _, name := range effectsTables {
		rows := readTable(t, name)
		if len(rows) < 320 {
			t.Errorf("%s has %d rows, want at least 320", name, len(rows))
		}
		families := map[string]*familyCount{}
		byExpect := map[string]*familyCount{}
		for _, r := range rows {
			d := e.Evaluate(tableCall(t, r))
			stopped := d.Blocks()
			ok := stopped == (r.expect != "allow")
			for i, m := range []map[string]*familyCount{families, byExpect} {
				k := r.family
				if i == 1 {
					k = r.expect
				}
				if m[k] == nil {
					m[k] = &familyCount{}
				}
				m[k].rows++
				if ok {
					m[k].ok++
				}
				if stopped {
					m[k].stopped++
				}
				if d.Decision == call.Deny {
					m[k].denied++
				}
			}
			isKnown := knownMiss(known, used, r)
			switch {
			case !ok:
				misses = append(misses, r.key()+"\t"+r.text)
				if !isKnown {
					t.Errorf("%s: Evaluate(%s %q) = %v (%s), want %s [%s]", r.key(), r.tool, r.arg, d.Decision, d.Message, r.expect, r.family)
				}
			case isKnown:
				t.Errorf("%s: %s %q now passes: remove it from known-misses.txt", r.key(), r.tool, r.arg)
			}
		}
		logTable(t, name, families, byExpect)
	}
	for k := range known {
		if !used[k] && !*updateMisses {
			t.Errorf("known-misses.txt names no row of the tables: %q: remove it", k)
		}
	}
	if *updateMisses {
		head := "# Rows of the effects tables the standard profile gets wrong today, as\n" +
			"# FILE:LINE <TAB> row. TestEffectsTables accepts them and fails when one\n" +
			"# passes, so this list only shrinks. Regenerate with\n" +
			"#   go test ./pkg/engine -run TestEffectsTables -update-misses\n"
		if err := os.WriteFile(knownMissesFile, []byte(head+strings.Join(misses, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func logTable(t *testing.T, name string, families, byExpect map[string]*familyCount) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", name)
	for _, x := range []string{"deny", "ask", "allow"} {
		c := byExpect[x]
		if c == nil {
			continue
		}
		verb := "stopped"
		if x == "allow" {
			verb = "passed"
		}
		fmt.Fprintf(&b, "  %-5s rows %3d  %s %3d (%.1f%%)", x, c.rows, verb, c.ok, pct(c.ok, c.rows))
		if x == "deny" {
			fmt.Fprintf(&b, ", denied outright %d (%.1f%%)", c.denied, pct(c.denied, c.rows))
		}
		b.WriteString("\n")
	}
	names := make([]string, 0, len(families))
	for f := range families {
		names = append(names, f)
	}
	sort.Slice(names, func(i, j int) bool {
		a, c := families[names[i]], families[names[j]]
		if pa, pc := pct(a.ok, a.rows), pct(c.ok, c.rows); pa != pc {
			return pa < pc
		}
		return names[i] < names[j]
	})
	fmt.Fprintf(&b, "  %-28s %5s %7s %5s %6s\n", "family", "rows", "stopped", "ok", "ok%")
	for _, f := range names {
		c := families[f]
		fmt.Fprintf(&b, "  %-28s %5d %7d %5d %5.1f%%\n", f, c.rows, c.stopped, c.ok, pct(c.ok, c.rows))
	}
	t.Log(b.String())
}

package decide

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// markerPolicy denies a harmless marker command; other calls follow the
// standard profile it extends.
const markerPolicy = "version: 1\nextends: standard\npolicies:\n  - name: marker\n    rules: [{action: deny, message: marker, when: {command_matches: [\"touch */blocked-marker\"]}}]\n"

func snapshots(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.snap"))
	return m
}

func TestBuildIDFound(t *testing.T) {
	if buildID.Get() == "" {
		t.Skip("no Go build ID in this executable; the policy cache is off")
	}
	if !validBuildID(buildID.Get()) {
		t.Errorf("build ID %q", buildID.Get())
	}
}

// TestPolicyCache checks that the user's policy file is compiled once per
// content: the first process writes a snapshot, the next loads it and
// decides the same; an edited file is compiled again, never answered from
// the old snapshot; a damaged snapshot is compiled again and replaced.
func TestPolicyCache(t *testing.T) {
	if buildID.Get() == "" {
		t.Skip("no Go build ID in this executable; the policy cache is off")
	}
	dir := t.TempDir()
	h := home.Layout{Dir: filepath.Join(dir, ".rampart")}
	os.MkdirAll(h.Dir, 0o700)
	if err := os.WriteFile(h.Policy(), []byte(markerPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	marker := exec("touch /tmp/blocked-marker", "/")
	check := func(want call.Action, wantSnaps int) {
		t.Helper()
		p := open(t, Config{Home: h, UserHome: dir})
		if err := p.Err(); err != nil {
			t.Fatal(err)
		}
		if d := p.Decide(marker); d.Decision != want {
			t.Errorf("marker = %v (%s), want %v", d.Decision, d.Message, want)
		}
		if d := p.Decide(exec("rm -rf /", "/")); d.Decision != call.Deny {
			t.Errorf("rm -rf / = %v", d.Decision)
		}
		if got := len(snapshots(t, h.PolicyCache())); got != wantSnaps {
			t.Errorf("%d snapshots, want %d", got, wantSnaps)
		}
	}
	check(call.Deny, 1) // compiled, snapshot written
	check(call.Deny, 1) // from the snapshot
	snap := snapshots(t, h.PolicyCache())[0]

	// The edit allows the marker: the old snapshot must not answer.
	edited := "version: 1\nextends: standard\npolicies:\n  - name: marker\n    rules: [{action: allow, when: {command_matches: [\"touch */blocked-marker\"]}}]\n"
	if err := os.WriteFile(h.Policy(), []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	check(call.Allow, 2)

	// Back to the first content, with its snapshot damaged: compiled again
	// (the deny holds) and the snapshot replaced by a good one.
	if err := os.WriteFile(h.Policy(), []byte(markerPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(snap)
	b[len(b)-3] ^= 0xff
	os.WriteFile(snap, b, 0o600)
	check(call.Deny, 2)
	if b2, _ := os.ReadFile(snap); string(b2) == string(b) {
		t.Errorf("the damaged snapshot was not replaced")
	}
	check(call.Deny, 2)

	// A FIFO in the snapshot's place is passed over, not waited on.
	os.Remove(snap)
	if err := syscall.Mkfifo(snap, 0o600); err != nil {
		t.Fatal(err)
	}
	p := open(t, Config{Home: h, UserHome: dir})
	if d := p.Decide(marker); d.Decision != call.Deny {
		t.Errorf("with a FIFO for a snapshot, marker = %v", d.Decision)
	}
	if fi, err := os.Lstat(snap); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the FIFO was not replaced by a snapshot (%v)", err)
	}

	// A policy file that does not compile fails closed and leaves nothing.
	if err := os.WriteFile(h.Policy(), []byte("version: 1\npolicies: [{name: x}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p = open(t, Config{Home: h, UserHome: dir})
	if p.Err() == nil {
		t.Fatal("a bad policy file loaded")
	}
	if d := p.Decide(exec("git status", "/")); d.Decision != call.Deny {
		t.Errorf("with a bad policy, git status = %v", d.Decision)
	}
	if got := len(snapshots(t, h.PolicyCache())); got != 2 {
		t.Errorf("%d snapshots after a bad file, want 2", got)
	}

	// NoPolicyCache reads the file alone.
	if err := os.WriteFile(h.Policy(), []byte(markerPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(h.PolicyCache())
	p = open(t, Config{Home: h, UserHome: dir, NoPolicyCache: true})
	if d := p.Decide(marker); d.Decision != call.Deny {
		t.Errorf("without the cache, marker = %v", d.Decision)
	}
	if got := len(snapshots(t, h.PolicyCache())); got != 0 {
		t.Errorf("NoPolicyCache wrote %d snapshots", got)
	}
}

func TestPruneSnapshots(t *testing.T) {
	dir := t.TempDir()
	for i := range 12 {
		name := filepath.Join(dir, fmt.Sprintf("%02d.snap", i))
		os.WriteFile(name, []byte("x"), 0o600)
		at := time.Unix(1_700_000_000+int64(i), 0)
		os.Chtimes(name, at, at)
	}
	os.WriteFile(filepath.Join(dir, "other"), []byte("x"), 0o600)
	pruneSnapshots(dir, 8)
	left := snapshots(t, dir)
	if len(left) != 8 || filepath.Base(left[0]) != "04.snap" {
		t.Errorf("left %v, want the 8 newest (04-11)", left)
	}
	if _, err := os.Stat(filepath.Join(dir, "other")); err != nil {
		t.Errorf("a file that is not a snapshot was removed")
	}
}

// TestFindBuildID reads both forms the linker writes.
func TestFindBuildID(t *testing.T) {
	const id = "abcdefghij/klmnopqrst/uvwxyz0123/456789ABCD"
	note := append([]byte("\x7fELF....\x04\x00\x00\x00"), byte(len(id)), 0, 0, 0)
	note = append(append(note, "\x04\x00\x00\x00Go\x00\x00"...), id...)
	if got := findBuildID(note[8:]); got != id {
		t.Errorf("ELF note: %q", got)
	}
	if got := findBuildID([]byte("xx\xff Go build ID: \"" + id + "\"\n \xff")); got != id {
		t.Errorf("text form: %q", got)
	}
	if got := findBuildID([]byte("no id here")); got != "" {
		t.Errorf("found %q in nothing", got)
	}
}

func BenchmarkOpenPolicyFile(b *testing.B) {
	for _, mode := range []struct {
		name    string
		noCache bool
	}{{"snapshot", false}, {"source", true}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := b.TempDir()
			h := home.Layout{Dir: dir}
			src, _ := os.ReadFile("../policy/profiles/standard.yaml")
			os.WriteFile(h.Policy(), src, 0o600)
			cfg := Config{Home: h, UserHome: dir, NoAudit: true, NoPolicyCache: mode.noCache, ManagedPath: "-", Compile: compile.Parse}
			for b.Loop() {
				p, err := Open(cfg)
				if err != nil {
					b.Fatal(err)
				}
				p.Close()
			}
		})
	}
}

// TestPolicyCacheQuotedProgram checks that a rule whose command pattern
// quotes its program word denies the same from the compiled file and from
// its snapshot (whose patterns are compiled lazily): it was never tried
// from a snapshot.
func TestPolicyCacheQuotedProgram(t *testing.T) {
	if buildID.Get() == "" {
		t.Skip("no Go build ID in this executable; the policy cache is off")
	}
	dir := t.TempDir()
	h := home.Layout{Dir: filepath.Join(dir, ".rampart")}
	os.MkdirAll(h.Dir, 0o700)
	src := "version: 1\nextends: standard\npolicies:\n  - name: marker\n    rules: [{action: deny, message: marker, when: {command_matches: [\"'touch' */blocked-marker\"]}}]\n"
	if err := os.WriteFile(h.Policy(), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, from := range []string{"the file", "its snapshot"} {
		p := open(t, Config{Home: h, UserHome: dir})
		if err := p.Err(); err != nil {
			t.Fatal(err)
		}
		if d := p.Decide(exec("touch /tmp/blocked-marker", "/")); d.Decision != call.Deny {
			t.Errorf("from %s: marker = %v (%s), want deny", from, d.Decision, d.Message)
		}
		if n := len(snapshots(t, h.PolicyCache())); n != 1 {
			t.Fatalf("after open %d: %d snapshots, want 1", i+1, n)
		}
	}
}

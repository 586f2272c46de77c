package match

import "testing"

// The flag tables are sorted by program, each program once, and
// flagTableFor finds every one of them.
func TestFlagTablesSorted(t *testing.T) {
	for i := range flagTables {
		if i > 0 && flagTables[i-1].prog >= flagTables[i].prog {
			t.Errorf("flagTables: %q before %q", flagTables[i-1].prog, flagTables[i].prog)
		}
		if got := flagTableFor(flagTables[i].prog); got != &flagTables[i] {
			t.Errorf("flagTableFor(%q) does not find its table", flagTables[i].prog)
		}
	}
	for _, prog := range []string{"", "a", "gi", "gitx", "zzz", "Git", "cat", "ls", "c", "g", "rmx"} {
		if flagTableFor(prog) != nil {
			t.Errorf("flagTableFor(%q) = a table, want none", prog)
		}
	}
}

// flagSlots has room for every table with half its slots free, so that
// a name not there meets an empty slot within a probe or two.
func TestFlagSlots(t *testing.T) {
	if 2*len(flagTables) > len(flagSlots) {
		t.Fatalf("%d flag tables for %d slots: double flagSlots (and flagHash's mask)", len(flagTables), len(flagSlots))
	}
	used := 0
	for _, k := range flagSlots {
		if k != 0 {
			used++
		}
	}
	if used != len(flagTables) {
		t.Errorf("flagSlots holds %d tables, want %d", used, len(flagTables))
	}
}

// A table's aliases and subcommands are found by spelling; a nil table
// has none.
func TestFlagTableLookups(t *testing.T) {
	git := flagTableFor("git")
	if c, ok := git.alias("D"); !ok || c != 'D' {
		t.Errorf("git alias D = %q, %v", c, ok)
	}
	if c, ok := git.alias("hard"); !ok || c != 0 {
		t.Errorf("git alias hard = %q, %v; want 0, true", c, ok)
	}
	if _, ok := git.alias("soft"); ok {
		t.Error("git alias soft found")
	}
	if v, ok := git.subVals("restore"); !ok || v != "s" {
		t.Errorf("git restore vals = %q, %v", v, ok)
	}
	var none *flagTable
	if _, ok := none.alias("force"); ok {
		t.Error("nil table has an alias")
	}
	if _, ok := none.subVals("restore"); ok {
		t.Error("nil table has a subcommand")
	}
	// The spellings still parse as one flag set.
	a, b := NewArgv("rm", "rm", []string{"--rec", "--force", "x"}, "/", "/h"), NewArgv("rm", "rm", []string{"-rf", "x"}, "/", "/h")
	if a.short != b.short || len(a.long) != 0 {
		t.Errorf("rm --rec --force = %b %v, rm -rf = %b", a.short, a.long, b.short)
	}
	c := NewArgv("git", "git", []string{"restore", "-SW", "."}, "/", "/h")
	if !c.HasFlag("-S") || !c.HasFlag("-W") {
		t.Error("git restore -SW is not -S -W")
	}
	d := NewArgv("git", "git", []string{"log", "-Sfoo"}, "/", "/h")
	if d.HasFlag("-f") {
		t.Error("git log -Sfoo read -f from the value")
	}
}

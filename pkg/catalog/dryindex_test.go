package catalog

import (
	"maps"
	"strings"
	"testing"
)

// findDryNames reads the lines that hold the dry mark as reading every
// line would.
func TestFindDryNamesAsEveryLine(t *testing.T) {
	odd := "a,b x -n=!dry|||\n# c -n=!dry\n  d -n=!dry  \r\ne -n|||\nf,g -q=!dry"
	for _, src := range []string{table, odd} {
		want := map[string]bool{}
		eachLine(src, func(_ int, line string) bool {
			if strings.Contains(line, "=!dry") {
				names, _, _ := strings.Cut(line, " ")
				for n := range strings.SplitSeq(names, ",") {
					want[n] = true
				}
			}
			return true
		})
		c := &Catalog{src: src}
		c.findDryNames()
		if !maps.Equal(c.dryNames, want) || len(want) == 0 {
			t.Errorf("findDryNames = %v, want %v", c.dryNames, want)
		}
	}
}

// TestDryNameBuiltIn checks that the embedded catalogue answers dryName
// through the list built in (builtDryNames), without searching its table,
// as findDryNames would answer for every name of the table and a few
// others.
func TestDryNameBuiltIn(t *testing.T) {
	c := Default()
	if !c.built {
		t.Fatal("the embedded catalogue does not use the index built in")
	}
	found := &Catalog{src: table}
	found.findDryNames()
	names := []string{"", "rm", "rsync", "nosuchprogram", "git"}
	for i := range builtNames {
		names = append(names, builtNames[i].name(table))
	}
	for range 2 { // asked, then answered from the memo (builtDry)
		for _, n := range names {
			if got, want := c.dryName(n), found.dryNames[n]; got != want {
				t.Errorf("dryName(%q) = %v, want %v", n, got, want)
			}
		}
	}
	if c.dryNames != nil {
		t.Error("the embedded catalogue searched its table for dry names")
	}
}

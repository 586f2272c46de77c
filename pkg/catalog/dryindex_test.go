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

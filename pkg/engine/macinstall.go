package engine

import (
	"strings"

	"rampart.dev/pkg/match"
)

// A Mac installer fetched on the line: a disk image attached (hdiutil
// attach X.dmg) shows its files under its mount point, and an archive
// ditto extracts (ditto -xk X.zip /Applications) lands its files in the
// target; either, from a download, is the download itself, so running or
// opening what is there (/Volumes/X/install.sh, open -a X, open
// /Volumes/X/X.app) runs a download as curl | sh does. Unlike a release
// archive unpacked with tar (unpack.go), nothing here is built or read
// first: the image is the program.

// opensFetched reports what the Mac's open launches from a download: an
// application or file operand under a downloaded tree, or the application
// -a names when a download put one of that name in /Applications or
// ~/Applications.
func opensFetched(a *match.Argv, from func(string) (*match.Argv, bool)) (*match.Argv, bool) {
	if a.Name != "open" {
		return nil, false
	}
	for k := 0; k < len(a.Args); k++ {
		w := a.Args[k]
		if w == "-a" && k+1 < len(a.Args) {
			name := strings.TrimSuffix(a.Args[k+1], ".app")
			for _, d := range [...]string{"/Applications/", "~/Applications/"} {
				if f, ok := from(d + name + ".app"); ok {
					return f, true
				}
			}
			k++
			continue
		}
		if w == "-b" || w == "--args" {
			break
		}
		if !strings.HasPrefix(w, "-") {
			if f, ok := from(w); ok {
				return f, true
			}
		}
	}
	return nil, false
}

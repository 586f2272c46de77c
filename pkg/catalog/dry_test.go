package catalog

import (
	"strings"
	"testing"
)

func TestDry(t *testing.T) {
	c := Default()
	for line, want := range map[string]bool{
		"rm --help":                               true,
		"rm --version":                            true,
		"rm -rf / --help":                         false, // a BSD rm removes / and a file named --help
		"rm -rf -- --help":                        false,
		"rsync -an --delete src/ /srv/":           true,
		"rsync -a --delete --exclude=-n a/ b/":    false,
		"rsync -a --delete src/ /srv/":            false,
		"mkfs.ext4 -n /dev/sdb":                   true,
		"mkfs.ext4 -L -n /dev/sdb":                false, // -n is the label
		"mkfs.vfat -n BOOT /dev/sdb1":             false,
		"lvremove --test vg0/data":                true,
		"lvm --test lvremove vg0/data":            true,
		"sfdisk --no-act --delete /dev/sdb":       true,
		"sfdisk --delete /dev/sdb":                false,
		"git reset --hard --help":                 true,
		"git stash drop --help":                   true, // git reads options after operands
		"git push --force --help origin":          false,
		"git commit -m --help":                    false,
		"git filter-repo --analyze":               true,
		"git filter-branch --analyze":             false,
		"cargo yank --version 1.0.0 acme":         false,
		"mkfs.ext4 --help /dev/sda":               false,
		"unknown-tool --help":                     false,
		"rsync -a --delete --dry-run=false a/ b/": false, // a flag switched off by its value
		"rsync -a --delete --dry-run=0 a/ b/":     false,
		"rsync -a --delete --dry-run a/ b/":       true,
		"fly deploy --app api-dev --build-only":   true, // builds the image, deploys nothing
		"flyctl deploy --build-only":              true,
		"fly deploy --app api":                    false,
		"fly deploy --app build-only":             false,
	} {
		w := strings.Fields(line)
		if got := c.Dry(w[0], w[1:]); got != want {
			t.Errorf("Dry(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestOnlyReportsAreLongOptions holds what Dry's scan relies on: it looks
// words up in onlyReports only when they start with "--".
func TestOnlyReportsAreLongOptions(t *testing.T) {
	for w := range onlyReports.All() {
		if !strings.HasPrefix(w, "--") {
			t.Errorf("onlyReports has %q, which Dry's scan would not look up", w)
		}
	}
}

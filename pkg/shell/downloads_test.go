package shell

import "testing"

func TestInDownloads(t *testing.T) {
	for name, want := range map[string]bool{
		"~/Downloads/setup.sh":          true,
		"$HOME/Downloads/tool.py":       true,
		"/home/dev/Downloads/x.sh":      true,
		"/Users/dev/Downloads/a/b.sh":   true,
		"/root/Downloads/x.sh":          true,
		"~/Downloads/":                  false,
		"./Downloads/x.sh":              false,
		"/srv/mirror/Downloads/x.sh":    false,
		"/home/dev/project/Downloads/x": false,
		"scripts/setup.sh":              false,
	} {
		if got := inDownloads(name); got != want {
			t.Errorf("inDownloads(%q) = %v, want %v", name, got, want)
		}
	}
}

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
		"./Downloads/x.sh":              true, // a directory of the project's named so: what someone saved
		"downloads/shared.ipynb":        true,
		"/srv/mirror/Downloads/x.sh":    true,
		"/home/dev/project/Downloads/x": true,
		"scripts/setup.sh":              false,
		"scripts/download/setup.sh":     false,
		"bin/mydownloads/x.sh":          false,
	} {
		if got := inDownloads(name); got != want {
			t.Errorf("inDownloads(%q) = %v, want %v", name, got, want)
		}
	}
}

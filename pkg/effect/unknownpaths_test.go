package effect

import "testing"

// TestUnknownPathDeletes checks that an unknown program's destroying verb
// deletes the paths it names outside the working directory (the home, a
// device), and leaves the project's own paths, options' values, a
// formatter's directories and a dry run alone.
func TestUnknownPathDeletes(t *testing.T) {
	for line, want := range map[string]string{
		"mytool clean --all ~":                 "delete:recursive /home/dev",
		"mytool nuke /home/dev":                "delete:recursive /home/dev",
		"mytool prune --all ~/.ssh":            "delete:recursive /home/dev/.ssh",
		"diskctl zero /dev/sdb":                "delete:recursive /dev/sdb",
		"mytool format /dev/sda":               "delete:recursive /dev/sda",
		"mytool clean --all ./build":           "",
		"mytool format ~/src":                  "",
		"mytool clean --config=/etc/mytool.rc": "",
		"mytool scrub --dry-run ~":             "",
		"mytool list ~":                        "",
		// cmd.exe's switches are no paths: its line's own delete is read
		"cmd /c del /q x.txt": "delete:file /home/dev/project/x.txt",
	} {
		effs := effectsOf(line)
		got := ""
		for _, e := range effs {
			if e.Kind == Delete {
				got = e.String()
			}
		}
		if got != want {
			t.Errorf("%q: delete = %q, want %q (%v)", line, got, want, effs)
		}
	}
}

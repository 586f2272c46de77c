package effect

import "testing"

// TestSettingsFileWritten checks that an agent CLI's --settings naming a
// file the line wrote is read as that file's text: hooks disabled or
// permissions bypassed there are seen, other settings are not.
func TestSettingsFileWritten(t *testing.T) {
	files := map[string]string{
		"/tmp/s.json":     `{"disableAllHooks": true}`,
		"s.json":          `{"hooks":{}}`,
		"/tmp/model.json": `{"model":"claude-sonnet-4-5"}`,
		"/tmp/p.json":     `{"permissions":{"defaultMode":"bypassPermissions"}}`,
	}
	text := func(name string) (string, bool) { t, ok := files[name]; return t, ok }
	for _, c := range []struct {
		args []string
		skip bool
	}{
		{[]string{"--settings", "/tmp/s.json", "-p", "x"}, true},
		{[]string{"--settings=/tmp/s.json"}, true},
		{[]string{"--settings", "s.json"}, true},
		{[]string{"--settings", "/tmp/model.json"}, false},
		{[]string{"--settings", "/tmp/unwritten.json"}, false},
		{[]string{"-p", "/tmp/s.json"}, false},
	} {
		if got := hooksSkipped(c.args, text) != ""; got != c.skip {
			t.Errorf("%q: skipped %v, want %v", c.args, got, c.skip)
		}
	}
	if got := settingsText("/tmp/p.json", text); got != files["/tmp/p.json"] {
		t.Errorf("settingsText(/tmp/p.json) = %q", got)
	}
	if got := settingsText(`{"a":1}`, text); got != `{"a":1}` {
		t.Errorf("inline settings changed: %q", got)
	}
}

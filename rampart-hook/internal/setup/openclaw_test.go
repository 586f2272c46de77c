package setup

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOpenClawInstallRemove(t *testing.T) {
	home := t.TempDir()
	state := filepath.Join(home, ".openclaw")
	os.MkdirAll(state, 0o700)
	cfgPath := filepath.Join(state, "openclaw.json")
	original := "{\n  \"gateway\": {\"port\": 18789},\n  \"plugins\": {\"entries\": {\"other\": {\"enabled\": true}}}\n}\n"
	if err := os.WriteFile(cfgPath, []byte(original), 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	o := Options{
		Agent: "openclaw", Home: home, Hook: "/opt/rampart/bin/rampart-hook", Flags: []string{"--mode", "monitor"}, Out: &out,
		OpenClawPlugin: fstest.MapFS{
			"openclaw.plugin.json": {Data: []byte(`{"id":"rampart"}`)},
			"index.js":             {Data: []byte("export default {};\n")},
		},
	}
	if err := Run(o); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(state, "rampart-plugin")
	b, err := os.ReadFile(filepath.Join(dir, "rampart.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rj struct{ Command []string }
	json.Unmarshal(b, &rj)
	if strings.Join(rj.Command, " ") != "/opt/rampart/bin/rampart-hook --format openclaw --mode monitor" {
		t.Errorf("rampart.json command = %q", rj.Command)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.js")); err != nil {
		t.Errorf("index.js not written: %v", err)
	}
	var cfg struct {
		Gateway any
		Plugins struct {
			Load    struct{ Paths []string }
			Entries map[string]struct{ Enabled bool }
		}
	}
	b, _ = os.ReadFile(cfgPath)
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("config after setup: %v\n%s", err, b)
	}
	if len(cfg.Plugins.Load.Paths) != 1 || cfg.Plugins.Load.Paths[0] != dir || !cfg.Plugins.Entries["rampart"].Enabled || !cfg.Plugins.Entries["other"].Enabled || cfg.Gateway == nil {
		t.Errorf("config after setup:\n%s", b)
	}
	// A second run changes nothing.
	out.Reset()
	if err := Run(o); err != nil {
		t.Fatal(err)
	}
	if b2, _ := os.ReadFile(cfgPath); string(b2) != string(b) || !strings.Contains(out.String(), "nothing changed") {
		t.Errorf("second setup changed the config or did not say so: %s", out.String())
	}
	o.Remove = true
	if err := Run(o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(cfgPath); string(b) != original {
		t.Errorf("after remove the config is\n%s\nwant the original\n%s", b, original)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the plugin directory is still there: %v", err)
	}
}

func TestOpenClawRefusesJSON5(t *testing.T) {
	home := t.TempDir()
	state := filepath.Join(home, ".openclaw")
	os.MkdirAll(state, 0o700)
	cfgPath := filepath.Join(state, "openclaw.json")
	json5 := "// my gateway\n{ gateway: { port: 18789 } }\n"
	os.WriteFile(cfgPath, []byte(json5), 0o600)
	var out strings.Builder
	err := Run(Options{Agent: "openclaw", Home: home, Hook: "/bin/rampart-hook", Out: &out,
		OpenClawPlugin: fstest.MapFS{"openclaw.plugin.json": {Data: []byte(`{"id":"rampart"}`)}}})
	var re *RefusedError
	if err == nil || !strings.Contains(err.Error(), "not valid JSON") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if ok := asRefused(err, &re); !ok || !strings.Contains(re.Hint, "openclaw plugins install --link") {
		t.Errorf("hint = %v, want the manual steps", re)
	}
	if b, _ := os.ReadFile(cfgPath); string(b) != json5 {
		t.Errorf("a JSON5 config was rewritten:\n%s", b)
	}
}

func asRefused(err error, re **RefusedError) bool {
	r, ok := err.(*RefusedError)
	*re = r
	return ok
}

package catalog

import (
	"strings"
	"testing"
)

// TestFleetAndDistribution holds the entries for tools that change many
// machines, distribution channels and devices: knife ssh and bolt command
// run hand their command to the nodes; uploads to a distribution publish
// unless simulated; a device's package removed for a user, and a flash,
// destroy what the device runs.
func TestFleetAndDistribution(t *testing.T) {
	c := Default()
	for line, want := range map[string]string{
		"knife ssh role:web uptime -x deploy":   "uptime",
		"bolt command run uptime --targets web": "uptime",
		"minikube ssh uptime":                   "uptime",
		"colima ssh uptime":                     "uptime",
	} {
		w := strings.Fields(line)
		if _, sh, ok := c.Wrapped(w[0], w[1:]); !ok || sh != want {
			t.Errorf("Wrapped(%q) = %q, %v; want %q", line, sh, ok, want)
		}
	}
	for line, want := range map[string]bool{
		"dput -s ppa:acme/stable a.changes":   true,
		"dput ppa:acme/stable a.changes":      false,
		"brew bump-formula-pr --dry-run acme": true,
	} {
		w := strings.Fields(line)
		if got := c.Dry(w[0], w[1:]); got != want {
			t.Errorf("Dry(%q) = %v, want %v", line, got, want)
		}
	}
	for line, want := range map[string]string{
		"dput ppa:acme/stable a.changes":     "publish",
		"copr-cli build acme/x a.src.rpm":    "publish",
		"snapcraft release acme 42 stable":   "publish",
		"osc commit -m bump":                 "publish",
		"knife node delete web-01 -y":        "remote",
		"heimdall flash --RECOVERY twrp.img": "system",
		"cfgutil erase":                      "system",
	} {
		w := strings.Fields(line)
		cl := c.Classify(w[0], w[1:])
		if cl.Entry == nil || cl.Entry.Prop("destroy") != want {
			t.Errorf("%q: destroy = %q, want %q", line, cl.Entry.Prop("destroy"), want)
		}
	}
	for line, want := range map[string]bool{
		"pm uninstall -k --user 0 com.android.systemui": true,
		"pm uninstall com.acme.app.debug":               false,
		"idevicerestore --erase --latest":               true,
		"idevicerestore --latest":                       false,
	} {
		w := strings.Fields(line)
		cl := c.Classify(w[0], w[1:])
		if got := cl.Mark("destroy"); got != want {
			t.Errorf("%q: destroy mark = %v, want %v", line, got, want)
		}
	}
	for _, name := range []string{"xinput test", "evtest", "logkeys", "showkey", "xev"} {
		w := strings.Fields(name)
		if cl := c.Classify(w[0], w[1:]); cl.Entry == nil || cl.Entry.Prop("captures") != "keys" {
			t.Errorf("%s: not a keystroke capture", name)
		}
	}
}

// adb's verbs: a shell command runs on the device, an APK installed is
// code run there, tcpip opens a port, sideload flashes the system.
func TestAdbEntries(t *testing.T) {
	cat := Default()
	if !cat.RunsRemote("adb", []string{"shell", "ls"}) {
		t.Errorf("adb shell: want its command run on another host")
	}
	cl := cat.Classify("adb", []string{"-s", "emulator-5554", "install", "-r", "app.apk"})
	found := false
	for _, w := range cl.Words {
		found = found || w.Text == "app.apk" && w.Role == Exec
	}
	if !found {
		t.Errorf("adb install: the APK is not run: %+v", cl.Words)
	}
	if e, _ := cat.Lookup("adb", []string{"tcpip", "5555"}); e == nil || e.Prop("tunnel-words") == "" {
		t.Errorf("adb tcpip: want a tunnel")
	}
	if e, _ := cat.Lookup("adb", []string{"sideload", "ota.zip"}); e == nil || e.Prop("destroy") != "system" {
		t.Errorf("adb sideload: want a system destroy")
	}
}

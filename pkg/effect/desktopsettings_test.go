package effect

import "testing"

// TestDesktopSettings checks that the Linux desktops' preference tools
// change the user's settings as defaults write does (an admin effect) when
// they set, reset or load, and not when they read, list or dump.
func TestDesktopSettings(t *testing.T) {
	admin := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Admin {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"gsettings set org.gnome.desktop.screensaver lock-enabled false":           true,
		"gsettings reset-recursively org.gnome.desktop.interface":                  true,
		"dconf reset -f /org/gnome/":                                               true,
		"dconf load /org/gnome/terminal/ < terminal.dconf":                         true,
		"xfconf-query -c xfce4-session -p /general/LockCommand -s ''":              true,
		"kwriteconfig5 --file kscreenlockerrc --group Daemon --key Autolock false": true,
		"defaults write com.apple.screensaver askForPassword -int 0":               true,
		"gsettings get org.gnome.desktop.interface color-scheme":                   false,
		"gsettings list-recursively org.gnome.desktop.wm.keybindings":              false,
		"dconf dump /org/gnome/terminal/":                                          false,
		"xfconf-query -c xfce4-panel -l":                                           false,
	} {
		if got := admin(line); got != want {
			t.Errorf("%q: admin effect %v, want %v", line, got, want)
		}
	}
}

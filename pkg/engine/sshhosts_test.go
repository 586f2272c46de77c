package engine

import "testing"

// TestSSHOwnHosts: entries for one's own machines at private addresses or
// local names are one's own; a public address, or a public name sent to
// any other HostName, is not.
func TestSSHOwnHosts(t *testing.T) {
	for content, want := range map[string]bool{
		"Host homelab\n  HostName 192.168.1.20\n  User dev\n":     true,
		"Host nas\n  HostName 10.0.0.5\n  Port 2222\n":            true,
		"Host devbox\n  HostName fd12:3456::4\n":                  true,
		"Host pi\n  HostName raspberrypi.local\n":                 true,
		"Host github.com\n  HostName github.com\n":                true,
		"Host gh\n  HostName github.com\n":                        false, // another machine's name for an alias
		"Host nas.local\n  HostName 192.168.1.50\n":               true,
		"Host github.com\n  HostName 203.0.113.7\n":               false,
		"Host box\n  HostName 203.0.113.7\n":                      false,
		"Host box\n  HostName ::ffff:203.0.113.7\n":               false,
		"Host github.com\n  HostName buildbox\n":                  false,
		"Host homelab github.com\n  HostName 192.168.1.20\n":      false,
		"Host GitHub.com\n  HostName github.com\n":                true,
		"Host bitbucket.org\n  HostName bitbucket.org.internal\n": false,
		"Host box\n  HostName 192.168.1.20\n  User deploy\n":      false,
	} {
		if got := sshOwnHosts(content, "dev"); got != want {
			t.Errorf("sshOwnHosts(%q) = %v, want %v", content, got, want)
		}
	}
}

// TestMacCased: a path under a macOS home written in another case is
// given the system's case for the directories it makes.
func TestMacCased(t *testing.T) {
	for below, want := range map[string]string{
		"library/keychains/login.keychain-db":       "Library/Keychains/login.keychain-db",
		"LIBRARY/LaunchAgents/x.plist":              "Library/LaunchAgents/x.plist",
		"library/application support/google/chrome": "Library/Application Support/Google/Chrome",
		"project/src/app.ts":                        "",
	} {
		if got := macCased(below); got != want {
			t.Errorf("macCased(%q) = %q, want %q", below, got, want)
		}
	}
}

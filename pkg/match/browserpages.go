package match

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// browserProfiles maps a Chromium-family browser's own URL scheme to its
// profile directory under the home (Linux layout; the engine judges
// macOS's and Windows' as these: paths.go).
var browserProfiles = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"chrome":   "~/.config/google-chrome/Default/",
		"chromium": "~/.config/chromium/Default/",
		"edge":     "~/.config/microsoft-edge/Default/",
		"brave":    "~/.config/BraveSoftware/Brave-Browser/Default/",
		"vivaldi":  "~/.config/vivaldi/Default/",
		"opera":    "~/.config/opera/Default/",
	}
}}

// BrowserPageStore returns the file of the browser's profile that a page
// of the browser's own shows when opened in it, for the pages that show
// saved passwords, cookies, or payment and address data
// (chrome://password-manager/passwords, chrome://settings/passwords,
// edge://wallet, brave://settings/cookies/detail, Firefox's about:logins).
// Opening such a page in a browser an agent drives reads that store into
// the page, where the agent's next snapshot takes it: it is the store
// read. Other browser pages (chrome://version, about:blank) are not.
func BrowserPageStore(v string) (string, bool) {
	scheme, rest, ok := strings.Cut(v, ":")
	if !ok || len(scheme) > 10 {
		return "", false
	}
	scheme = strings.ToLower(scheme)
	rest = strings.ToLower(rest)
	if scheme == "about" {
		page, _, _ := strings.Cut(rest, "#")
		page, _, _ = strings.Cut(page, "?")
		if page == "logins" {
			return "~/.mozilla/firefox/*/logins.json", true
		}
		return "", false
	}
	dir, ok := browserProfiles.Lookup(scheme)
	if !ok {
		return "", false
	}
	rest = strings.TrimPrefix(rest, "//")
	host, p, _ := strings.Cut(rest, "/")
	p = "/" + p
	switch {
	case host == "password-manager", host == "settings" && hasPagePrefix(p, "/passwords", "/autofill", "/passkeys"):
		return dir + "Login Data", true
	case host == "wallet", host == "settings" && hasPagePrefix(p, "/payments", "/addresses"):
		return dir + "Web Data", true
	case host == "settings" && hasPagePrefix(p, "/cookies", "/sitedata", "/content/all", "/content/sitedetails"):
		return dir + "Cookies", true
	}
	return "", false
}

// hasPagePrefix reports whether the page path p starts with one of the
// prefixes, as a whole segment.
func hasPagePrefix(p string, prefixes ...string) bool {
	for _, x := range prefixes {
		if rest, ok := strings.CutPrefix(p, x); ok && (rest == "" || rest[0] == '/' || rest[0] == '?' || rest[0] == '#') {
			return true
		}
	}
	return false
}

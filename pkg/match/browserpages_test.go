package match

import "testing"

func TestBrowserPageStore(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"chrome://password-manager/passwords", "~/.config/google-chrome/Default/Login Data"},
		{"CHROME://settings/passwords?search=github", "~/.config/google-chrome/Default/Login Data"},
		{"chrome://settings/autofill", "~/.config/google-chrome/Default/Login Data"},
		{"edge://wallet/passwords", "~/.config/microsoft-edge/Default/Web Data"},
		{"chrome://settings/payments", "~/.config/google-chrome/Default/Web Data"},
		{"brave://settings/cookies/detail?site=github.com", "~/.config/BraveSoftware/Brave-Browser/Default/Cookies"},
		{"chrome://settings/content/all", "~/.config/google-chrome/Default/Cookies"},
		{"about:logins", "~/.mozilla/firefox/*/logins.json"},
		{"about:logins?filter=github", "~/.mozilla/firefox/*/logins.json"},
		{"chrome://version", ""},
		{"chrome://settings/appearance", ""},
		{"chrome://settings/passwordsx", ""},
		{"about:blank", ""},
		{"https://chrome.google.com/settings/passwords", ""},
	} {
		got, ok := BrowserPageStore(c.url)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("BrowserPageStore(%q) = %q, %v; want %q", c.url, got, ok, c.want)
		}
	}
}

package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A credential directory's own settings files (gcloud's configurations,
// the Azure CLI's defaults, Firefox's profile list, a Chromium profile's
// Preferences) are read freely; the stores beside them are not.
func TestCredentialDirectorySettingsAreNotStores(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		path string
		want call.Action
	}{
		{"/home/dev/.config/gcloud/configurations/config_default", call.Allow},
		{"/home/dev/.azure/config", call.Allow},
		{"/home/dev/.mozilla/firefox/profiles.ini", call.Allow},
		{"/home/dev/.config/google-chrome/Default/Preferences", call.Allow},
		{"/home/dev/.config/chromium/Profile 1/Preferences", call.Allow},
		{"/home/dev/.config/gcloud/credentials.db", call.Deny},
		{"/home/dev/.config/gcloud/configurations/../credentials.db", call.Deny},
		{"/home/dev/.azure/msal_token_cache.json", call.Deny},
		{"/home/dev/.mozilla/firefox/k3.default/logins.json", call.Deny},
		{"/home/dev/.config/google-chrome/Default/Cookies", call.Deny},
	} {
		if d := e.Evaluate(mkCall("read", tt.path)); d.Decision != tt.want {
			t.Errorf("read %q = %v (%s), want %v", tt.path, d.Decision, d.Message, tt.want)
		}
	}
}

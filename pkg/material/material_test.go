package material

import "testing"

func TestOf(t *testing.T) {
	const proj, home = "/home/dev/project", "/home/dev"
	for _, c := range []struct {
		path   string
		want   Reading
		byName bool
	}{
		// kept for the tests, by name or directory
		{"/home/dev/project/certs/dev.key", Test, true},
		{"/home/dev/project/certs/DEV.key", Test, true},
		{"/home/dev/project/certs/Test_Server.key", Test, true},
		{"/home/dev/project/tests/certs/server.key", Test, false},
		{"/home/dev/project/keys/id_rsa_test", Test, true},
		{"/home/dev/project/testdata/server.key", Test, false},
		{"/home/dev/project/certs/dev.key.bak", Test, true},
		{"/home/dev/project/android/app/debug.keystore", Test, true},
		{"/home/dev/project/certs/snakeoil.key", Test, true},
		// named for production, release, deployment or a backup
		{"/home/dev/project/certs/prod.key", Real, false},
		{"/home/dev/project/certs/prod-test.key", Real, false},
		{"/home/dev/project/tests/certs/production.key", Real, false},
		{"/home/dev/project/certs/test/release-signing.key", Real, false},
		{"/home/dev/project/config/master.key", Real, false},
		{"/home/dev/project/deploy/dev.key", Real, false},
		{"/home/dev/project/tests/backup/id_ed25519", Real, false},
		// named for nothing, or as ssh names a person's own key
		{"/home/dev/project/certs/server.key", Unknown, false},
		{"/home/dev/project/certs/testprod.key", Unknown, false},
		{"/home/dev/project/certs/localhost-key.pem", Unknown, false},
		{"/home/dev/project/id_rsa", Unknown, false},
		{"/home/dev/project/test-keys/id_rsa", Unknown, false},
		{"/home/dev/project/dev/id_ed25519", Unknown, false},
		// no key by its name
		{"/home/dev/project/tests/.env.test", Unknown, false},
		{"/home/dev/project/local.settings.json", Unknown, false},
		{"/home/dev/project/tests/key.go", Unknown, false},
		// outside the project, or in its dot directories
		{"/home/dev/.ssh/id_rsa_test", Unknown, false},
		{"/home/dev/.ssh/dev.key", Unknown, false},
		{"/home/dev/dev.key", Unknown, false},
		{"/home/dev/project/.ssh/test.key", Unknown, false},
		{"/home/dev/project/.git/dev.key", Unknown, false},
		{"/etc/ssl/private/ssl-cert-snakeoil.key", Unknown, false},
		{"/home/dev/projectx/certs/dev.key", Unknown, false},
	} {
		v := Of(c.path, proj, home)
		if v.Reading != c.want || v.Reading == Test && v.ByName != c.byName {
			t.Errorf("Of(%q) = %+v, want %v (by name %v)", c.path, v, c.want, c.byName)
		}
	}
}

func TestProject(t *testing.T) {
	for dir, want := range map[string]bool{
		"/home/dev/project":      true,
		"/home/dev/src/api":      true,
		"/tmp/scratch":           true,
		"/":                      false,
		"/home":                  false,
		"/home/dev":              false,
		"/home/other":            false,
		"/home/dev/.ssh":         false,
		"/home/dev/.config/tool": false,
		"/etc/nginx":             false,
		"/root/project":          false,
		"/var/lib/app":           false,
	} {
		if got := Project(dir, "/home/dev"); got != want {
			t.Errorf("Project(%q) = %v, want %v", dir, got, want)
		}
	}
	// the home itself is no project, whatever the path
	if Of("/home/dev/certs/dev.key", "/home/dev", "/home/dev").Reading != Unknown {
		t.Error("a key in the home read as test material with the home as the project")
	}
}

func TestFixtureAndStoreName(t *testing.T) {
	for rel, want := range map[string]bool{
		"testdata/k.pem": true, "a/fixtures/x": true, "src/test/resources/ks.jks": true,
		"../testdata/k": false, "/abs/testdata/k": false, "$X/testdata/k": false, "certs/k": false,
	} {
		if Fixture(rel) != want {
			t.Errorf("Fixture(%q) = %v", rel, !want)
		}
	}
	for name, want := range map[string]bool{"id_rsa": true, "ID_ED25519": true, "id_ecdsa_sk": true, "id_rsa_test": false, "id_ed25519_work": false} {
		if StoreName(name) != want {
			t.Errorf("StoreName(%q) = %v", name, !want)
		}
	}
}

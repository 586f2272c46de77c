package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// An app's secrets file as a flow's source.
//
// Reading a project's .env asks (its values are the app's own secrets, the
// user may well want them shown); the same file sent off the machine is a
// credential leaving it, whatever program sends it. The shapes meant for
// sharing (.env.example, .env.sample, .env.template) and a test suite's
// own (.env.test) hold no secret.

// dotenvShared are the suffixes of .env files written to be committed.
var dotenvShared = table.Map[string, bool]{Words: "example sample template tpl dist defaults schema test ci"}

// dotenvSecrets reports whether the cleaned path p is an app's secrets
// file: .env, or .env.STAGE for a stage not written to be shared.
func dotenvSecrets(p string) bool {
	base := path.Base(p)
	if base == ".env" || appSecretsFile(p) {
		return true
	}
	if strings.HasPrefix(base, ".env") && strings.ContainsAny(base, "*?[") {
		// .env*, .env.*: a pattern spelled from the file's name that
		// names it, or a stage's, names the secrets with the rest (not
		// dist/*, whose name says nothing)
		for _, probe := range [...]string{".env", ".env.production"} {
			if ok, _ := path.Match(base, probe); ok {
				return true
			}
		}
		return false
	}
	stage, ok := strings.CutPrefix(base, ".env.")
	if !ok || stage == "" || strings.ContainsAny(stage, "*?[{$`") {
		return false
	}
	return !dotenvShared.Get(strings.ToLower(stage))
}

// appSecretsFiles are the files in which frameworks and tools keep a
// project's secrets out of its repository, as .env does, by the end of
// their cleaned path: WordPress's and Magento's database passwords and
// keys, Drupal's local settings, DVC's remote credentials, Godot's and
// Android's signing passwords.
var appSecretsFiles = [...]string{
	"/wp-config.php", "/app/etc/env.php", "/settings.local.php", "/.dvc/config.local",
	"/.godot/export_credentials.cfg", "/keystore.properties", "/key.properties", "/signing.properties",
}

// appSecretsFile reports whether the cleaned path p is one of
// appSecretsFiles (Drupal's only under a site's directory, sites/NAME/).
func appSecretsFile(p string) bool {
	for _, s := range appSecretsFiles {
		if strings.HasSuffix(p, s) || p == s[1:] {
			return s != "/settings.local.php" || strings.Contains(p, "sites/")
		}
	}
	return false
}

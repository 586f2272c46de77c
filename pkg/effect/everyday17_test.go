package effect

import (
	"strings"
	"testing"
)

// TestDeclinedPublishOption: an unknown program's publishing option whose
// value turns publishing off (electron-builder --publish never) publishes
// nothing; any other value, or none, still publishes.
func TestDeclinedPublishOption(t *testing.T) {
	for args, want := range map[string]string{
		"--mac --publish never":    "",
		"--publish=never":          "",
		"--publish false --dir":    "",
		"--publish always":         "--publish",
		"--publish=onTag":          "--publish=onTag",
		"--win --publish":          "--publish",
		"--auto-publish":           "--auto-publish",
		"--publish-local":          "",
		"-- --publish always":      "",
		"--visibility=public --no": "--visibility=public",
	} {
		if got := publishingOption(strings.Fields(args)); got != want {
			t.Errorf("publishingOption(%q) = %q, want %q", args, got, want)
		}
	}
}

// TestCrossCatalogueAdditions17: what the programs added for everyday17
// destroy, publish or rewrite, and their everyday neighbours that do not.
func TestCrossCatalogueAdditions17(t *testing.T) {
	for line, want := range map[string]bool{
		// a force push of dolt, as git's
		"dolt push origin main --force": true,
		"dolt push origin feature/x":    false,
		// git lfs migrate import rewrites history; info only reports
		`git lfs migrate import --include="*.zip" --everything`: true,
		"git lfs migrate info --everything":                     false,
		"git lfs pull":                                          false,
		"git lfs prune":                                         false,
		// ghp-import publishes only with -p
		"ghp-import -n -p -f book": true,
		"ghp-import -n book":       false,
		// idf.py's eFuse burns can never be undone
		"idf.py efuse-burn-key BLOCK_KEY0 k.bin XTS_AES_128_KEY": true,
		"idf.py build":                         false,
		"idf.py -p /dev/ttyUSB0 flash monitor": false,
		// Jib's pushing tasks publish; its local builds do not
		"./gradlew jib -Djib.to.image=ghcr.io/acme/app:1.8.0":   true,
		"./mvnw compile jib:build -Dimage=ghcr.io/acme/app:1.8": true,
		"./gradlew jibDockerBuild":                              false,
		"./mvnw jib:dockerBuild -Dimage=app:dev":                false,
		// a service's variables handed to its servers
		"kamal env push":    true,
		"kamal app details": false,
		// the Symfony CLI's local server, and its deploys
		"symfony server:stop":         false,
		"symfony server:start -d":     false,
		"symfony deploy":              true,
		"symfony cloud:deploy":        true,
		"symfony console cache:clear": false,
		// HTTPie's ":PORT" is this machine
		"http DELETE :3000/api/users/17":            false,
		"http DELETE :/api/users/17":                false,
		"xh DELETE :8080/items/3":                   false,
		"http DELETE https://api.acme.com/v1/x":     true,
		"http DELETE api.acme.com:3000/v1/users/17": true,
	} {
		effs := effectsOf(line)
		got := false
		for _, k := range []string{"destroy:remote", "destroy:history", "destroy:publish", "destroy:system", "destroy:deploy", "destroy:production", "destroy:shared-change"} {
			got = got || hasEffect(effs, k)
		}
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}

// TestKnownPackages17: the well-known tools and images everyday17 ran, and
// look-alikes that stay unknown.
func TestKnownPackages17(t *testing.T) {
	for _, tc := range []struct {
		reg, name string
		want      bool
	}{
		{"npm", "electron-rebuild", true},
		{"npm", "elm-watch", true},
		{"npm", "@rspack/cli", true},
		{"npm", "@usebruno/cli", true},
		{"npm", "rspack-deployer", false},
		{"crates", "mdbook-mermaid", true},
		{"crates", "mdbook-unknown-thing", false},
		{"image", "qdrant/qdrant", true},
		{"image", "chromadb/chroma", true},
		{"image", "gcr.io/kaniko-project/executor", true},
		{"image", "qdrantx/qdrant", false},
	} {
		if got := KnownPackage(tc.reg, tc.name); got != tc.want {
			t.Errorf("KnownPackage(%s, %q) = %v, want %v", tc.reg, tc.name, got, tc.want)
		}
	}
}

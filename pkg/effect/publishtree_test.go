package effect

import (
	"strings"
	"testing"
)

// TestPublishesTaintedTree checks that a package or image published from a
// tree the line wrote a secret into is a flow out, and that a publisher's
// own login file written in the tree, a secret written outside it, and a
// plain publish are not.
func TestPublishesTaintedTree(t *testing.T) {
	for _, leak := range []string{
		"env > src/env.txt && npm publish",
		"echo \"$GITHUB_TOKEN\" > data/t.txt && poetry publish --build",
		"printenv > src/main/resources/env.properties && ./gradlew publish",
		"cd pkg && env > leak.txt && cd .. && npm publish ./pkg",
		"printenv > .env.build && docker build -t ghcr.io/acme/app . && docker push ghcr.io/acme/app",
		"cat /home/dev/.secret/key > lib/k.txt; cargo publish --allow-dirty",
		"env > credentials && npm publish",
		"env > settings.xml && npm publish",
		"printenv > lib/.npmrc && npm publish",
	} {
		found := false
		for _, e := range effectsOf(leak) {
			found = found || e.Kind == Flow && strings.HasSuffix(e.Detail, "->network") && strings.Contains(e.Word, "publishes a tree")
		}
		if !found {
			t.Errorf("%q: no flow: %v", leak, effectsOf(leak))
		}
	}
	for _, line := range []string{
		"echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > .npmrc && npm publish",
		"echo \"ossrhPassword=$OSSRH_PASSWORD\" >> gradle.properties && ./gradlew publish",
		"env > /tmp/env.txt && npm publish",
		"npm run build && npm publish",
		"npm version patch && cargo publish",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow {
				t.Errorf("%q: %v", line, e)
			}
		}
	}
}

package effect

import "testing"

// TestReleaseToolsPublish: the release tools' own verbs publish only when
// they do (nx release bare or publish, rush publish --publish, goreleaser
// release without --skip naming publish); their versioning, changelog,
// pack and rehearsal runs, and a project's own targets run through nx or
// rush, publish nothing. Nothing is run.
func TestReleaseToolsPublish(t *testing.T) {
	for line, want := range map[string]bool{
		"nx release":                           true,
		"npx nx release --yes":                 true,
		"nx release 2.0.0 --yes":               true,
		"nx release publish --tag next":        true,
		"nx release --dry-run":                 false,
		"nx release -d --verbose":              false,
		"nx release --skip-publish":            false,
		"nx release version minor":             false,
		"nx release changelog 2.0.0":           false,
		"nx release publish --dry-run":         false,
		"nx run-many -t build":                 false,
		"nx build api":                         false,
		"rush publish --publish --include-all": true,
		"rush publish -p --include-all":        true,
		"rush publish --include-all --pack --release-folder dist/packs": false,
		"rush publish":                                false,
		"rush build --to api":                         false,
		"goreleaser release --clean":                  true,
		"goreleaser release --skip=sign --clean":      true,
		"goreleaser release --skip=publish --clean":   false,
		"goreleaser release --skip publish,sign":      false,
		"goreleaser release --skip-publish --rm-dist": false,
		"goreleaser release --snapshot --clean":       false,
		"goreleaser build --snapshot --single-target": false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%q: publishes = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

package effect

import (
	"slices"
	"strings"
	"testing"
)

// taskPartsPlain is taskParts as a builder, a ToLower and a FieldsFunc:
// the allocating form the byte walk must agree with.
func taskPartsPlain(w string) []string {
	label := strings.HasPrefix(w, "//") || strings.HasPrefix(w, "@") && strings.Contains(w, "//")
	if strings.HasPrefix(w, ":") || label && strings.Contains(w, ":") {
		w = w[strings.LastIndexByte(w, ':')+1:]
	} else if label {
		w = w[strings.LastIndexByte(w, '/')+1:]
	}
	if k := strings.LastIndexByte(w, '+'); k == 0 || k > 0 && strings.Contains(w[:k], "/") {
		w = w[k+1:]
	}
	if hasUpper(w) {
		var b strings.Builder
		for i := 0; i < len(w); i++ {
			if i > 0 && w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
				b.WriteByte('-')
			}
			b.WriteByte(w[i])
		}
		w = b.String()
	}
	return strings.FieldsFunc(strings.ToLower(w), func(r rune) bool {
		return r == '-' || r == ':' || r == '_' || r == '.' || r == '/'
	})
}

func TestTaskPartsAgree(t *testing.T) {
	for _, w := range []string{
		"", "-", "deploy", "deploy-prod", "db:migrate", ":app:publishBundle", "publishReleaseBundle",
		"publishToMavenLocal", "NotebookApp.ip", "bind-address", "DEPLOY_PROD", "settings.production",
		"a--b", "::", "x/y/z", "ÄrgerDeploy", "deployÉTÉ", "İstanbul-prod", "\xff\xfeDeploy-x", "aB", "Ab", "ABc",
		"release__candidate..2", "--publish-local", "$PROD_DATABASE_URL", "{PROD}",
		"+deploy-prod", "./services/api+deploy", "c++", "+",
		"//tools/deploy", "//deploy:push-prod", "@infra//k8s/rollout", "//", "//a/b/", "x//y",
	} {
		var pb [2]string // small, so that some grow
		got := taskParts(pb[:0], w)
		want := taskPartsPlain(w)
		if !slices.Equal(got, want) {
			t.Errorf("taskParts(%q) = %q, want %q", w, got, want)
		}
	}
}

func FuzzTaskParts(f *testing.F) {
	for _, w := range []string{"deploy-prod", "publishReleaseBundle", ":app:x", "ÄrgerDeploy"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		var pb [4]string
		if got, want := taskParts(pb[:0], w), taskPartsPlain(w); !slices.Equal(got, want) {
			t.Errorf("taskParts(%q) = %q, want %q", w, got, want)
		}
	})
}

func TestTaskPartsAllocations(t *testing.T) {
	var pb [8]string
	if n := testing.AllocsPerRun(100, func() { _ = taskParts(pb[:0], "deploy-prod:now") }); n != 0 {
		t.Errorf("a lower-case name: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = taskParts(pb[:0], "publishReleaseBundle") }); n > 1 {
		t.Errorf("a camel-case name: %v allocations, want at most 1", n)
	}
}

// TestEarthlyTargets: an Earthly target's name is its task (+deploy-prod,
// ./services/api+deploy with production named); its builds and tests are
// not deploys.
func TestEarthlyTargets(t *testing.T) {
	for line, want := range map[string]bool{
		"earthly +deploy-prod":                           true,
		"earthly +deploy --ENV=production":               true,
		"earthly ./services/api+deploy --ENV=production": true,
		"earthly +test":                                  false,
		"earthly ./services/api+build":                   false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

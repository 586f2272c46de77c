package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A package or image published from the working directory carries what is
// in it: a publisher that names no file of its own to upload (npm publish,
// cargo publish, poetry publish --build, ./gradlew publish, docker push of
// an image built here) packs the tree it runs in. A credential, the
// environment or a secret variable the line wrote into a file under that
// tree (env > src/env.txt, cp ~/.npmrc pkg/, echo "$TOKEN" > data/t.txt)
// goes out with the package, to a registry anyone reads.
//
// A tool's own login file written in the tree (.npmrc with the registry
// token, .pypirc) is where the publisher reads its login, and publishers
// leave it out of what they pack: the CI's
// echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm publish
// is the token's ordinary use.

// publisherLogins are the names of the files publishers read their
// registry login from at the top of the tree they publish, and leave out
// of it. Only there: a file of the same name deeper in the tree, or one a
// publisher does pack (settings.xml, a file named credentials), is packed
// like any other.
var publisherLogins = table.Map[string, bool]{Words: ".npmrc .yarnrc .yarnrc.yml .pypirc .netrc gradle.properties"}

// publishedTaints are the source kinds a published tree may not carry.
var publishedTaints = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"secret": true, "credential": true, "environment": true, "secret-variable": true, "home-archive": true, inputCapture: true,
	}
}}

// publishesTainted returns the source kind of a file the line wrote under
// the directory command i runs in, when command i publishes (a publish
// effect) and names no file it sends: the tree it packs holds it.
func (a *analysis) publishesTainted(files map[string]string, i int, f *cmdFacts) string {
	if len(f.sends) > 0 || !a.publishes(i) {
		return ""
	}
	if a.homeImageBuilt(i) {
		return "home-archive" // an image of the home pushed (imagecontext.go)
	}
	if len(files) == 0 {
		return ""
	}
	cwd := a.env.Cwd
	if i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	if cwd == "" || hasExpansion(cwd) {
		return ""
	}
	found, kind := "", "" // the first such file by name, so that the answer is stable
	for p, t := range files {
		if publishedTaints.Get(t) && strings.HasPrefix(p, cwd+"/") && !a.sensitive(p) && !(publisherLogins.Get(path.Base(p)) && path.Dir(p) == cwd) && (found == "" || p < found) {
			found, kind = p, t
		}
	}
	return kind
}

// publishes reports a publish effect (a package, an image, a release) of
// command i.
func (a *analysis) publishes(i int) bool {
	for k := range a.out {
		if e := &a.out[k]; e.Cmd == i && e.Kind == Destroy && e.Detail == "publish" {
			return true
		}
	}
	return false
}

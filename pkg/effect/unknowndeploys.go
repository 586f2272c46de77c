package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// unknownDeploy reports, for a program the catalogue does not know, a
// deploy verb among its leading words (shopify app deploy, mike deploy
// --push, acmectl redeploy api) that names no environment short of
// production anywhere on the line: what a vendor's CLI deploys, unnamed,
// is what its project runs, as kamal deploy's and az webapp deploy's is.
// A word or an option's value naming staging, a preview or a local
// environment (opsctl deploy billing --env staging, shipctl deploy billing
// preview) keeps it everyday work, unless production is named too; a word
// with spaces is a message, not an environment.
func unknownDeploy(cl *catalog.Classified, args []string) string {
	verb := ""
	leadingWords(cl, 3, func(w string) bool { // cloudverbs.go
		lw := strings.ToLower(w)
		if lookVerbs.Get(lw) {
			return true
		}
		verbParts(lw, func(p string, _ int) {
			if verb == "" && deployParts.Get(p) && !previewParts.Get(p) {
				verb = w
			}
		})
		return verb != ""
	})
	if verb == "" {
		return ""
	}
	short := false
	for k := 0; k < len(args); k++ {
		a := args[k]
		if a == "--" {
			break
		}
		if strings.ContainsAny(a, " \t\n") {
			continue // a message or a note (--notes "after staging"), not an environment
		}
		name, val, own := "", a, true
		if strings.HasPrefix(a, "-") {
			n, v, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
			name, val = strings.ToLower(n), v
			if !hasVal && k+1 < len(args) && !strings.HasPrefix(args[k+1], "-") && !strings.ContainsAny(args[k+1], " \t\n") {
				k++
				val = args[k] // --tag staging-verified: the option's value
			}
			// a short environment counts as a word of its own, the value
			// of an option that names the environment (--env staging),
			// or a flag that is one (--staging); not a value of another
			// option (--image api:staging, --promote-from staging) nor a
			// word of an option's name (--skip-staging, --no-preview)
			own = deployEnvOptions.Get(name)
			if stagingEnvs.Get(name) || previewParts.Get(name) {
				short = short || !hasVal || v == "true" || v == "1" || v == "yes"
			}
		}
		var pb [8]string
		for _, p := range taskParts(pb[:0], name) {
			if isProductionName(p) {
				return verb // production named anywhere decides
			}
		}
		for _, p := range taskParts(pb[:0], val) {
			if isProductionName(p) {
				return verb
			}
			short = short || own && (stagingEnvs.Get(p) || previewParts.Get(p))
		}
	}
	if short {
		return ""
	}
	return verb
}

// deployEnvOptions are the names of an unknown CLI's options whose value is
// the environment a deploy goes to (--env staging, -e dev, --stage qa,
// --target preview).
var deployEnvOptions = table.Map[string, bool]{Words: "e env environment stage s t target tier to target-env target-environment to-env deploy-env deploy-target destination dest"}

// releaseOptions are the options (their names, lower case, without
// dashes) that give a release a registry to publish to or the credential
// to publish with.
var releaseOptions = table.Map[string, bool]{Words: "registry registry-url repository-url repo-url index-url upload-url publish-url token auth-token api-key apikey api-token access-token password pat"}

// unknownRelease reports, for a program the catalogue does not know, a
// release verb among its leading words given a registry or a credential
// to publish with (mytool release --registry https://…, galaxyctl release
// --api-key …): it ships what it builds. A release alone is usually a
// version bumped and tagged here (just release patch), and stays so.
func unknownRelease(cl *catalog.Classified, args []string) string {
	verb := ""
	leadingWords(cl, 3, func(w string) bool { // cloudverbs.go
		if lw := strings.ToLower(w); lw == "release" || lw == "releases" {
			verb = w
		}
		return verb != ""
	})
	if verb == "" {
		return ""
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "--") {
			continue
		}
		name, _, _ := strings.Cut(a[2:], "=")
		if releaseOptions.Get(strings.ToLower(name)) {
			return verb + " " + a
		}
	}
	return ""
}

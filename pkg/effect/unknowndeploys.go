package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
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
	for _, a := range args {
		if a == "--" {
			break
		}
		if strings.ContainsAny(a, " \t\n") {
			continue // a message or a note (--notes "after staging"), not an environment
		}
		if _, v, ok := strings.Cut(a, "="); ok {
			a = v // --env=dev
		}
		var pb [8]string
		for _, p := range taskParts(pb[:0], strings.TrimLeft(a, "-")) {
			if isProductionName(p) {
				return verb // production named anywhere decides
			}
			short = short || stagingEnvs.Get(p) || previewParts.Get(p)
		}
	}
	if short {
		return ""
	}
	return verb
}

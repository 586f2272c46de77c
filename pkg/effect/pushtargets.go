package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Where a git push lands, beyond the tags pushesTag reads: another ref
// pushed onto a release line (HEAD:release/2.4, main:release-1.9,
// HEAD:stable) changes what the next release is cut from (a release
// branch's own work pushed to its own name is everyday), and one to a remote that deploys
// what it receives (heroku, dokku, a remote named for production) ships
// it. A feature branch, a review ref (refs/for/…) and a remote named for
// staging or development are everyday pushes.

// deployRemotes are the remote names of platforms that build and run
// whatever is pushed to them.
var deployRemotes = table.Map[string, bool]{Words: "heroku dokku piku"}

// releaseLines are the branch names that are a release line whole.
var releaseLines = table.Map[string, bool]{Words: "stable production prod"}

// pushesShared adds destroy:shared-change for a git push to a release
// line, and destroy:deploy for one to a remote that deploys it.
func (a *analysis) pushesShared(i int, c *shell.Command, cl *catalog.Classified) {
	if cl.Mark("dry") {
		return // git push -n: only reports what it would send
	}
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if n++; n == 1 {
			if deploysOnPush(w.Text) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " to " + w.Text + ", which deploys what it receives"})
				return
			}
			continue
		}
		src, dst, ok := strings.Cut(strings.TrimPrefix(w.Text, "+"), ":")
		if !ok || src == dst || strings.TrimPrefix(dst, "refs/heads/") == src {
			continue // git push origin release/2.0: the branch's own work, pushed to its own name
		}
		if releaseLine(dst) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " push of " + src + " onto the release line " + dst})
			return
		}
	}
}

// deploysOnPush reports a remote, by name or URL, that deploys what it
// receives: a platform's (heroku, dokku) or one named for production,
// unless it also names staging or development (heroku-staging).
func deploysOnPush(remote string) bool {
	r := strings.ToLower(remote)
	if strings.Contains(r, "/") {
		// a URL: its host and repository say where it goes
		// (git.heroku.com/acme.git, dokku@apps.acme.io:api)
		if strings.Contains(r, "git.heroku.com") {
			return !namesStaging(r)
		}
		return namesProduction(remote) && !namesStaging(r)
	}
	if namesStaging(r) {
		return false
	}
	for _, p := range strings.FieldsFunc(r, remoteSep) {
		if deployRemotes.Get(p) || isProductionName(p) && p != "live" {
			return true
		}
	}
	return false
}

// namesStaging reports a lower-case name with a part naming an
// environment short of production (staging, dev, qa…).
func namesStaging(r string) bool {
	for _, p := range strings.FieldsFunc(r, remoteSep) {
		if stagingEnvs.Get(p) {
			return true
		}
	}
	return false
}

// remoteSep reports a rune that separates the parts of a remote's name or
// address.
func remoteSep(c rune) bool { return c < 128 && isTaskSep(byte(c)) || c == '@' }

// releaseLine reports a branch, written bare or as refs/heads/NAME, that
// is a release line: release/*, releases/*, release-N…, stable, production.
func releaseLine(ref string) bool {
	b := strings.ToLower(strings.TrimPrefix(ref, "refs/heads/"))
	if strings.HasPrefix(b, "refs/") {
		return false // a tag, a review ref (refs/for/release/2.3)
	}
	if releaseLines.Get(b) {
		return true
	}
	if strings.HasPrefix(b, "release/") || strings.HasPrefix(b, "releases/") {
		return len(b) > strings.IndexByte(b, '/')+1
	}
	if rest, ok := strings.CutPrefix(b, "release-"); ok {
		return rest != "" && rest[0] >= '0' && rest[0] <= '9' // release-1.9, not release-notes
	}
	return false
}

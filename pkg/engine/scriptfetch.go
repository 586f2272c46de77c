package engine

import (
	"path"
	"regexp"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// A script fetched from someone's repository at a moving ref: a shell,
// PowerShell or batch script (install.sh, setup.ps1, fix.sh) served from
// where anyone publishes their repository's files (raw.githubusercontent,
// a gist, GitHub or GitLab Pages, Bitbucket's and Codeberg's raw files),
// named at a branch rather than a release tag or a commit. Fetched into
// the agent's context it is the step before running it, and what it holds
// is whatever its owner pushed last; a tagged release's installer
// (nvm-sh/nvm/v0.40.1/install.sh), a commit's, a README or a compose
// file are everyday reading. It is judged as code straight from a
// repository (remote-code): standard asks.

// scriptExts are the extensions of scripts an installer is written in.
var scriptExts = table.Map[string, bool]{Words: ".sh .bash .zsh .ps1 .psm1 .bat .cmd"}

// pinnedRef is a path part that pins a version: a tag (v1.2.3, 1.2) or a
// commit (7 to 40 hexadecimal digits).
var pinnedRef = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(v?\d+(\.\d+)+([-+.][0-9A-Za-z.]+)?|[0-9a-f]{7,40})$`)
}}

// anyonesFiles reports a host that serves anyone's repository files.
func anyonesFiles(host string) bool {
	switch host {
	case "raw.githubusercontent.com", "gist.githubusercontent.com", "gist.github.com", "gitlab.com", "bitbucket.org",
		"codeberg.org", "raw.githack.com", "cdn.jsdelivr.net", "gitee.com":
		return true
	}
	return strings.HasSuffix(host, ".github.io") || strings.HasSuffix(host, ".gitlab.io") || strings.HasSuffix(host, ".pages.dev")
}

// movingScript reports a URL of a script from someone's repository that
// no version pins.
func movingScript(u match.URL) bool {
	if !anyonesFiles(u.Host) {
		return false
	}
	p := u.Rest
	if k := strings.IndexAny(p, "?#"); k >= 0 {
		p = p[:k]
	}
	if !scriptExts.Get(strings.ToLower(path.Ext(p))) {
		return false
	}
	gist := strings.HasPrefix(u.Host, "gist.")
	k := 0
	for part := range strings.SplitSeq(strings.TrimPrefix(p, "/"), "/") {
		if k++; gist && k == 2 {
			continue // USER/ID/raw/…: a gist's id names it, not a version of it
		}
		if pinnedRef.Get().MatchString(part) {
			return false
		}
	}
	return true
}

// judgeScriptFetch judges a fetch of a moving script from someone's
// repository as remote code.
func (ev *evaluation) judgeScriptFetch(s *subject) {
	if ev.denied() || !s.hasURL || !movingScript(s.url) {
		return
	}
	ev.judgeEffect(effect.Effect{Kind: effect.RemoteCode, Cmd: -1, Detail: "script", Word: s.urlRaw + " (a script from someone's repository at a moving ref)"}, s.tool)
}

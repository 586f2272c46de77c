package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// remotePackage reports whether a package a manager installs or runs comes
// straight from a URL or a repository, unpinned, rather than a registry
// name: "git+https://…", "github:user/repo", "user/repo", a tarball URL,
// or (for Go) a module path at @latest or a branch.
func remotePackage(w string, gopkg bool) bool {
	if w == "" || strings.HasPrefix(w, "-") || strings.HasPrefix(w, ".") || strings.HasPrefix(w, "/") {
		return false
	}
	if strings.Contains(w, "://") {
		return true
	}
	for _, p := range []string{"git+", "github:", "gitlab:", "bitbucket:", "gist:", "git@"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	if gopkg {
		first, _, _ := strings.Cut(w, "/")
		if !strings.Contains(w, "/") || !strings.Contains(first, ".") {
			return false
		}
		_, ver, hasVer := strings.Cut(w, "@")
		return !hasVer || ver == "latest" || ver == "master" || ver == "main" || ver == "HEAD"
	}
	// user/repo: a GitHub shorthand for npm, not a scoped package.
	if !strings.HasPrefix(w, "@") && strings.Count(w, "/") == 1 && !strings.ContainsAny(w, "=<>~^ ") {
		return true
	}
	return false
}

// runsPackage reports whether a wrapper runs a package it may fetch.
func runsPackage(name string) bool {
	e, _ := catalog.Default().Lookup(name, nil)
	return e != nil && e.Prop("runs-package") != ""
}

// destroyVerbs are the verbs by which cloud and cluster CLIs destroy what
// they manage.
var destroyVerbs = map[string]bool{
	"delete": true, "destroy": true, "remove": true, "rm": true, "rb": true, "purge": true,
	"terminate": true, "uninstall": true, "reset": true, "prune": true, "wipe": true, "drop": true,
	"nuke": true, "del": true, "apps:destroy": true, "teardown": true, "decommission": true,
}

// destroyVerb finds a destroying verb among a cloud CLI's leading words,
// unless the command only asks for help or a dry run.
func destroyVerb(cl catalog.Classified) string {
	verb := ""
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			if w.Option == "--dry-run" {
				return ""
			}
			continue
		}
		n++
		if n > 4 {
			break
		}
		t := strings.ToLower(w.Text)
		if destroyVerbs[t] || strings.HasPrefix(t, "delete-") || strings.HasPrefix(t, "terminate-") ||
			strings.HasPrefix(t, "deregister-") || strings.HasSuffix(t, ":destroy") || strings.HasSuffix(t, ":delete") {
			verb = w.Text
			break
		}
	}
	return verb
}

// helpOrDryRun reports whether a command only prints help, plans or
// checks permissions ("--help", "--dry-run=client", "auth can-i").
func helpOrDryRun(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-h" || a == "--help" || a == "-help" || a == "help" || a == "can-i" || a == "--dry-run" ||
			strings.HasPrefix(a, "--dry-run="), a == "--plan" || a == "--preview":
			return true
		}
	}
	return false
}

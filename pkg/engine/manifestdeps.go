package engine

import (
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Dependency manifests name where each dependency comes from. One from
// the language's registry is an ordinary install; one from a git
// repository, a tarball URL or a module path swapped for another
// (package.json's "github:user/repo", Cargo's git = "…", requirements'
// git+https://…, pyproject's "name @ https://…", Gemfile's git:/github:,
// go.mod's replace … => other/module, a .gitmodules url, composer's vcs
// repositories) is code fetched from wherever the URL says on the next
// install, which nobody here has read: the install from a URL or git that
// asks when typed (npm install github:…, pip install git+…). Each reader
// returns those sources; laterFormats judges them as opaque code.

// manifestFormats are the manifests and their readers, entries of
// laterFormats.
var manifestFormats = []laterFormat{
	{name: "npm's manifest (package.json)", files: named("package.json"), opaque: packageJSONSources},
	{name: "Cargo's manifest (Cargo.toml)", files: named("Cargo.toml"), opaque: cargoSources},
	{name: "pip's requirements", files: requirementsFile, opaque: requirementsSources},
	{name: "a Python project (pyproject.toml)", files: named("pyproject.toml"), opaque: pyprojectSources},
	{name: "Bundler's Gemfile", files: named("Gemfile", "gems.rb"), opaque: gemfileSources},
	{name: "a Go module (go.mod)", files: named("go.mod"), opaque: goModReplacements},
	{name: "git's submodules (.gitmodules)", files: named(".gitmodules"), opaque: gitmodulesURLs},
	{name: "Composer's manifest (composer.json)", files: named("composer.json"), opaque: composerRepositories},
}

// requirementsFile: requirements.txt, requirements-dev.txt,
// dev-requirements.txt, constraints.txt, requirements/*.txt, *.in.
func requirementsFile(_, base, dir string) bool {
	if !strings.HasSuffix(base, ".txt") && !strings.HasSuffix(base, ".in") {
		return false
	}
	return strings.Contains(base, "requirements") || strings.HasPrefix(base, "constraints") || dir == "requirements"
}

// npmDependencyKeys are package.json's maps of dependencies (overrides
// and resolutions may nest).
var npmDependencyKeys = []string{"dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides", "resolutions"}

// packageJSONSources returns the dependencies of a package.json that come
// from git, a URL or a GitHub shorthand (user/repo).
func packageJSONSources(content string) []string {
	var doc map[string]any
	if json.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	var out []string
	var walk func(name string, v any, depth int)
	walk = func(name string, v any, depth int) {
		switch v := v.(type) {
		case string:
			if npmSpecFetches(v) {
				out = append(out, name+": "+v)
			}
		case map[string]any:
			if depth > 4 {
				return
			}
			for k, x := range v {
				walk(k, x, depth+1)
			}
		}
	}
	for _, k := range npmDependencyKeys {
		walk(k, doc[k], 0)
	}
	if p, ok := doc["pnpm"].(map[string]any); ok {
		walk("pnpm.overrides", p["overrides"], 0)
	}
	return out
}

// npmSpecFetches reports a dependency spec npm fetches from git or a URL:
// git+…, git://, github:/gitlab:/bitbucket:/gist:, http(s)://, or a
// user/repo shorthand. Version ranges, tags, npm: aliases and local
// specs (file:, link:, workspace:, portal:, patch:) are the registry's or
// the project's.
func npmSpecFetches(v string) bool {
	v = strings.TrimSpace(v)
	for _, p := range []string{"git+", "git:", "github:", "gitlab:", "bitbucket:", "gist:", "http://", "https://"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	for _, p := range []string{"npm:", "file:", "link:", "workspace:", "portal:", "patch:", "catalog:", "jsr:", ".", "/", "~", "@"} {
		if strings.HasPrefix(v, p) {
			return false
		}
	}
	return githubShorthand.Get().MatchString(v)
}

var githubShorthand = table.Regexp{Expr: `^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(#\S*)?$`}

// cargoSources returns Cargo's git sources (git = "URL" in a dependency's
// table, [patch] and [replace] included).
func cargoSources(content string) []string {
	return quotedKeys(content, cargoGitKey.Get())
}

var cargoGitKey = table.Regexp{Expr: `(?m)(?:^|[{,\s])git\s*=\s*["']([^"']+)["']`}

// quotedKeys returns the first group of each match of rx in content.
func quotedKeys(content string, rx *regexp.Regexp) []string {
	var out []string
	for _, m := range rx.FindAllStringSubmatch(content, 16) {
		out = append(out, m[1])
	}
	return out
}

// requirementsSources returns requirement lines pip installs from a VCS
// or a URL (git+https://…, https://…/x.tar.gz, name @ URL, -e git+…).
func requirementsSources(content string) []string {
	var out []string
	for _, l := range strings.Split(content, "\n") {
		l = strings.TrimSpace(l)
		if i := strings.Index(l, " #"); i >= 0 {
			l = strings.TrimSpace(l[:i])
		}
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l, "--editable"), "-e"))
		if pipSpecFetches(l) {
			out = append(out, l)
		}
	}
	return out
}

// pipSpecFetches reports a requirement pip fetches from a VCS or a URL.
func pipSpecFetches(l string) bool {
	if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "-") {
		return false
	}
	for _, p := range []string{"git+", "hg+", "svn+", "bzr+", "http://", "https://"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if _, ref, ok := strings.Cut(l, "@"); ok {
		ref = strings.TrimSpace(ref)
		return strings.HasPrefix(ref, "git+") || strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "hg+")
	}
	return false
}

// pyprojectSources returns a pyproject's dependencies fetched from a VCS
// or a URL: PEP 508 strings ("name @ URL"), Poetry's and uv's git =/url =
// sources.
func pyprojectSources(content string) []string {
	var out []string
	for _, m := range pyprojectQuoted.Get().FindAllStringSubmatch(content, 64) {
		if pipSpecFetches(m[1]) && strings.Contains(m[1], "@") {
			out = append(out, m[1])
		}
	}
	out = append(out, quotedKeys(content, cargoGitKey.Get())...)
	return out
}

var pyprojectQuoted = table.Regexp{Expr: `["']([^"'\n]+@[^"'\n]+)["']`}

// gemfileSources returns gems taken from git (git:, github:, gist:,
// bitbucket:, :git =>).
func gemfileSources(content string) []string {
	return quotedKeys(content, gemGitKey.Get())
}

var gemGitKey = table.Regexp{Expr: `(?m)^\s*gem\s.*?(?:\b(?:git|github|gist|bitbucket):|:(?:git|github|gist|bitbucket)\s*=>)\s*["']([^"']+)["']`}

// goModReplacements returns go.mod replace directives that swap a module
// for another module (a path on disk is the project's own).
func goModReplacements(content string) []string {
	var out []string
	inBlock := false
	for _, l := range strings.Split(content, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "replace ("):
			inBlock = true
			continue
		case inBlock && l == ")":
			inBlock = false
			continue
		case strings.HasPrefix(l, "replace "):
			l = strings.TrimPrefix(l, "replace ")
		case !inBlock:
			continue
		}
		_, to, ok := strings.Cut(l, "=>")
		if !ok {
			continue
		}
		to = strings.TrimSpace(to)
		if to == "" || strings.HasPrefix(to, ".") || strings.HasPrefix(to, "/") {
			continue
		}
		out = append(out, "replace "+strings.TrimSpace(l))
	}
	return out
}

// gitmodulesURLs returns a .gitmodules file's submodule URLs that are not
// relative to the project's own remote (../lib.git).
func gitmodulesURLs(content string) []string {
	var out []string
	for _, l := range strings.Split(content, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), "=")
		if !ok || strings.TrimSpace(k) != "url" {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		if v == "" || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") {
			continue
		}
		out = append(out, "url = "+v)
	}
	return out
}

// composerRepositories returns Composer's repositories other than
// Packagist and the project's own paths (vcs, git, package, artifact).
func composerRepositories(content string) []string {
	var doc struct {
		Repositories any `json:"repositories"`
	}
	if json.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	var repos []any
	switch r := doc.Repositories.(type) {
	case []any:
		repos = r
	case map[string]any:
		for _, v := range r {
			repos = append(repos, v)
		}
	}
	var out []string
	for _, r := range repos {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		typ, _ := m["type"].(string)
		url, _ := m["url"].(string)
		if typ == "path" || typ == "composer" && strings.Contains(url, "packagist.org") {
			continue
		}
		if typ == "package" || url != "" && !strings.HasPrefix(url, ".") && !path.IsAbs(url) {
			out = append(out, typ+" "+url)
		}
	}
	return out
}

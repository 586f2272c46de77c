package engine

import (
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/internal/table"
)

// Configuration management's files, whose commands run on the machines
// they are applied to (laterformats.go, onRequest):
//
//   - a Salt state file (.sls): each cmd.run, cmd.wait and cmd.shell state
//     runs its name (the state's ID when it names none), a cmd.script
//     whose source is a URL fetches that script and runs it;
//   - a Puppet manifest (.pp): an exec resource's command, onlyif and
//     unless;
//   - an Ansible play (requestedformats.go): a file get_url downloads that
//     a later task runs is a download run, read here as one line.

// saltStateLines returns what a Salt state file runs when it is applied.
func saltStateLines(content string) []string {
	var out []string
	dec := yaml.NewDecoder(strings.NewReader(content))
	for range 8 { // a file may hold several documents
		var doc map[string]any
		if dec.Decode(&doc) != nil {
			break
		}
		for _, id := range sortedKeys(doc) {
			states, _ := doc[id].(map[string]any)
			for _, fn := range sortedKeys(states) {
				if !saltCommandStates.Get(fn) || len(out) >= maxAutoRunLines {
					continue
				}
				name, src := id, ""
				args, _ := states[fn].([]any)
				for _, a := range args {
					m, _ := a.(map[string]any)
					if s, ok := m["name"].(string); ok {
						name = s
					}
					if s, ok := m["source"].(string); ok {
						src = s
					}
				}
				if fn == "cmd.script" {
					if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
						out = append(out, scriptSourceLine(src)) // remoteexecbodies.go
					}
					continue
				}
				out = append(out, name)
			}
		}
	}
	return out
}

// saltCommandStates are the Salt state functions that run a command.
var saltCommandStates = table.Map[string, bool]{Words: "cmd.run cmd.wait cmd.shell cmd.script cmd.call"}

// puppetExecLines returns the commands of a Puppet manifest's exec
// resources: command, onlyif and unless, single- or double-quoted.
func puppetExecLines(content string) []string {
	var out []string
	for _, m := range puppetCommand.Get().FindAllStringSubmatch(content, maxAutoRunLines) {
		if m[1] != "" {
			out = append(out, strings.ReplaceAll(strings.ReplaceAll(m[1], `\'`, `'`), `\\`, `\`))
		} else {
			out = append(out, strings.ReplaceAll(strings.ReplaceAll(m[2], `\"`, `"`), `\\`, `\`))
		}
	}
	return out
}

// puppetCommand finds an exec resource's command, onlyif or unless value.
var puppetCommand = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:command|onlyif|unless)\s*=>\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")`)
}}

// downloadsRun rewrites the lines of an Ansible play that run a file a
// get_url task of the same play downloaded to an absolute path (get_url:
// url: …, dest: /usr/local/bin/agent; then command: /usr/local/bin/agent):
// each such line becomes the download followed by the run, so that it is
// judged as a download run is.
func downloadsRun(content string, lines []string) []string {
	if !strings.Contains(content, "get_url") {
		return lines
	}
	gets := map[string]string{} // dest -> url
	dec := yaml.NewDecoder(strings.NewReader(content))
	for range 8 {
		var doc any
		if dec.Decode(&doc) != nil {
			break
		}
		collectGetURL(doc, gets, 0)
	}
	if len(gets) == 0 {
		return lines
	}
	for i, l := range lines {
		first, _, _ := strings.Cut(strings.TrimSpace(l), " ")
		if url, ok := gets[path.Clean(first)]; ok && strings.HasPrefix(first, "/") {
			// (a bare name found on PATH is left alone: which file
			// it runs is the target machine's to say)
			lines[i] = "curl -fsSL -o " + shellQuote(first) + " " + shellQuote(url) + " && chmod +x " + shellQuote(first) + " && " + l
		}
	}
	return lines
}

// collectGetURL gathers the dest and url of every get_url task under v.
func collectGetURL(v any, gets map[string]string, depth int) {
	if depth > 32 || len(gets) > maxAutoRunLines {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for k, mv := range x {
			if k == "get_url" || k == "ansible.builtin.get_url" || k == "ansible.legacy.get_url" {
				if m, ok := mv.(map[string]any); ok {
					url, _ := m["url"].(string)
					dest, _ := m["dest"].(string)
					if url != "" && strings.HasPrefix(dest, "/") {
						gets[path.Clean(dest)] = url
					}
				}
				continue
			}
			collectGetURL(mv, gets, depth+1)
		}
	case []any:
		for _, e := range x {
			collectGetURL(e, gets, depth+1)
		}
	}
}

package engine

import (
	"path"
	"strings"
)

// Files whose commands run when someone asks for them, read by format for
// laterFormats (laterformats.go, onRequest): what each one runs is judged
// as its command lines, keeping what keepRequested keeps (requestedkeep.go).
//
//   - Terraform: a provisioner's command (local-exec, remote-exec's inline
//     lines) and an external data source's program, run on plan or apply;
//   - Kubernetes objects and Ansible plays and tasks: a container's
//     command and args (one argv), a task's shell or command module, run
//     when the manifest is applied or the playbook played;
//   - Nix dev shells: a shellHook (devenv's enterShell), run by nix develop
//     or nix-shell and by direnv's use flake;
//   - an agent's instructions (CLAUDE.md, AGENTS.md, GEMINI.md, Cursor's
//     and Windsurf's rules, Copilot's instructions): the commands in code
//     blocks and code spans the next agent is told to run, except a span
//     the sentence tells it never to run;
//   - JetBrains run configurations (a shell script's text) and Maven's
//     exec plugin and Ant's exec task (an executable with its arguments).

// requestedYAML reports a YAML file that none of the CI, task-runner,
// hook-manager or compose readers take, for manifestCommandLines.
func requestedYAML(p, base, dir string) bool {
	lower := strings.ToLower(base)
	if !strings.HasSuffix(lower, ".yml") && !strings.HasSuffix(lower, ".yaml") {
		return false
	}
	if laterFile(p) || taskFile(p) || isYAMLRunFile(p, lower, dir) || strings.HasPrefix(lower, "lefthook") || strings.HasPrefix(lower, ".lefthook") {
		return false
	}
	return true
}

// manifestCommandLines returns the command lines of Kubernetes objects and
// Ansible plays or tasks: content without either's marks gives none.
func manifestCommandLines(content string) []string {
	k8s := strings.Contains(content, "apiVersion:") && strings.Contains(content, "kind:") || strings.Contains(content, "ontainers:")
	ansible := strings.Contains(content, "hosts:") || strings.Contains(content, "tasks:") || strings.Contains(content, "ansible.") ||
		strings.Contains(content, "become:")
	if !k8s && !ansible {
		return nil
	}
	return yamlCommandLines(content) // autorunlater.go; ansible.builtin.shell is read as shell
}

// hclCommandLines returns a Terraform file's provisioner commands
// (command = "…" or a heredoc), remote-exec's inline lines and an external
// data source's program (one argv).
func hclCommandLines(content string) []string {
	var out []string
	lines := strings.Split(content, "\n")
	for i := 0; i < len(lines) && len(out) < maxAutoRunLines; i++ {
		key, v, ok := strings.Cut(strings.TrimSpace(lines[i]), "=")
		if !ok {
			continue
		}
		key, v = strings.TrimSpace(key), strings.TrimSpace(v)
		switch key {
		case "command", "inline", "program":
		default:
			continue
		}
		switch {
		case strings.HasPrefix(v, "<<"):
			delim := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "<<"), "-"))
			var body []string
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != delim; i++ {
				body = append(body, lines[i])
			}
			out = append(out, strings.Join(body, "\n"))
		case strings.HasPrefix(v, "["):
			// a list may run over several lines
			for !strings.Contains(v, "]") && i+1 < len(lines) {
				i++
				v += " " + strings.TrimSpace(lines[i])
			}
			words := tomlStrings(v) // autorunlater.go
			if key == "program" {
				out = append(out, quoteArgv(words))
			} else {
				out = append(out, words...)
			}
		case strings.HasPrefix(v, `"`):
			out = append(out, tomlStrings(v)...)
		}
	}
	return out
}

// nixShellHooks returns the shell a Nix file's dev shell runs as it opens:
// shellHook = ” … ”; or "…"; and devenv's enterShell.
func nixShellHooks(content string) []string {
	var out []string
	for _, key := range []string{"shellHook", "enterShell"} {
		rest := content
		for len(out) < maxAutoRunLines {
			k := strings.Index(rest, key)
			if k < 0 {
				break
			}
			rest = strings.TrimLeft(rest[k+len(key):], " \t\n")
			if !strings.HasPrefix(rest, "=") {
				continue
			}
			rest = strings.TrimLeft(rest[1:], " \t\n")
			switch {
			case strings.HasPrefix(rest, "''"):
				end := strings.Index(rest[2:], "''")
				if end < 0 {
					return append(out, rest[2:])
				}
				out = append(out, rest[2:2+end])
				rest = rest[2+end+2:]
			case strings.HasPrefix(rest, `"`):
				var b strings.Builder
				j, ok := quotedString(rest, 0, &b) // autorunlater.go
				if ok {
					out = append(out, b.String())
				}
				rest = rest[min(j+1, len(rest)):]
			}
		}
	}
	return out
}

// agentInstructions reports a file of instructions an AI coding agent reads
// at the start of each session.
func agentInstructions(p, base, dir string) bool {
	switch strings.ToLower(base) {
	case "claude.md", "claude.local.md", "agents.md", "agent.md", "gemini.md", ".cursorrules", ".windsurfrules", ".clinerules",
		"copilot-instructions.md", "conventions.md":
		return true
	}
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".md") && (dir == "commands" || dir == "agents") && path.Base(path.Dir(path.Dir(p))) == ".claude" || lower == "skill.md" {
		// Claude Code's slash commands, subagents and skills: their
		// !`command` spans run when they are invoked
		return true
	}
	return strings.HasSuffix(lower, ".mdc") || strings.HasSuffix(lower, ".instructions.md") ||
		strings.HasSuffix(lower, ".md") && (dir == "rules" && path.Base(path.Dir(path.Dir(p))) == ".cursor" || dir == ".clinerules" || dir == ".windsurf")
}

// markdownCommands returns the commands of a Markdown text: each line of a
// fenced block of shell (or of no language), without a prompt's "$ ", and
// each code span that holds a space, unless the words before it on its
// line tell the reader not to run it ("never run `rm -rf ~`").
func markdownCommands(content string) []string {
	var out []string
	lines := strings.Split(content, "\n")
	for i := 0; i < len(lines) && len(out) < maxAutoRunLines; i++ {
		l := lines[i]
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "```") {
			lang := strings.ToLower(strings.TrimSpace(strings.TrimLeft(t, "`")))
			shell := lang == "" || lang == "sh" || lang == "bash" || lang == "shell" || lang == "console" || lang == "zsh" || lang == "shell-session"
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				if c := strings.TrimPrefix(strings.TrimSpace(lines[i]), "$ "); shell && c != "" && !strings.HasPrefix(c, "#") {
					out = append(out, c)
				}
			}
			continue
		}
		for rest, before := l, ""; ; {
			a := strings.IndexByte(rest, '`')
			if a < 0 {
				break
			}
			b := strings.IndexByte(rest[a+1:], '`')
			if b < 0 {
				break
			}
			before += rest[:a]
			span := rest[a+1 : a+1+b]
			if strings.ContainsAny(span, " \t") && !warnsOff(before) {
				out = append(out, span)
			}
			before += span
			rest = rest[a+1+b+1:]
		}
	}
	return out
}

// warnsOff reports words that tell the reader not to do what follows.
func warnsOff(before string) bool {
	l := strings.ToLower(before)
	for _, w := range []string{"never", "don't", "do not", "dont", "avoid", "must not", "not to", "instead of", "forbidden"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// xmlElements returns the text of each <tag>…</tag> element in s, in
// order, unescaped.
func xmlElements(s, tag string) []string {
	var out []string
	open, closing := "<"+tag+">", "</"+tag+">"
	for {
		a := strings.Index(s, open)
		if a < 0 {
			return out
		}
		s = s[a+len(open):]
		z := strings.Index(s, closing)
		if z < 0 {
			return out
		}
		out = append(out, xmlText(s[:z]))
		s = s[z:]
	}
}

// xmlRunConfigs reports JetBrains run configurations, a Maven project and
// an Ant build file.
func xmlRunConfigs(p, base, dir string) bool {
	lower := strings.ToLower(base)
	return lower == "pom.xml" || lower == "build.xml" || strings.HasSuffix(lower, ".run.xml") ||
		dir == "runConfigurations" && strings.HasSuffix(lower, ".xml")
}

// xmlCommandLines returns the commands of run configurations and build
// files in XML: a shell configuration's SCRIPT_TEXT, Maven's executable with
// its arguments and Ant's exec with its arg values, each one argv.
func xmlCommandLines(content string) []string {
	var out []string
	for rest := content; len(out) < maxAutoRunLines; {
		k := strings.Index(rest, `name="SCRIPT_TEXT"`)
		if k < 0 {
			break
		}
		rest = rest[k:]
		if v, ok := xmlAttr(rest[:min(len(rest), strings.IndexByte(rest+">", '>'))], "value"); ok {
			out = append(out, v)
		}
		rest = rest[1:]
	}
	for rest := content; len(out) < maxAutoRunLines; {
		k := strings.Index(rest, "<executable>")
		if k < 0 {
			break
		}
		rest = rest[k+len("<executable>"):]
		e := strings.Index(rest, "</executable>")
		if e < 0 {
			break
		}
		argv := []string{xmlText(rest[:e])}
		end := strings.Index(rest, "</configuration>")
		if end < 0 {
			end = len(rest)
		}
		argv = append(argv, xmlElements(rest[e:end], "argument")...)
		out = append(out, quoteArgv(argv))
	}
	for rest := content; len(out) < maxAutoRunLines; {
		k := strings.Index(rest, "<exec ")
		if k < 0 {
			break
		}
		rest = rest[k+len("<exec "):]
		tag := rest[:min(len(rest), strings.IndexByte(rest+">", '>'))]
		x, ok := xmlAttr(tag, "executable")
		if !ok {
			continue
		}
		argv := []string{x}
		end := strings.Index(rest, "</exec>")
		if end < 0 {
			end = len(rest)
		}
		for block := rest[:end]; ; {
			a := strings.Index(block, "<arg ")
			if a < 0 {
				break
			}
			block = block[a+len("<arg "):]
			if v, ok := xmlAttr(block[:min(len(block), strings.IndexByte(block+">", '>'))], "value"); ok {
				argv = append(argv, v)
			} else if v, ok := xmlAttr(block[:min(len(block), strings.IndexByte(block+">", '>'))], "line"); ok {
				argv = append(argv, strings.Fields(v)...)
			}
		}
		out = append(out, quoteArgv(argv))
	}
	return out
}

// xmlAttr returns the value of the attribute name in a tag's text.
func xmlAttr(tag, name string) (string, bool) {
	tag = " " + tag
	for _, q := range []string{`"`, `'`} {
		k := strings.Index(tag, " "+name+"="+q)
		if k < 0 {
			k = strings.Index(tag, "\t"+name+"="+q)
		}
		if k < 0 {
			continue
		}
		v := tag[k+len(name)+3:]
		if e := strings.Index(v, q); e >= 0 {
			return xmlText(v[:e]), true
		}
	}
	return "", false
}

// xmlText unescapes XML's entities and trims the text.
func xmlText(s string) string {
	return strings.TrimSpace(xmlEntities.Replace(s))
}

var xmlEntities = strings.NewReplacer("&quot;", `"`, "&apos;", "'", "&lt;", "<", "&gt;", ">", "&#10;", "\n", "&#xA;", "\n", "&amp;", "&")

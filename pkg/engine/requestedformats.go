package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
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
// Ansible plays or tasks (a role's task list, its items named by "- name:"):
// content without either's marks gives none.
func manifestCommandLines(content string) []string {
	k8s := strings.Contains(content, "apiVersion:") && strings.Contains(content, "kind:") || strings.Contains(content, "ontainers:")
	ansible := strings.Contains(content, "hosts:") || strings.Contains(content, "tasks:") || strings.Contains(content, "ansible.") ||
		strings.Contains(content, "become:") || strings.HasPrefix(content, "- name:") || strings.Contains(content, "\n- name:")
	if !k8s && !ansible {
		return nil
	}
	lines := yamlCommandLines(content) // autorunlater.go; ansible.builtin.shell is read as shell
	if ansible {
		lines = downloadsRun(content, lines) // cfgmgmtformats.go
	}
	return lines
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
		if k := strings.LastIndexAny(key, "{ \t"); k >= 0 {
			key, v = key[k+1:], strings.TrimSpace(strings.TrimSuffix(v, "}")) // provisioner "local-exec" { command = "…" }
		}
		switch key {
		case "command", "inline", "program", "execute":
		default:
			if hclRunsSomething(content) {
				out = append(out, hclValueLines(v)...) // locals { c = "…" }: a string a command may name
			}
			continue
		}
		switch {
		case hclCall(v):
			out = append(out, hclCallValue(v))
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
			if key == "program" || key == "execute" {
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
// shellHook = ” … ”; or "…"; devenv's enterShell; and the exec of
// devenv's scripts, processes and tasks (scripts.boot.exec = "…"), which
// enterShell, devenv up and a task's before run.
func nixShellHooks(content string) []string {
	var out []string
	if strings.Contains(content, "home.") {
		content = homeManagerRuns.Get().ReplaceAllString(content, "initExtra = ")
	}
	if strings.Contains(content, "${pkgs.") {
		// ${pkgs.curl}/bin/curl: the program at its store path, by its name
		content = nixStoreBins.Get().ReplaceAllString(content, "")
	}
	// a dev shell's hooks, and the start-up text home-manager writes into
	// the user's shell files (programs.bash.initExtra, programs.zsh.initContent…);
	// a service's commands (systemd.user.services.x.Service.ExecStart, a
	// NixOS service's script, preStart and postStart)
	for _, key := range []string{"shellHook", "enterShell", "exec", "initExtra", "initContent", "profileExtra", "bashrcExtra", "envExtra", "logoutExtra", "loginShellInit", "interactiveShellInit", "shellInit",
		"ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "script", "preStart", "postStart"} {
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

// homeManagerRuns are home-manager's other ways to run shell text: an
// activation script (home.activation.NAME = lib.hm.dag.entryAfter [ … ]
// ” … ”, run at every switch) and a shell start-up file's text written
// whole (home.file.".bashrc".text = ” … ”), each read as initExtra's
// text is.
var homeManagerRuns = table.Regexp{Expr: `home\.activation\.[\w"-]+\s*=\s*(?:(?:config\.)?(?:lib\.)?(?:hm\.)?dag\.entry\w*\s*(?:\[[^\]]*\]\s*)?)?|home\.file\.(?:"\.(?:bashrc|zshrc|zshenv|zprofile|profile|bash_profile|bash_login)"|\w+)\.text\s*=\s*`}

// nixStoreBins are a package's bin directory spelled by interpolation
// (${pkgs.bash}/bin/, ${pkgs.coreutils}/bin/).
var nixStoreBins = table.Regexp{Expr: `\$\{pkgs\.[\w.-]+\}/bin/`}

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

var xmlEntities = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("&quot;", `"`, "&apos;", "'", "&lt;", "<", "&gt;", ">", "&#10;", "\n", "&#xA;", "\n", "&amp;", "&")
}}

package shell

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// shellCodeGenerators print shell code meant to be evaluated: eval
// "$(ssh-agent -s)" and source <(kubectl completion bash) run what the
// program says, no more unknown than running the program.
var shellCodeGenerators = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"ssh-agent": true, "direnv": true, "pyenv": true, "rbenv": true, "nodenv": true, "jenv": true, "goenv": true,
		"conda": true, "mamba": true, "micromamba": true, "brew": true, "fnm": true, "mise": true, "rtx": true,
		"zoxide": true, "starship": true, "thefuck": true, "dircolors": true, "keychain": true, "gpg-agent": true,
		"opam": true, "luarocks": true, "rustup": true, "kubectl": true, "helm": true, "gh": true, "npm": true,
		"pip": true, "poetry": true, "just": true, "atuin": true, "mcfly": true, "fzf": true, "asdf": true,
		"pixi": true, "rye": true, "uv": true, "devbox": true, "nix": true, "oh-my-posh": true, "docker-machine": true,
		"minikube": true, "aws-vault": true, "tmuxinator": true, "pipenv": true, "rbw": false, "phpenv": true,
	}
}}

// bareGenerators print their shell set-up code given no words at all:
// eval "$(lesspipe)", eval "$(dircolors)", eval "$(ssh-agent)".
var bareGenerators = table.Map[string, bool]{Words: "lesspipe lesspipe.sh lessfile dircolors ssh-agent"}

// generatorVerbs are the words with which generators print shell code.
var generatorVerbs = []string{"init", "hook", "completion", "completions", "--completion", "--completions", "shellenv", "env", "activate", "-s", "-c", "-b", "--sh", "--bash", "--zsh", "--eval", "shell", "print-env", "export"}

// GeneratesShellCode reports whether a command's words are a known
// generator printing its own shell set-up code (pyenv init -, kubectl
// completion bash, ssh-agent -s). Only the verbs that print set-up code
// count: "gh api ..." prints what a server sends, which is no program's
// own code.
func GeneratesShellCode(words []string) bool {
	if len(words) == 0 || !installedProgram(words[0]) {
		return false
	}
	if len(words) == 1 && bareGenerators.Get(path.Base(words[0])) {
		return true // eval "$(lesspipe)": its only output is its set-up code
	}
	if name := path.Base(words[0]); !shellCodeGenerators.Get(name) {
		// Any catalogued program's completion script is its own code
		// for the shell (docker completion bash, deno completions zsh),
		// no more unknown than running the program.
		return len(words) > 1 && catalog.Default().Known(name) && completionWord(words[1])
	}
	// The first word that is not a flag (or a flag's value) is the
	// subcommand: a generator verb (pyenv init, conda shell.bash hook,
	// minikube -p x docker-env) prints set-up code; any other (gh gist
	// view, npm exec, kubectl exec) prints what it fetches or runs,
	// whatever words follow it.
	afterFlag := false
	for _, w := range words[1:] {
		if w == "--" {
			return false // what follows is another program's words
		}
		if strings.HasPrefix(w, "-") && w != "-" {
			if flagVerb(w) {
				return true
			}
			afterFlag = !strings.Contains(w, "=")
			continue
		}
		if afterFlag && !generatorWord(w) {
			afterFlag = false
			continue // a flag's value (-p profile)
		}
		return generatorWord(w)
	}
	return false
}

// completionWord reports a subcommand or flag that prints a completion
// script: completion, completions, --completion, --completions.
func completionWord(w string) bool {
	switch strings.TrimLeft(w, "-") {
	case "completion", "completions":
		return true
	}
	return false
}

// generatorWord reports whether a subcommand is a generator verb, alone or
// followed by a separator or a plural s (init, shell.bash, completions,
// shell-hook), or an env verb named for what it points the shell at
// (docker-env, podman-env).
func generatorWord(w string) bool {
	if strings.HasSuffix(w, "-env") {
		return true
	}
	for _, v := range generatorVerbs {
		if v[0] == '-' || !strings.HasPrefix(w, v) {
			continue
		}
		if rest := w[len(v):]; rest == "" || rest == "s" || rest[0] == '.' || rest[0] == '-' {
			return true
		}
	}
	return false
}

// flagVerb reports whether a flag is one with which a generator prints its
// code (ssh-agent -s, fzf --bash, keychain --eval).
func flagVerb(w string) bool {
	for _, v := range generatorVerbs {
		if v[0] == '-' && w == v {
			return true
		}
	}
	return false
}

// installedProgram reports whether a command's name is a program as
// installed (kubectl, /usr/local/bin/kubectl, ~/.cargo/bin/rustup) rather
// than a file of that name somewhere the line or a download could have put
// it (./kubectl, /tmp/pyenv, ~/Downloads/direnv).
func installedProgram(name string) bool {
	if !strings.Contains(name, "/") {
		return true
	}
	for _, p := range []string{"/usr/", "/bin/", "/sbin/", "/opt/", "/nix/", "/home/linuxbrew/", "/snap/"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	for _, p := range []string{"/.cargo/bin/", "/.local/bin/", "/.pyenv/bin/", "/.rbenv/bin/", "/.linuxbrew/bin/", "/.nix-profile/bin/", "/.asdf/bin/"} {
		if strings.Contains(name, p) {
			return true
		}
	}
	return false
}

// generatorSubst reports whether a substitution's statements are one
// generator of shell set-up code (<(kubectl completion bash)).
func (s *state) generatorSubst(stmts []*syntax.Stmt) bool {
	if len(stmts) != 1 {
		return false
	}
	call, ok := stmts[0].Cmd.(*syntax.CallExpr)
	if !ok || len(stmts[0].Redirs) > 0 {
		return false
	}
	words, ok := s.staticWords(call.Args)
	return ok && GeneratesShellCode(words)
}

// copiedSubst records what a process substitution read as a file holds:
// the text of the files it copies out when the line wrote them all
// (<(cat a.sh b.sh)), nothing when it copies files the line did not write
// (a program running the path runs those files), and text nobody knows
// otherwise.
func (s *state) copiedSubst(name string, stmts []*syntax.Stmt) {
	var files []string
	if len(stmts) == 1 && len(stmts[0].Redirs) == 0 {
		if call, ok := stmts[0].Cmd.(*syntax.CallExpr); ok && len(call.Assigns) == 0 {
			if words, ok := s.staticWords(call.Args); ok && len(words) > 1 {
				switch progName(words[0]) {
				case "cat", "head", "tail", "more", "less":
					files = pagerOperands(words[1:])
				}
			}
		}
	} else if len(stmts) == 1 && stmts[0].Cmd == nil && len(stmts[0].Redirs) == 1 && stmts[0].Redirs[0].Op == syntax.RdrIn {
		// <(< s.sh): the file, as cat s.sh
		if w, ok := s.staticWords([]*syntax.Word{stmts[0].Redirs[0].Word}); ok && len(w) == 1 {
			files = w
		}
	}
	if len(files) == 0 {
		s.markOpaque(name)
		return
	}
	if s.substFiles == nil {
		s.substFiles = map[string][]string{}
	}
	s.substFiles[name] = files // what runs the substitution runs these (ranFile)
	var b strings.Builder
	known := 0
	for _, f := range files {
		if s.opaque.has(s.key(f)) || streamPath(f) {
			s.markOpaque(name)
			return
		}
		if t, ok := s.files[s.key(f)]; ok {
			b.WriteString(t)
			known++
		}
	}
	if known == len(files) {
		s.recordFile(name, b.String(), false)
	}
}

// pagerOperands gives the files cat, head or tail copy out, leaving out the
// values of head's and tail's counts (head -n 5 s.sh copies s.sh).
func pagerOperands(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch w {
		case "-n", "-c", "--lines", "--bytes":
			i++
			continue
		case "--":
			return append(out, words[i+1:]...)
		}
		if !strings.HasPrefix(w, "-") || w == "-" {
			out = append(out, w)
		}
	}
	return out
}

// streamPath reports whether a copied operand is a stream rather than a
// file: standard input (-, /dev/stdin), a descriptor, a socket or a
// device (/dev/tcp/host/port, /dev/clipboard, /proc/self/fd/0). What it
// yields is nobody's known text.
func streamPath(p string) bool {
	return p == "-" || strings.HasPrefix(p, "/dev/") || strings.HasPrefix(p, "/proc/")
}

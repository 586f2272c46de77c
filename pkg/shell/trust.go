package shell

import (
	"path"
	"strings"
)

// Programs that mark what they are given as trusted to run: mise trust
// and adb install (adbInstalls).

// mise trust [PATH] (rtx trust, its old name) marks a directory's config
// as trusted: its hooks, tasks and sourced env files run from then on,
// each time a shell enters the directory or a task is run, as direnv
// allow's .envrc does. The config is judged as run: what the line wrote
// there (its command strings), a download, a file in a temporary
// directory or Downloads nobody here has read. --all trusts every config
// below the directory whatever they hold, and trusted_config_paths (the
// setting or MISE_TRUSTED_CONFIG_PATHS) every config below a path:
// unknown code either way. --untrust, --ignore and --show run nothing.
func (s *state) trustConfig(f frame, words []string) {
	i := len(s.out) - 1
	for _, n := range [...]string{"MISE_TRUSTED_CONFIG_PATHS", "RTX_TRUSTED_CONFIG_PATHS"} {
		if v, ok := s.vars[n]; ok && v.val != "" {
			s.markUnknown(i, "trusts every config below "+v.val+", whatever it runs")
		}
	}
	if len(words) < 2 {
		return
	}
	if words[1] == "settings" && len(words) > 3 && (words[2] == "set" || words[2] == "add") && words[3] == "trusted_config_paths" {
		s.markUnknown(i, "trusts every config below the paths it sets, whatever they run")
		return
	}
	if words[1] != "trust" {
		return
	}
	target := ""
	for _, w := range words[2:] {
		switch {
		case w == "--untrust" || w == "--ignore" || w == "--show" || w == "-h" || w == "--help":
			return
		case w == "-a" || w == "--all":
			s.markUnknown(i, "trusts every mise config below the directory, whatever they run")
			return
		case !strings.HasPrefix(w, "-") && target == "":
			target = w
		}
	}
	files := []string{".mise.toml", "mise.toml"}
	if d := s.lastCd(); target == "" && d != "" && inScratch(d+"/x") {
		// cd /tmp/clone && mise trust: the configs of the temporary
		// directory the line moved to, which the cd only named
		target, s.trusting = d, true
		defer func() { s.trusting = false }()
	}
	if target != "" {
		if path.Ext(target) == ".toml" {
			files = []string{target}
		} else {
			d := strings.TrimSuffix(target, "/")
			files = []string{d + "/.mise.toml", d + "/mise.toml"}
		}
	}
	s.isolated(func() {
		for _, name := range files {
			s.runFile(name, "strings", f)
		}
	})
}

// adbInstalls marks an APK adb installs from a temporary directory or
// Downloads, which no command of the line made, as code nobody here has
// read (the device runs it); the project's own build is its own.
func (s *state) adbInstalls(words []string) {
	for k := 1; k < len(words); k++ {
		switch words[k] {
		case "-s", "-t", "-H", "-P", "-L":
			k++
			continue
		case "install", "install-multiple", "install-multi-package":
			for _, w := range words[k+1:] {
				if !strings.HasPrefix(w, "-") && path.Ext(w) == ".apk" {
					s.runsScratch(len(s.out)-1, w)
				}
			}
		}
		if !strings.HasPrefix(words[k], "-") {
			return
		}
	}
}

package shell

import (
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/catalog"
)

// Settings whose value is a command line (GIT_SSH_COMMAND, core.pager, a
// "!" git alias, npm's script-shell) are walked as the command the program
// will run, whichever channel sets them: catalog.SettingsOf finds them in a
// command's words, and assignments find them by name (assign).

// walkSettings walks the command lines that the settings a command's words
// make will run. export and its kin are assignments, walked by assign.
func (s *state) walkSettings(f frame, name string, words []string) {
	switch name {
	case "export", "declare", "typeset", "local", "readonly":
		return
	}
	hooks := false
	for _, u := range catalog.SettingsOf(name, words[1:]) {
		if u.Unknown {
			continue
		}
		if name == "git" && strings.EqualFold(u.Key, "core.hooksPath") {
			// Hooks written on the line into the directory are run by
			// the git commands after (runHooks).
			dir := strings.TrimSuffix(s.key(u.Value), "/")
			if u.Persistent {
				s.setVar(hooksKey, dir, true)
			} else {
				s.runHooks(s.viaFrame(f, name), dir)
				hooks = true
			}
		}
		if u.FromEnv != "" {
			v, ok := s.vars[u.FromEnv]
			if !ok || !v.known {
				continue
			}
			u.Value = v.val
		}
		s.walkSetting(s.viaFrame(f, name), u)
	}
	if name == "git" && !hooks && s.files != nil {
		if sub := gitSubcommand(words); sub > 0 && words[sub] != "config" {
			s.runHooks(s.viaFrame(f, name), ".git/hooks")
			if v, ok := s.vars[hooksKey]; ok {
				s.runHooks(s.viaFrame(f, name), v.val)
			}
		}
	}
}

// hooksKey holds, among the line's variables, the hooks directory a git
// config command set on the line.
const hooksKey = "\x00git hooksPath"

// runHooks judges the hook scripts the line wrote into a hooks directory:
// git runs them (pre-commit, pre-push, post-checkout...) as it works.
func (s *state) runHooks(f frame, dir string) {
	if dir == "" || f.depth >= MaxDepth {
		return
	}
	names := make([]string, 0, 4)
	for k := range s.files {
		if strings.HasPrefix(k, dir+"/") {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		text := s.files[k]
		s.runText(text, shebangLang(text), f)
	}
}

// walkSetting walks the command line one setting's value runs, and the
// git settings GIT_CONFIG_KEY_N and GIT_CONFIG_PARAMETERS carry.
// f names the program that runs it, or the variable, in its via.
func (s *state) walkSetting(f frame, u catalog.SettingUse) {
	if f.depth >= MaxDepth {
		return
	}
	switch u.Setting.Does {
	case catalog.ConfigKey:
		n := strings.TrimPrefix(u.Key, "GIT_CONFIG_KEY_")
		if v, ok := s.vars["GIT_CONFIG_VALUE_"+n]; ok && v.known {
			if g, ok := catalog.GitSetting(u.Value+"="+v.val, "GIT_CONFIG_KEY_"+n); ok {
				s.walkSetting(f, g)
			}
		}
		return
	case catalog.ConfigParams:
		kvs, _ := catalog.GitConfigParameters(u.Value)
		for _, kv := range kvs {
			if g, ok := catalog.GitSetting(kv, "GIT_CONFIG_PARAMETERS"); ok {
				s.walkSetting(f, g)
			}
		}
		return
	}
	if cmd, ok := u.CommandLine(); ok {
		s.parseString(cmd, f)
	}
}

// assignedSetting walks the value of an assignment to a listed variable
// (EDITOR='sh -c …' git commit), once the value is known; for an append
// to a value not known, what is appended.
func (s *state) assignedSetting(f frame, name, val string, known bool, added string, addedKnown bool) {
	if !known {
		if !addedKnown || added == "" {
			return
		}
		val = strings.TrimLeft(added, " \t:;&|")
	}
	if val == "" {
		return
	}
	// GIT_CONFIG_VALUE_N names no setting itself: with its key known, the
	// pair is one.
	if n, ok := strings.CutPrefix(name, "GIT_CONFIG_VALUE_"); ok {
		if _, err := strconv.Atoi(n); err == nil {
			if k, ok := s.vars["GIT_CONFIG_KEY_"+n]; ok && k.known {
				if g, ok := catalog.GitSetting(k.val+"="+val, name); ok {
					s.walkSetting(s.viaFrame(f, name), g)
				}
			}
		}
		return
	}
	u, ok := catalog.AssignmentSetting(name+"="+val, "assignment")
	if !ok {
		return
	}
	switch u.Setting.Does {
	case catalog.RunsCommand, catalog.RunsProgram, catalog.Function, catalog.ConfigParams, catalog.ConfigKey, catalog.Options:
		s.walkSetting(s.viaFrame(f, name), u)
	}
}

// refKey prefixes, among the line's variables, the names declare -n made
// references: no variable name holds a NUL.
const refKey = "\x00ref "

// namerefs records the references declare -n, typeset -n, local -n and
// nameref make: "declare -n R=GIT_PAGER; R=x" sets GIT_PAGER.
func (s *state) namerefs(c *syntax.DeclClause) {
	ref := c.Variant.Value == "nameref"
	for _, a := range c.Args {
		if a.Naked && a.Value != nil && len(a.Value.Parts) == 1 {
			if l, ok := a.Value.Parts[0].(*syntax.Lit); ok && strings.HasPrefix(l.Value, "-") && strings.Contains(l.Value, "n") {
				ref = true
			}
		}
	}
	if !ref {
		return
	}
	for _, a := range c.Args {
		if a.Name == nil || a.Value == nil {
			continue
		}
		// The target as the assignment resolved it: a literal (r=HOME) or
		// an expansion the line knows (local -n r=$1 in a function).
		if v, ok := s.vars[a.Name.Value]; ok && v.known && identName(v.val) {
			s.setVar(refKey+a.Name.Value, v.val, true)
		}
	}
}

// derefParam gives the expansion a reference made on the line (declare -n
// r=HOME) stands for: $r and ${r:-x} read the variable it names. It is p
// itself when p names no reference (the common case: nothing allocated).
func (s *state) derefParam(p *syntax.ParamExp) *syntax.ParamExp {
	if p.Param == nil || p.Excl || len(s.vars) == 0 {
		return p
	}
	v, ok := s.vars[refKey+p.Param.Value]
	if !ok || v.val == p.Param.Value {
		return p
	}
	q := *p
	q.Param = &syntax.Lit{ValuePos: p.Param.ValuePos, ValueEnd: p.Param.ValueEnd, Value: v.val}
	return &q
}

// refName is the variable an assignment to name sets: name, or what a
// reference made on the line points to.
func (s *state) refName(name string) string {
	if s.vars == nil {
		return name
	}
	if v, ok := s.vars[refKey+name]; ok {
		return v.val
	}
	return name
}

// settingName reports whether an assignment to name is a listed setting,
// which a bare assignment reports as a command of its own.
func settingName(name string) bool {
	return catalog.LookupSetting("env", name) != nil
}

// walkConfigFile walks the commands the settings written to a tool's
// configuration file on the line will run.
func (s *state) walkConfigFile(f frame, name string) {
	text, ok := s.files[s.key(name)]
	if !ok {
		return
	}
	for _, u := range catalog.ConfigFileSettings(name, text) {
		s.walkSetting(s.viaFrame(f, name), u)
	}
}

// settingRuns reports whether a command's words make a setting whose value
// is a command line to walk: only then does the fast path hand the command
// to emitWords for its settings.
func settingRuns(name string, words []string) bool {
	if !catalog.HasSettingChannel(name) {
		return false
	}
	for _, u := range catalog.SettingsOf(name, words[1:]) {
		if _, ok := u.CommandLine(); ok {
			return true
		}
	}
	return false
}

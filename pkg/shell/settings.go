package shell

import (
	"strconv"
	"strings"

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
	for _, u := range catalog.SettingsOf(name, words[1:]) {
		if u.FromEnv != "" {
			v, ok := s.vars[u.FromEnv]
			if !ok || !v.known {
				continue
			}
			u.Value = v.val
		}
		s.walkSetting(viaFrame(f, name), u)
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
// (EDITOR='sh -c …' git commit), once the value is known.
func (s *state) assignedSetting(f frame, name, val string) {
	// GIT_CONFIG_VALUE_N names no setting itself: with its key known, the
	// pair is one.
	if n, ok := strings.CutPrefix(name, "GIT_CONFIG_VALUE_"); ok {
		if _, err := strconv.Atoi(n); err == nil {
			if k, ok := s.vars["GIT_CONFIG_KEY_"+n]; ok && k.known {
				if g, ok := catalog.GitSetting(k.val+"="+val, name); ok {
					s.walkSetting(viaFrame(f, name), g)
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
	case catalog.RunsCommand, catalog.RunsProgram, catalog.ConfigParams, catalog.ConfigKey:
		s.walkSetting(viaFrame(f, name), u)
	}
}

// settingName reports whether an assignment to name is a listed setting,
// which a bare assignment reports as a command of its own.
func settingName(name string) bool {
	return catalog.LookupSetting("env", name) != nil
}

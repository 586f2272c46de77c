package engine

import (
	"strings"

	"gopkg.in/yaml.v3"
	"rampart.dev/pkg/internal/table"
)

// go-task expands its Go templates in a task's commands before the shell
// sees them: rm -rf {{.HOME}} removes the home directory, since every
// environment variable is a template variable, and {{.TARGET}} is what
// the file's vars: say (a string, or the output of sh:). The command
// lines of a Taskfile are judged with the templates put in: a variable
// the file defines is its value (a sh: one the command substitution that
// gives it), the directories go-task names itself (ROOT_DIR,
// TASKFILE_DIR, USER_WORKING_DIR, TASK_DIR) are the project's, and any
// other is the environment's ${NAME}.

// taskfileDefs returns the variables a Taskfile defines in its vars:
// and its tasks' vars:, each as the shell text that gives its value.
func taskfileDefs(content string) map[string]string {
	var doc struct {
		Vars  map[string]any `yaml:"vars"`
		Env   map[string]any `yaml:"env"`
		Tasks map[string]struct {
			Vars map[string]any `yaml:"vars"`
		} `yaml:"tasks"`
	}
	if yaml.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	defs := map[string]string{}
	put := func(m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				defs[k] = v
			case int, float64, bool:
				defs[k] = yamlScalar(v)
			case map[string]any:
				if sh, ok := v["sh"].(string); ok {
					defs[k] = "$(" + sh + ")"
				} else if ref, ok := v["ref"].(string); ok {
					defs[k] = "{{" + ref + "}}" // ref: .BASE, another variable's value
				}
			}
		}
	}
	put(doc.Env)
	put(doc.Vars)
	for _, t := range doc.Tasks {
		put(t.Vars)
	}
	return defs
}

// yamlScalar is a YAML number's or boolean's text.
func yamlScalar(v any) string {
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

// taskfileExpand writes the templates {{.NAME}} of a Taskfile's command
// line l as the shell receives them.
func taskfileExpand(l string, defs map[string]string) string {
	return taskfileExpandIn(l, defs, 0)
}

// taskfileExpandIn is taskfileExpand, depth values deep (a variable's value
// may hold templates of its own: TARGET_DIR: '{{.HOME}}'). An action is
// read as go-task's templates run it: a variable (.NAME), a string, or a
// call of env, joinPath, default, printf or print on those; a template
// variable set on the line ({{$u := "…"}}) is its value where used, and
// an action nobody here reads stays as written.
func taskfileExpandIn(l string, defs map[string]string, depth int) string {
	if !strings.Contains(l, "{{") {
		return l
	}
	locals := map[string]string{}
	return taskAction.Get().ReplaceAllStringFunc(l, func(r string) string {
		inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(r[2:len(r)-2], "-"), "-"))
		toks := templateTokens(inner)
		if len(toks) >= 3 && strings.HasPrefix(toks[0], "$") && (toks[1] == ":=" || toks[1] == "=") {
			if v, ok := templateCall(toks[2:], defs, locals, depth); ok {
				locals[toks[0]] = v
			}
			return ""
		}
		if v, ok := templateCall(toks, defs, locals, depth); ok {
			return v
		}
		return r
	})
}

// templateCall evaluates an action's words (see taskfileExpandIn).
func templateCall(toks []string, defs, locals map[string]string, depth int) (string, bool) {
	if len(toks) == 0 {
		return "", false
	}
	args := make([]string, 0, len(toks))
	for _, t := range toks[1:] {
		v, ok := templateValue(t, defs, locals, depth)
		if !ok {
			return "", false
		}
		args = append(args, v)
	}
	switch toks[0] {
	case "env":
		if len(toks) == 2 && strings.HasPrefix(toks[1], `"`) {
			return "${" + strings.Trim(toks[1], `"`) + "}", true
		}
	case "joinPath":
		return strings.Join(args, "/"), len(args) > 0
	case "print":
		return strings.Join(args, ""), true
	case "default":
		if len(args) == 2 {
			if strings.HasPrefix(args[1], "${") {
				return args[0], true // not set by the file: the default
			}
			return args[1], true
		}
	case "printf":
		if len(args) >= 1 {
			out, rest := args[0], args[1:]
			for _, a := range rest {
				i := strings.Index(out, "%")
				if i < 0 || i+1 >= len(out) {
					break
				}
				out = out[:i] + a + out[i+2:]
			}
			return out, true
		}
	}
	if len(toks) == 1 {
		return templateValue(toks[0], defs, locals, depth)
	}
	return "", false
}

// templateValue is one word of an action: .NAME (the file's variable, a
// directory go-task names itself, else the environment's ${NAME}), a
// quoted string, or a template variable set on the line.
func templateValue(t string, defs, locals map[string]string, depth int) (string, bool) {
	switch {
	case strings.HasPrefix(t, `"`) && strings.HasSuffix(t, `"`) && len(t) >= 2:
		return t[1 : len(t)-1], true
	case strings.HasPrefix(t, "$"):
		v, ok := locals[t]
		return v, ok
	case strings.HasPrefix(t, ".") && len(t) > 1 && isTemplateName(t[1:]):
		name := t[1:]
		if v, ok := defs[name]; ok && depth < 3 {
			return taskfileExpandIn(v, defs, depth+1), true
		}
		switch name {
		case "ROOT_DIR", "TASKFILE_DIR", "USER_WORKING_DIR", "TASK_DIR":
			return ".", true
		}
		return "${" + name + "}", true
	}
	return "", false
}

// isTemplateName reports a variable's name: letters, digits, underscores.
func isTemplateName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '_' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// templateTokens splits an action at blanks, keeping quoted strings whole.
func templateTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case s[i] == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, s[i:min(j+1, len(s))])
			i = j + 1
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

var taskAction = table.Regexp{Expr: `\{\{.*?\}\}`}

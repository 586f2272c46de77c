package engine

import (
	"regexp"
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
// may hold templates of its own: TARGET_DIR: '{{.HOME}}').
func taskfileExpandIn(l string, defs map[string]string, depth int) string {
	if !strings.Contains(l, "{{") {
		return l
	}
	return taskTemplate.Get().ReplaceAllStringFunc(l, func(r string) string {
		name := taskTemplate.Get().FindStringSubmatch(r)[1]
		if v, ok := defs[name]; ok && depth < 3 {
			return taskfileExpandIn(v, defs, depth+1)
		}
		switch name {
		case "ROOT_DIR", "TASKFILE_DIR", "USER_WORKING_DIR", "TASK_DIR":
			return "."
		}
		return "${" + name + "}"
	})
}

var taskTemplate = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}`)
}}

package engine

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/internal/table"
)

// Files that hand commands to another machine or session to run later:
// a Vagrantfile's shell provisioners (run in the VM at vagrant up or
// provision), cloud-init's runcmd and bootcmd (run by a new instance at
// boot), a tmuxinator or tmuxp project's hooks and panes (typed into the
// tmux session it starts). Their lines are judged on request
// (requestedkeep.go): what would be denied typed counts, as a curl | sh of
// a stranger's host in a provisioner does.

// vagrantInlineLines returns the inline scripts of a Vagrantfile's shell
// provisioners and triggers: inline: "…", inline: '…' and inline: <<-SHELL
// … SHELL.
func vagrantInlineLines(content string) []string {
	var out []string
	for _, m := range vagrantInline.Get().FindAllStringSubmatchIndex(content, maxAutoRunLines) {
		switch {
		case m[2] >= 0:
			out = append(out, strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(content[m[2]:m[3]]))
		case m[4] >= 0:
			out = append(out, content[m[4]:m[5]])
		case m[6] >= 0:
			if body, ok := rubyHeredoc(content[m[1]:], content[m[6]:m[7]]); ok {
				out = append(out, body)
			}
		}
	}
	return out
}

var vagrantInline = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`inline:\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|<<[-~]?['"]?(\w+)['"]?)`)
}}

// rubyHeredoc returns the body of a Ruby here-document that starts after
// its opening line and ends at a line holding only tag.
func rubyHeredoc(rest, tag string) (string, bool) {
	_, rest, ok := strings.Cut(rest, "\n")
	if !ok {
		return "", false
	}
	var body []string
	for _, l := range strings.Split(rest, "\n") {
		if strings.TrimSpace(l) == tag {
			return strings.Join(body, "\n"), true
		}
		body = append(body, l)
	}
	return "", false
}

// cloudInitLines returns a cloud-config's runcmd and bootcmd entries: a
// string is a command line, a list an argv.
func cloudInitLines(content string) []string {
	var doc map[string]any
	if yaml.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	var out []string
	for _, key := range []string{"bootcmd", "runcmd"} {
		list, _ := doc[key].([]any)
		for _, item := range list {
			switch x := item.(type) {
			case string:
				out = append(out, x)
			case []any:
				var argv []string
				for _, a := range x {
					if s, ok := a.(string); ok {
						argv = append(argv, s)
					}
				}
				out = append(out, quoteArgv(argv))
			}
		}
	}
	return out
}

// cloudInitFile reports a cloud-init user-data file by its name.
func cloudInitFile(_, base, _ string) bool {
	b := strings.ToLower(base)
	return strings.Contains(b, "user-data") || strings.Contains(b, "userdata") || strings.Contains(b, "cloud-init") || strings.Contains(b, "cloud-config")
}

// tmuxProjectLines returns what a tmuxinator or tmuxp project types into
// the session it starts: every string value except the few keys that name
// the session, its windows, layout and directories.
func tmuxProjectLines(content string) []string {
	var doc any
	if yaml.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	return appendTmuxProjectLines(nil, doc, "", 0)
}

func appendTmuxProjectLines(dst []string, v any, key string, depth int) []string {
	if depth > 16 || len(dst) > maxAutoRunLines {
		return dst
	}
	switch x := v.(type) {
	case string:
		if !tmuxProjectDataKeys.Get(strings.ToLower(key)) && strings.TrimSpace(x) != "" {
			dst = append(dst, x)
		}
	case []any:
		for _, item := range x {
			dst = appendTmuxProjectLines(dst, item, key, depth+1)
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			dst = appendTmuxProjectLines(dst, x[k], k, depth+1)
		}
	}
	return dst
}

// tmuxProjectDataKeys are the keys of a tmuxinator or tmuxp project whose
// values are names, layouts, directories and options, not commands.
var tmuxProjectDataKeys = table.Map[string, bool]{Words: "name root layout socket_name session_name window_name start_directory startup_window startup_pane " +
	"tmux_options attach focus enable_pane_titles pane_title_format pane_title_position project_name options options_after global_options environment " +
	"window_index pane_index suppress_history tmux_command socket_path"}

// tmuxProjectFile reports a tmuxinator or tmuxp project file.
func tmuxProjectFile(p, base, _ string) bool {
	switch strings.ToLower(base) {
	case ".tmuxinator.yml", ".tmuxinator.yaml", ".tmuxp.yml", ".tmuxp.yaml", ".tmuxp.json":
		return true
	}
	return strings.Contains(p, "/.config/tmuxinator/") || strings.Contains(p, "/.tmuxinator/") || strings.Contains(p, "/.config/tmuxp/") || strings.Contains(p, "/.tmuxp/")
}

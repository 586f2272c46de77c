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
// provisioners and triggers, and the scripts they run by path: inline:
// "…", '…', %q(…), %Q{…} and <<-SHELL … SHELL, a variable assigned a
// here-document (inline: $script, the usual idiom), the block form's
// s.inline = "…", and a path: or s.path = that is a URL (Vagrant downloads
// it and runs it in the VM: a download piped to a shell).
func vagrantInlineLines(content string) []string {
	var out []string
	heredocs := map[string]string{} // $script = <<-SCRIPT … SCRIPT
	for _, m := range vagrantHeredocVar.Get().FindAllStringSubmatchIndex(content, maxAutoRunLines) {
		if body, ok := rubyHeredoc(content[m[1]:], content[m[4]:m[5]]); ok {
			heredocs[content[m[2]:m[3]]] = body
		}
	}
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
		case m[8] >= 0 || m[10] >= 0 || m[12] >= 0:
			for g := 8; g <= 12; g += 2 {
				if m[g] >= 0 {
					out = append(out, content[m[g]:m[g+1]]) // %q(…), %Q{…}, %[…]: the text up to its closing bracket
				}
			}
		case m[14] >= 0:
			if body, ok := heredocs[content[m[14]:m[15]]]; ok {
				out = append(out, body)
			}
		}
	}
	for _, m := range vagrantPathURL.Get().FindAllStringSubmatch(content, maxAutoRunLines) {
		out = append(out, scriptSourceLine(m[1])) // remoteexecbodies.go
	}
	return out
}

var vagrantInline = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:inline:|\.inline\s*=)\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|<<[-~]?['"]?(\w+)['"]?|%[qQ]?(?:\(([^)]*)\)|\{([^}]*)\}|\[([^\]]*)\])|(\$?[A-Za-z_]\w*))`)
}}

// vagrantHeredocVar finds a variable assigned a here-document ($script =
// <<-SCRIPT): its name and the tag that ends it.
var vagrantHeredocVar = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(\$?[A-Za-z_]\w*)\s*=\s*<<[-~]?['"]?(\w+)['"]?`)
}}

// vagrantPathURL finds a provisioner's or trigger's script given by a URL
// (path: "https://…", s.path = "https://…").
var vagrantPathURL = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:path:|\.path\s*=)\s*["'](https?://[^"']+)["']`)
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

// cloudInitLines returns what a user-data file runs at boot: a
// cloud-config's runcmd and bootcmd entries (a string is a command line, a
// list an argv) and its write_files (each a file written with its
// content), a shell script's text (#!), an include file's URLs (#include:
// each fetched and run), and the shell-script parts of a MIME multipart
// file.
func cloudInitLines(content string) []string {
	switch {
	case strings.HasPrefix(content, "#!"):
		return []string{content}
	case strings.HasPrefix(content, "#include"):
		var out []string
		for _, l := range strings.Split(content, "\n")[1:] {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				out = append(out, scriptSourceLine(l)) // remoteexecbodies.go
			}
		}
		return out
	case strings.HasPrefix(strings.ToLower(content), "content-type: multipart/"):
		return userDataParts(content)
	}
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
	files, _ := doc["write_files"].([]any)
	for _, item := range files {
		wf, _ := item.(map[string]any)
		p, _ := wf["path"].(string)
		c, _ := wf["content"].(string)
		if p != "" && c != "" {
			out = append(out, "printf '%s\\n' "+shellQuote(c)+" > "+shellQuote(p))
		}
	}
	return out
}

// userDataParts returns the parts of a MIME multipart user-data file that
// run at boot: a shell script's text, a cloud-config's lines.
func userDataParts(content string) []string {
	var out []string
	for _, part := range strings.Split(content, "\n--")[1:] {
		head, body, ok := strings.Cut(part, "\n\n")
		if !ok {
			continue
		}
		if i := strings.Index(body, "\n--"); i >= 0 {
			body = body[:i]
		}
		switch h := strings.ToLower(head); {
		case strings.Contains(h, "text/x-shellscript"), strings.Contains(h, "text/cloud-boothook"):
			out = append(out, body)
		case strings.Contains(h, "text/cloud-config"), strings.Contains(h, "text/x-include-url"):
			out = append(out, cloudInitLines(body)...)
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

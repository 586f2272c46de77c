package engine

import (
	"encoding/json"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A provisioner's command need not be one literal: it may name a local
// (command = local.c, with c = "…" in a locals block), join literals
// (join(" ", ["curl …", "|", "sh"])) or format them (format("%s | sh",
// "curl …")), and Terraform's JSON spelling (main.tf.json) writes the same
// blocks as JSON. These read such values as the lines they make; only what
// would be denied outright counts of the extra strings a file holds, as of
// any line a file run on request spells.

// hclRunKeys are the keys whose value a tool runs: a provisioner's command
// and inline lines, an external data source's program, a Terragrunt
// hook's execute.
var hclRunKeys = table.Map[string, bool]{Words: "command inline program execute"}

// hclRunsSomething reports a file with a block that runs commands, whose
// other strings a command may name.
func hclRunsSomething(content string) bool {
	for _, m := range [...]string{"local-exec", "remote-exec", "shell-local", "\"external\"", "_hook", "provisioner"} {
		if strings.Contains(content, m) {
			return true
		}
	}
	return false
}

// hclValueLines returns the strings of an attribute's value that read as a
// command of a program the catalogue knows (c = "curl … | sh"), not names
// and settings (environment = "production").
func hclValueLines(v string) []string {
	var out []string
	for _, s := range tomlStrings(v) { // autorunlater.go
		if strings.Contains(s, " ") && knownProgramLine(s) { // agentfiles.go
			out = append(out, s)
		}
	}
	return out
}

// hclCall reports a value that calls join or format.
func hclCall(v string) bool {
	return strings.HasPrefix(v, "join(") || strings.HasPrefix(v, "format(")
}

// hclCallValue evaluates join(SEP, [LITERALS]) and format(FMT, LITERALS…)
// of string literals to the string they make.
func hclCallValue(v string) string {
	lits := tomlStrings(v)
	if len(lits) == 0 {
		return ""
	}
	if strings.HasPrefix(v, "join(") {
		return strings.Join(lits[1:], lits[0])
	}
	out := lits[0]
	for _, a := range lits[1:] {
		out = strings.Replace(out, "%s", a, 1)
	}
	return out
}

// hclJSONCommandLines returns the command lines of Terraform's JSON
// spelling: each string, or list of strings, under a key of hclRunKeys,
// at any depth (a program's list is one argv).
func hclJSONCommandLines(content string) []string {
	var doc any
	if json.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 32 || len(out) > maxAutoRunLines {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				if hclRunKeys.Get(k) {
					switch y := c.(type) {
					case string:
						out = append(out, y)
						continue
					case []any:
						if words, ok := strings_(c); ok { // mcp.go
							if k == "program" || k == "execute" {
								out = append(out, quoteArgv(words))
							} else {
								out = append(out, words...)
							}
							continue
						}
					}
				}
				walk(c, depth+1)
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1)
			}
		}
	}
	walk(doc, 0)
	return out
}

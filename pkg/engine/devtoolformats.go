package engine

import (
	"encoding/json"
	"strings"
)

// devboxLines returns the command lines devbox.json's shell runs: its
// init_hook, run whenever devbox shell or devbox run starts, and its
// scripts, run by name (devbox run test). Each is a string or a list of
// strings, one command line a string.
func devboxLines(content string) []string {
	var doc struct {
		Shell struct {
			InitHook json.RawMessage            `json:"init_hook"`
			Scripts  map[string]json.RawMessage `json:"scripts"`
		} `json:"shell"`
	}
	if json.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	out := stringOrList(doc.Shell.InitHook)
	for _, s := range doc.Shell.Scripts {
		out = append(out, stringOrList(s)...)
	}
	return out
}

// stringOrList reads a JSON value that is a string or a list of strings.
func stringOrList(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	return nil
}

// distroboxHookLines returns the command lines a distrobox assemble
// manifest's boxes run inside the container, which shares the home:
// their init_hooks and pre_init_hooks, a quoted value each.
func distroboxHookLines(content string) []string {
	var out []string
	for l := range strings.SplitSeq(content, "\n") {
		k, v, ok := strings.Cut(l, "=")
		if k = strings.TrimSpace(k); !ok || k != "init_hooks" && k != "pre_init_hooks" {
			continue
		}
		if v = strings.TrimSpace(v); len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		out = append(out, v)
	}
	return out
}

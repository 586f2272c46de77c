package engine

import (
	"encoding/json"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// An agent's settings file edited by a filter of the file itself, its
// output put back in the file's place (jq '.theme = "light"' F > /tmp/s
// && mv /tmp/s F, jq … F | sponge F, sed 's/"model": "a"/"model": "b"/'
// F > T && cp T F, yq -i '.GOOSE_MODE = "auto"' F): the file keeps what it
// held, changed only by what the filter says. The change alone is read as
// the settings are (agentsettings.go), with the hook the file holds
// untouched: a theme or a model is inert, a permission mode turned down
// asks, a command it now runs is judged. A filter that reaches the hooks,
// or one this reading cannot follow, leaves the write judged by its path.

// editors are the programs whose filter of a file this file reads.
var editors = table.Map[string, bool]{Words: "jq gojq yq sed gsed"}

// editHelpers are the other commands such a line may hold: the temporary
// file made, moved, copied or written back, and a look at the result.
var editHelpers = table.Map[string, bool]{Words: `mv cp install cat dd rsync
	sponge tee mktemp cd diff rm chmod`}

// hookKeys are the settings keys that hold or switch the hooks: a filter
// that names one is not read here.
var hookKeys = []string{"hook", "rampart", "disableallhooks", "allowmanagedhooksonly"}

// agentEdit returns the change a line's filter makes to the agent
// settings file p, as settings text of the file's format, when the line
// only filters p and puts the result back.
func (ev *evaluation) agentEdit(res *shell.Result, p string) (string, bool) {
	home := ev.e.env.Home
	f := agentFileOf(p, home)
	if f == nil || !f.primary || f.format == 's' {
		return "", false
	}
	delta := ""
	var ed *shell.Command
	for i := range res.Commands {
		c := &res.Commands[i]
		switch {
		case editors.Get(c.Name) && c.Depth == 0 && len(c.Via) == 0:
			if ed != nil || !ev.filters(c, p) {
				return "", false
			}
			d, ok := editDelta(c, f.format)
			if !ok {
				return "", false
			}
			delta, ed = d, c
		case editHelpers.Get(c.Name) && (c.Depth == 0 || c.Name == "mktemp"):
		default:
			return "", false
		}
	}
	if ed == nil || !ev.editOutputOnly(res, ed, p) {
		return "", false // agenteditflow.go: what lands on p is the filter's output
	}
	return delta, true
}

// filters reports an editor command that reads p: as an operand, or on
// its standard input.
func (ev *evaluation) filters(c *shell.Command, p string) bool {
	home := ev.e.env.Home
	for _, w := range c.Args {
		if !strings.HasPrefix(w, "-") && match.CleanPath(w, ev.c.Cwd, home) == p {
			return true
		}
	}
	for _, r := range c.Redirects {
		if r.Op == "<" && match.CleanPath(r.Target, ev.c.Cwd, home) == p {
			return true
		}
	}
	return false
}

// editDelta reads an editor's filter as the settings it sets.
func editDelta(c *shell.Command, format byte) (string, bool) {
	switch c.Name {
	case "sed", "gsed":
		return sedDelta(c.Args, format)
	}
	return jqDelta(c.Args, format)
}

// sedDelta reads one s command's replacement as the settings it writes
// (s/"theme": "dark"/"theme": "light"/ sets "theme": "light").
func sedDelta(args []string, format byte) (string, bool) {
	script := ""
	files := 0
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-e" && k+1 < len(args) && script == "":
			script, k = args[k+1], k+1
		case sedEditFlag(w) || strings.HasPrefix(w, "--in-place") || w == "--regexp-extended" || w == "--posix":
		case strings.HasPrefix(w, "-") && len(w) > 1:
			return "", false // -n, -f, -z, -s, a second -e: not one substitution of the file's lines
		case script == "":
			script = w
		default:
			files++
		}
	}
	if len(script) < 4 || script[0] != 's' || files > 1 || mentionsHooks(script) {
		return "", false
	}
	parts := strings.Split(script[2:], script[1:2])
	if len(parts) != 3 || strings.Trim(parts[2], "gI0123456789") != "" {
		return "", false // more than one command, or a flag that runs or writes (e, w)
	}
	repl := parts[1]
	if strings.ContainsAny(repl, "\\\n&") {
		return "", false // an escape (\n, \u0068) or the match put back: more than the text shown
	}
	// s/// may match anywhere in the file, inside a hook's entry too: only
	// a replacement that names a known display or model key is read
	k, _, ok := strings.Cut(repl, ":")
	if format != 'j' {
		k, _, ok = strings.Cut(repl, "=")
		if !ok {
			k, _, ok = strings.Cut(repl, ":")
		}
	}
	if !ok || !sedKeys.Get(strings.Trim(strings.TrimSpace(k), `"'`)) || !sedPatternOfKey(parts[0], strings.TrimSpace(k)) {
		return "", false
	}
	switch format {
	case 'j':
		var one map[string]any
		if json.Unmarshal([]byte("{"+repl+"}"), &one) != nil || len(one) != 1 {
			return "", false // more keys than the one the pattern names
		}
		return "{" + repl + "}", true
	case 't', 'y':
		return repl + "\n", true
	}
	return "", false
}

// sedEditFlag reports sed's short options that keep one substitution of
// the file's lines: -E, -r, -i (its backup suffix after it), and those
// run together (-Ei, -ri.bak).
func sedEditFlag(w string) bool {
	if !strings.HasPrefix(w, "-") || strings.HasPrefix(w, "--") || len(w) < 2 {
		return false
	}
	flags, _, _ := strings.Cut(w[1:], "i")
	return strings.Trim(flags, "Er") == ""
}

// sedPatternOfKey reports a sed pattern that matches only the key the
// replacement sets, with its value: it starts with the key as the
// replacement spells it, and the rest is literal text or a quoted
// value's [^"]* (s/"theme": "[^"]*"/…/), so that it cannot reach past
// the key's own value into a hook's entry (s/"command": "[^"]*"/…/,
// s/.*/…/, s/"theme": .*/…/ on a one-line file).
func sedPatternOfKey(pat, key string) bool {
	pat = strings.TrimPrefix(pat, "^")
	pat = strings.TrimLeft(pat, " \t")
	rest, ok := strings.CutPrefix(pat, key)
	if !ok {
		return false
	}
	rest = strings.ReplaceAll(rest, `[^"]*`, "")
	return !strings.ContainsAny(rest, `.*[]\^$+?{}|()`)
}

// sedKeys are the settings a sed replacement may set and still be read:
// the agents' display, model and housekeeping keys, which mean the same
// wherever in the file the replacement lands.
var sedKeys = table.Map[string, bool]{Words: `theme model verbose includeCoAuthoredBy cleanupPeriodDays
	outputStyle language editorMode autoUpdates model_reasoning_effort preferredNotifChannel`}

// jqDelta reads a jq or yq filter that sets, adds or deletes keys outside
// the hooks as a JSON document of what it sets (.model = "opus" sets
// {"model":"opus"}); identity (jq -S .) sets nothing.
func jqDelta(args []string, format byte) (string, bool) {
	vars := map[string]string{}
	filter, have, files := "", false, 0
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case (w == "--arg" || w == "--argjson") && k+2 < len(args):
			v := args[k+2]
			if w == "--arg" {
				b, _ := json.Marshal(v)
				v = string(b)
			}
			vars["$"+args[k+1]] = v
			k += 2
		case w == "--indent" || w == "-I" && k+1 < len(args) && strings.Trim(args[k+1], "0123456789") == "":
			k++
		case strings.HasPrefix(w, "-") && len(w) > 1:
			if !outputOption(w) {
				return "", false // -n, --slurpfile, -f, -C, -R, --args: not the file's text set by the filter
			}
		case !have && (w == "eval" || w == "e"):
		case !have:
			filter, have = w, true
		default:
			files++
		}
	}
	if !have || files > 1 || mentionsHooks(filter) {
		return "", false // more than one file: their texts run together
	}
	filter = strings.TrimSpace(filter)
	if filter == "." {
		return "{}", true
	}
	out := map[string]any{}
	for _, part := range jqSteps(filter) {
		if !jqSet(strings.TrimSpace(part), vars, out) {
			return "", false
		}
	}
	b, err := json.Marshal(out)
	if err != nil || mentionsHooks(string(b)) {
		return "", false // a value given by --argjson that names the hooks
	}
	if format == 't' {
		return "", false // a TOML file is not edited by jq
	}
	return string(b), true
}

// outputOption reports a jq or yq option that changes only how the
// filter's result is laid out (-S, -c, --tab, -M) or that yq edits in
// place (-i): the result is still the file's own text with the change.
// Any other (-n null input, -s, -R, -f, --args, -C colours, -o another
// format) is not read.
func outputOption(w string) bool {
	switch w {
	case "--tab", "--sort-keys", "--compact-output", "--raw-output", "--ascii-output", "--monochrome-output", "--exit-status",
		"--join-output", "--inplace", "--in-place":
		return true
	}
	if strings.HasPrefix(w, "--") {
		return false
	}
	return strings.Trim(w[1:], "ScraejMi") == ""
}

// jqSteps splits a filter at its pipes (not |=, not inside strings).
func jqSteps(filter string) []string {
	var out []string
	start, quote := 0, false
	for i := 0; i < len(filter); i++ {
		switch c := filter[i]; {
		case c == '\\' && quote:
			i++
		case c == '"':
			quote = !quote
		case c == '|' && !quote && (i+1 >= len(filter) || filter[i+1] != '='):
			out = append(out, filter[start:i])
			start = i + 1
		}
	}
	return append(out, filter[start:])
}

// jqSet reads one filter step into out: PATH = VALUE (|=, +=), . + OBJECT,
// . * OBJECT or del(PATH).
func jqSet(step string, vars map[string]string, out map[string]any) bool {
	if inner, ok := strings.CutPrefix(step, "del("); ok && strings.HasSuffix(inner, ")") {
		_, ok := jqPath(strings.TrimSuffix(inner, ")"))
		return ok // a key outside the hooks removed: nothing set
	}
	for _, op := range []string{"|=", "+=", "="} {
		lhs, rhs, ok := strings.Cut(step, op)
		if !ok {
			continue
		}
		lhs, rhs = strings.TrimSpace(lhs), strings.TrimSpace(rhs)
		if lhs == "." && (op == "=" || op == "+=") {
			return false
		}
		if lhs == "." || lhs == "" {
			continue
		}
		keys, ok := jqPath(lhs)
		if !ok {
			return false
		}
		v, ok := jqValue(rhs, vars)
		if !ok {
			return false
		}
		m := out
		for _, k := range keys[:len(keys)-1] {
			n, _ := m[k].(map[string]any)
			if n == nil {
				n = map[string]any{}
				m[k] = n
			}
			m = n
		}
		m[keys[len(keys)-1]] = v
		return true
	}
	for _, op := range []string{". +", ". *", ".+", ".*"} {
		if rest, ok := strings.CutPrefix(step, op); ok {
			v, ok := jqValue(strings.TrimSpace(rest), vars)
			obj, isObj := v.(map[string]any)
			if !ok || !isObj {
				return false
			}
			for k, x := range obj {
				out[k] = x
			}
			return true
		}
	}
	return false
}

// jqPath reads .a.b."c.d" as its keys.
func jqPath(p string) ([]string, bool) {
	if !strings.HasPrefix(p, ".") {
		return nil, false
	}
	var keys []string
	for rest := p; rest != ""; {
		if rest[0] != '.' {
			return nil, false
		}
		rest = rest[1:]
		if strings.HasPrefix(rest, `"`) {
			e := strings.IndexByte(rest[1:], '"')
			if e < 0 {
				return nil, false
			}
			// the key as jq reads it ("ho\u006fks" is hooks)
			var k string
			if json.Unmarshal([]byte(rest[:e+2]), &k) != nil || mentionsHooks(k) {
				return nil, false
			}
			keys, rest = append(keys, k), rest[e+2:]
			continue
		}
		e := strings.IndexByte(rest, '.')
		if e < 0 {
			e = len(rest)
		}
		k := rest[:e]
		if k == "" || strings.ContainsAny(k, "[]()|$ ,{}") {
			return nil, false
		}
		keys, rest = append(keys, k), rest[e:]
	}
	return keys, len(keys) > 0
}

// jqValue reads a literal JSON value or a variable given on the line.
func jqValue(s string, vars map[string]string) (any, bool) {
	if v, ok := vars[s]; ok {
		s = v
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, false
	}
	return v, true
}

// mentionsHooks reports filter text that names the hooks or what switches
// them.
func mentionsHooks(s string) bool {
	l := strings.ToLower(s)
	for _, k := range hookKeys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// judgeAgentEdit judges the change delta a line's filter makes to the
// agent settings file p, the hooks it holds untouched: as a write of
// settings that keep the hook, read for what the change itself does.
func (ev *evaluation) judgeAgentEdit(p, delta string) {
	home := ev.e.env.Home
	f := agentFileOf(p, home)
	g := *f
	g.guard = nil // the hooks are the file's own, untouched
	r := readAgentSettings(&g, delta, home)
	ef := effectAgentSettings
	if r.parsed && r.inert() {
		ef = "write:content-judged"
	}
	if len(r.off) > 0 || !r.parsed {
		ev.judgeEffect(effect.Effect{Kind: effect.Write, Cmd: -1, Path: p}, call.ToolExec)
		return
	}
	s := subject{tool: call.ToolWrite, text: p, path: p, effect: ef}
	if ev.judge(&s); ev.denied() {
		return
	}
	ev.judgeAgentSettingsAs(&g, p, delta)
}

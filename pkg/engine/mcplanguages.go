package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// The languages an MCP tool's code may be in, and the one-liner that runs
// each, so code given to a tool is judged as that interpreter's -e would
// be (the shell package reads each language's calls). The language is the
// one an argument names ({"language": "lua"}, {"type": "shell", "value":
// …}), else the one the tool's or server's name does (eval_r, julia_eval,
// run_typescript on a deno server; AppleScript for a server that drives
// macOS's applications, macos-automator), else a file's extension ({"files":
// [{"path": "main.sh", "content": …}]}). A language with no one-liner
// (Go, Rust) is left to the code's own look (codeLine).

// languageInterpreters maps a language's names to the one-liner prefix
// that runs its code.
var languageInterpreters = table.Map[string, string]{Build: func() map[string]string {
	m := map[string]string{}
	for prefix, names := range map[string]string{
		"python3 -c":                 "python python3 py ipython",
		"node -e":                    "javascript js node nodejs typescript ts mjs cjs",
		"deno eval":                  "deno",
		"ruby -e":                    "ruby rb",
		"perl -e":                    "perl pl",
		"php -r":                     "php",
		"lua -e":                     "lua luajit",
		"Rscript -e":                 "r rscript rlang",
		"pwsh -Command":              "powershell pwsh ps1 posh",
		"julia -e":                   "julia jl",
		"elixir -e":                  "elixir ex exs",
		"groovy -e":                  "groovy",
		"raku -e":                    "raku perl6",
		"osascript -e":               "applescript osascript",
		"osascript -l JavaScript -e": "jxa",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = prefix
		}
	}
	return m
}}

// interpreterFor is the one-liner prefix that runs code of a language.
func interpreterFor(lang string) string { return languageInterpreters.Get(lang) }

// knownLanguage reports a language code can be judged in: a shell's, or
// one with a one-liner.
func knownLanguage(lang string) bool {
	return shellLanguages.Get(lang) || languageInterpreters.Get(lang) != ""
}

// nameLanguage returns the language a tool's name, else its server's,
// names (eval_r, julia_eval, run_powershell; a deno server's run), or "".
// The short names (r, ts, py, pl) count only in the tool's own name.
func nameLanguage(tool, server string) string {
	if hasWord(ToolWords(tool), "deno") || hasWord(ToolWords(server), "deno") {
		return "deno" // TypeScript run by Deno: its own API (Deno.remove) too
	}
	for _, w := range ToolWords(tool) {
		if knownLanguage(w) {
			return w
		}
	}
	for _, w := range ToolWords(server) {
		if len(w) > 2 && knownLanguage(w) {
			return w
		}
	}
	if macAutomation(tool) || macAutomation(server) {
		// macos-automator's execute_script: AppleScript unless an
		// argument names JavaScript
		return "applescript"
	}
	return ""
}

// extensionLanguage returns the language a file name's extension says
// (main.sh, job.py, script.ps1), or "".
func extensionLanguage(name string) string {
	switch ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), ".")); ext {
	case "sh", "bash", "zsh", "ksh":
		return "sh"
	case "py", "js", "mjs", "cjs", "ts", "rb", "pl", "php", "lua", "r", "ps1", "jl", "exs", "groovy", "raku":
		return ext
	}
	return ""
}

// languageCodeKey reports an argument name that is a language's name with
// "code" after it (r_code, lua_code, shell_code) or an expression's
// (expr): the code of a runner that names its language in the key.
func languageCodeKey(k string) bool {
	if k == "expr" || k == "exprs" {
		return true
	}
	lang, ok := strings.CutSuffix(k, "code")
	return ok && lang != "" && knownLanguage(lang)
}

// typedCode returns the code of an object that gives a language as its
// type or kind and the code as its value ({"type": "shell", "value":
// "…"}, a scheduler's task), and that language.
func typedCode(x map[string]any) (code, lang string) {
	for k, v := range x {
		switch normKey(k) {
		case "type", "kind", "tasktype", "runner", "language", "lang", "shell", "interpreter", "syntax":
			if s, ok := v.(string); ok && knownLanguage(normalLanguage(s)) {
				lang = normalLanguage(s)
			}
		}
	}
	if lang == "" {
		return "", ""
	}
	for k, v := range x {
		switch normKey(k) {
		case "value", "content", "body", "text", "run", "do", "action":
			if s, ok := v.(string); ok && s != "" {
				return s, lang
			}
		}
	}
	return "", ""
}

// fileCode returns the code of a file handed to a tool that runs code:
// an object {"path"|"name"|"filename": "main.sh", "content": "…"}, with
// the language its name's extension says.
func fileCode(x map[string]any) (code, lang string) {
	var name string
	for _, k := range [...]string{"path", "name", "filename", "file"} {
		if s, ok := x[k].(string); ok && s != "" {
			name = s
			break
		}
	}
	if lang = extensionLanguage(name); lang == "" {
		return "", ""
	}
	for _, k := range [...]string{"content", "contents", "code", "source", "text", "body"} {
		if s, ok := x[k].(string); ok && s != "" {
			return s, lang
		}
	}
	return "", ""
}

// codeObjects judges the code an object carries by its shape: a language
// given as its type with the code as its value (any tool: a scheduler's
// task), and, for a tool that runs code, a file of code by its extension
// ({"path": "main.sh", "content": …} or {"main.py": "…"}).
func (w *mcpWalk) codeObjects(x map[string]any) {
	runs := w.runsCode()
	if code, lang := typedCode(x); code != "" && (runs || w.schedulesWork()) {
		w.codeIn(lang, code)
		return
	}
	if !runs {
		return
	}
	if code, lang := fileCode(x); code != "" {
		w.codeIn(lang, code)
		return
	}
	for k, v := range x {
		if s, ok := v.(string); ok && s != "" && !strings.ContainsAny(k, " /\\") {
			if lang := extensionLanguage(k); lang != "" {
				w.codeIn(lang, s)
			}
		}
		if w.ev.denied() {
			return
		}
	}
}

// schedulesWork reports a tool whose name says it runs work later or on
// an event (add_job, create_schedule, enqueue, register_hook): the code of
// its task is run, not kept (a snippet saved is text).
func (w *mcpWalk) schedulesWork() bool {
	return hasWord(ToolWords(w.tool), "job", "jobs", "task", "tasks", "schedule", "schedules", "cron", "crontab",
		"timer", "trigger", "triggers", "hook", "hooks", "automation", "automations", "workflow", "workflows",
		"step", "steps", "pipeline", "action", "actions", "enqueue", "queue", "runner", "routine", "rule", "rules") ||
		hasWord(ToolWords(w.server), "scheduler", "cron", "jobs", "queue", "automation", "workflows")
}

// kernelLanguages are the names notebook kernels and runners give
// languages (IRkernel's ir, IJulia's ijulia) that are not the language's.
var kernelLanguages = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"ir": "r", "irkernel": "r", "ijulia": "julia", "ijavascript": "javascript", "itypescript": "typescript",
		"iruby": "ruby", "iperl": "perl", "powershellcore": "powershell", "xlua": "lua", "ilua": "lua",
		"deno": "deno", "bun": "javascript", "tslab": "typescript", "ipykernel": "python",
	}
}}

// normalLanguage is a language or kernel name as the lexicon spells it:
// without a version (python3.12, julia-1.10, lua5.4) and with a kernel's
// name read as its language (ir, ijulia).
func normalLanguage(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if knownLanguage(l) {
		return l
	}
	t := strings.TrimRight(l, "0123456789.-_ ")
	if k := kernelLanguages.Get(t); k != "" {
		return k
	}
	if t != "" && knownLanguage(t) {
		return t
	}
	if k := kernelLanguages.Get(l); k != "" {
		return k
	}
	return l
}

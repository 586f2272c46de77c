package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Script runners: programs that run a file of source by a verb or as their
// operand, compiling it first where the language is compiled (go run s.go,
// java S.java, jbang s.java, kotlinc -script s.kts, dotnet script s.csx,
// dotnet run app.cs, scala-cli run s.scala, dart run s.dart, ts-node s.ts,
// tsx s.ts, rust-script s.rs, runghc s.hs, nim r s.nim, zig run s.zig, bb
// s.clj, mix run s.exs, crystal run s.cr, tcc -run s.c, R -f s.R), and the
// notebook and app runners that run a notebook's or an app's code
// (papermill, jupyter execute, nbconvert --execute, streamlit run, marimo,
// voila, panel serve, quarto render). The file each runs is marked run
// (runsUnseen): downloaded on the line, it is a download run; written
// unseen, in a temporary directory, in Downloads or fetched from a URL at
// run time, it is code nobody here has read.

// scriptRunner says where a runner's words name the script it runs.
type scriptRunner struct {
	valued []string // options that take the next word as their value
	exts   []string // when set, only an operand with one of these endings is a script
	opt    []string // options whose value is the script (kotlinc -script F, R -f F)
	needs  string   // a flag without which nothing is run (tcc -run, nbconvert --execute)
	dirs   bool     // a directory operand runs the sources in it (go run ./cmd)
	only   bool     // only the option names a script: its operands are the script's arguments
}

// scriptRunners are the runners, by program name or "PROGRAM VERB": the
// script is the first operand after the name (or the verb), unless an
// option names it.
var scriptRunners = table.Map[string, scriptRunner]{Build: func() map[string]scriptRunner {
	goRun := scriptRunner{valued: []string{"-C", "-o", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-exec", "-p", "-pkgdir", "-toolexec", "-overlay"}, exts: []string{".go"}, dirs: true}
	java := scriptRunner{valued: []string{"-cp", "-classpath", "--class-path", "-p", "--module-path", "--source", "--add-modules", "--add-opens", "--add-exports", "--add-reads", "-jar", "-m", "--module", "-javaagent", "-agentlib", "-splash"}, exts: []string{".java"}}
	jbang := scriptRunner{valued: []string{"--deps", "--cp", "--class-path", "--java", "-j", "--main", "-m", "--repos", "--sources", "-s", "--files", "-R", "--runtime-option", "-D"}}
	node := scriptRunner{valued: []string{"-r", "--require", "-P", "--project", "-O", "--compiler-options", "--tsconfig", "-e", "--eval", "-p", "--print", "--import", "--loader", "--env-file"}}
	dotnet := scriptRunner{valued: []string{"--project", "-c", "--configuration", "-f", "--framework", "-r", "--runtime", "--launch-profile", "-a", "--arch", "--os"}, exts: []string{".cs", ".csx", ".fsx", ".vb"}, opt: []string{"--file"}}
	scala := scriptRunner{valued: []string{"--scala", "-S", "--dependency", "--dep", "-j", "--jvm", "--main-class", "-M", "--server", "--java-opt", "-J"}, exts: []string{".scala", ".sc", ".java"}}
	dart := scriptRunner{exts: []string{".dart"}}
	crystal := scriptRunner{exts: []string{".cr"}}
	plainRun := scriptRunner{}
	quarto := scriptRunner{valued: []string{"--to", "-t", "--output", "-o", "--output-dir", "-P", "--execute-param", "--execute-params", "--profile", "-M", "--metadata"}, exts: []string{".qmd", ".ipynb", ".rmd", ".Rmd", ".md"}}
	notebook := scriptRunner{valued: []string{"-p", "--parameters", "-r", "--parameters_raw", "-f", "--parameters_file", "-y", "--parameters_yaml", "-b", "--parameters_base64", "-k", "--kernel", "--cwd", "--language", "--engine", "--kernel_name", "--output", "--timeout", "--startup_timeout", "--port", "--template", "--theme"}}
	nbconvert := scriptRunner{valued: []string{"--to", "--output", "--output-dir", "--template", "--ExecutePreprocessor.timeout", "--ExecutePreprocessor.kernel_name"}, needs: "--execute"}
	app := scriptRunner{valued: []string{"--server.port", "--server.address", "--port", "--host", "--address", "-p", "--allow-websocket-origin", "--prefix"}}
	return map[string]scriptRunner{
		"go run": goRun, "java": java, "jbang": jbang, "jbang run": jbang,
		"kotlinc": {opt: []string{"-script"}, only: true}, "kotlinc-jvm": {opt: []string{"-script"}, only: true},
		"dotnet run": dotnet, "dotnet script": {valued: dotnet.valued}, "dotnet fsi": {valued: dotnet.valued},
		"scala-cli": scala, "scala-cli run": scala, "scala-cli shebang": scala,
		"dart": dart, "dart run": dart,
		"ts-node": node, "ts-node-esm": node, "ts-node-script": node, "tsx": node, "tsx watch": node, "esno": node, "esrun": node,
		"babel-node": node, "swc-node": node, "sucrase-node": node, "vite-node": node, "jiti": node,
		"bun run": plainRun, "escript": plainRun, "rust-script": plainRun, "cargo-script": plainRun, "scriptisto": plainRun,
		"runghc": plainRun, "runhaskell": plainRun, "stack runghc": plainRun, "stack runhaskell": plainRun, "stack script": plainRun,
		"cabal run": {exts: []string{".hs", ".lhs"}},
		"nim r":     {exts: []string{".nim", ".nims"}}, "nim run": {exts: []string{".nim", ".nims"}}, "nim e": {exts: []string{".nims", ".nim"}},
		"zig run": {valued: []string{"-target", "-O", "-I", "-l", "--dep", "-M"}, exts: []string{".zig"}},
		"clojure": {exts: []string{".clj", ".cljc"}}, "clj": {exts: []string{".clj", ".cljc"}},
		"bb":      {exts: []string{".clj", ".bb", ".cljc"}},
		"mix run": {exts: []string{".exs", ".ex"}},
		"crystal": crystal, "crystal run": crystal,
		"tcc": {needs: "-run", exts: []string{".c"}},
		"R":   {opt: []string{"-f", "--file"}, only: true}, "r": {opt: []string{"-f", "--file"}, only: true},
		"papermill": notebook, "runipy": notebook, "voila": notebook,
		"jupyter execute": notebook, "jupyter run": notebook,
		"jupyter nbconvert": nbconvert, "jupyter-nbconvert": nbconvert, "nbconvert": nbconvert,
		"streamlit run": app, "marimo run": app, "marimo edit": app, "panel serve": app,
		"quarto render": quarto, "quarto preview": quarto, "quarto run": quarto,
	}
}}

// scriptRunnerNames are the program names scriptRunners has an entry for,
// alone or with a verb (TestScriptRunnerNames keeps the two in step):
// named here, not read from scriptRunners, whose entries a process that
// asks only whether a program is a runner (every command's name kinds
// ask) would otherwise build in full.
var scriptRunnerNames = table.Map[string, bool]{Words: "go java jbang kotlinc kotlinc-jvm dotnet scala-cli dart ts-node ts-node-esm ts-node-script tsx esno esrun " +
	"babel-node swc-node sucrase-node vite-node jiti bun escript rust-script cargo-script scriptisto runghc runhaskell stack cabal " +
	"nim zig clojure clj bb mix crystal tcc R r papermill runipy voila jupyter jupyter-nbconvert nbconvert streamlit marimo panel quarto"}

// runnerScript returns the script a runner's words run (words[0] being
// its name), or "": its option's value, or its first operand (after its
// verb) when the runner takes any file or the operand has one of its
// endings, or is a directory where it runs one. python -m MODULE is read
// as MODULE's command (python -m papermill).
func runnerScript(name string, words []string) string {
	if scriptLang(name) == "python" {
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "-m" {
				return runnerScript(words[i+1], words[i+1:])
			}
			if !strings.HasPrefix(words[i], "-") {
				return ""
			}
		}
		return ""
	}
	if !scriptRunnerNames.Get(name) {
		return ""
	}
	r, ok := scriptRunners.Lookup(name)
	rest := words[1:]
	if len(words) > 1 {
		// a verb: the first operand, past options
		for i, w := range rest {
			if strings.HasPrefix(w, "-") {
				continue
			}
			if v, vok := scriptRunners.Lookup(name + " " + w); vok {
				r, ok, rest = v, true, rest[i+1:]
			}
			break
		}
	}
	if !ok {
		return ""
	}
	if r.needs != "" && !hasWord(rest, r.needs) && !hasWord(words[1:], r.needs) {
		return ""
	}
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		if w == "--" {
			break
		}
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			name, val, eq := strings.Cut(w, "=")
			if hasWord(r.opt, name) {
				if eq {
					return val
				}
				if i+1 < len(rest) {
					return rest[i+1]
				}
				return ""
			}
			if !eq && hasWord(r.valued, name) {
				i++
			}
			continue
		}
		if r.only {
			continue
		}
		if len(r.exts) == 0 || hasWord(r.exts, path.Ext(w)) || r.dirs && sourceDir(w) {
			return w
		}
		return ""
	}
	return ""
}

// sourceDir reports an operand that names a directory by path (., ./cmd,
// /tmp/t, ~/x) rather than a package by import path.
func sourceDir(w string) bool {
	if w == "." || w == ".." || w == "./" {
		return true
	}
	return path.Ext(w) == "" && (strings.HasPrefix(w, "./") || strings.HasPrefix(w, "../") || strings.HasPrefix(w, "/") || strings.HasPrefix(w, "~"))
}

// hasWord reports whether list holds w.
func hasWord(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

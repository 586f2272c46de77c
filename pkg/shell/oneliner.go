package shell

import (
	"encoding/hex"
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/containerspec"
	"rampart.dev/pkg/internal/table"
)

// One-liners ("python -c CODE", "perl -e CODE", ...) are scanned, not
// parsed: the scanner looks for calls that hand a string to a shell or run
// a program, delete files or read them, and reports what they would do as
// Synthetic commands. Only literal arguments are understood; a computed
// piece of a shell string becomes "$_", which marks the result Dynamic.

// scriptLang maps an interpreter's name to the language of its code.
func scriptLang(name string) string {
	base := unversioned(name)
	switch base {
	case "python", "pypy", "micropython", "graalpy", "sage", "ipython":
		// sage -c CODE: SageMath's Python
		return "python"
	case "perl", "ruby", "php":
		return base
	case "jruby", "truffleruby":
		return "ruby"
	case "node", "nodejs", "bun", "deno", "tsx", "ts-node":
		return "node"
	case "awk", "gawk", "mawk", "nawk":
		return "awk"
	case "lua", "luajit":
		return "lua"
	case "osascript":
		return "applescript"
	case "Rscript", "rscript", "R", "r":
		return "r"
	case "julia":
		return "julia"
	}
	return ""
}

// InterpreterLang names the language a program of this name runs a file's
// text in: "shell" for a shell (bash, ash, mksh, fish, busybox's sh,
// versioned or not), a one-liner's language for an interpreter (python
// for python3.12 and pypy3, node for bun, deno, tsx and nodejs, ruby,
// perl, php, lua, r, julia, awk), or "" for a program that is neither.
func InterpreterLang(name string) string {
	if isShell(name) || isShell(unversioned(name)) {
		return "shell"
	}
	return scriptLang(name)
}

// unversioned is a program's name without a version suffix: python3.12 →
// python, and without a build's mark after the version (python3.13t, the
// free-threaded build; python3.7m; python3.12-dbg and -debug, the debug
// builds). (strings.TrimRight with the cutset builds a set on every call,
// and every command asks.)
func unversioned(name string) string {
	if n := len(name); n == 0 || !isDigit(name[n-1]) && name[n-1] != '.' && name[n-1] != 'g' && name[n-1] != 'd' && (n < 2 || !isDigit(name[n-2])) {
		// No version and no build mark can end it (each step below needs
		// a digit or '.' last, a digit before the last byte, or a mark
		// ending in g or d): most names, asked about for every command.
		return name
	}
	for _, mark := range [...]string{"-dbg", "-debug", "_d"} {
		if b, ok := strings.CutSuffix(name, mark); ok && b != "" && isDigit(b[len(b)-1]) {
			name = b
			break
		}
	}
	if n := len(name); n >= 2 && strings.IndexByte("tmdu", name[n-1]) >= 0 && isDigit(name[n-2]) {
		name = name[:n-1]
	}
	for len(name) > 0 {
		c := name[len(name)-1]
		if c != '.' && (c < '0' || c > '9') {
			break
		}
		name = name[:len(name)-1]
	}
	return name
}

// langFlags describes an interpreter's command line.
type langFlags struct {
	code     string   // short options whose argument is code
	arg      string   // short options taking an argument, attached or next word
	attached string   // short options whose argument can only be attached
	digits   string   // short options followed by optional digits
	script   string   // short options meaning code comes from elsewhere (-m, -f)
	longCode []string // long options whose argument is code
	longArg  []string // long options taking the next word
	longFile []string // long options naming the file code comes from (awk --file)
	oneCode  bool     // the first code option ends the options (python -c)
	detached bool     // code options never take an attached argument (node -pe)
	operand  bool     // without a code option, the first operand is the code (awk)
}

var langs = table.Once[map[string]*langFlags]{Build: func() map[string]*langFlags {
	return map[string]*langFlags{
		"python": {code: "c", arg: "WXQ", script: "m", oneCode: true, longArg: []string{"check-hash-based-pycs"}},
		"perl":   {code: "eE", attached: "ixdDMmV", arg: "I", digits: "l0C"},
		"ruby":   {code: "e", arg: "rICEF", attached: "xiKW", digits: "0T"},
		"node":   {code: "ep", arg: "r", detached: true, longCode: []string{"eval", "print"}, longArg: []string{"require", "import", "loader", "input-type", "experimental-loader"}},
		"php":    {code: "rBRE", arg: "dcz", script: "fF"},
		"awk":    {code: "e", arg: "Fvil", script: "fE", operand: true, longCode: []string{"source"}, longFile: []string{"file", "exec"}, longArg: []string{"assign", "field-separator", "include", "load"}},
		"lua":    {code: "e", arg: "l", oneCode: false},
		// osascript -e STATEMENT (repeatable), -l LANGUAGE, -s FLAGS
		"applescript": {code: "e", arg: "ls"},
		// Rscript -e EXPR (repeatable), R -e EXPR, R -f FILE
		"r": {code: "e", script: "f", detached: true, longFile: []string{"file"}},
		// julia -e CODE (-E prints its value), -L FILE loads a file first
		"julia": {code: "eE", arg: "LJptCOg", detached: true, longCode: []string{"eval", "print"}, longArg: []string{"load", "sysimage", "project", "threads", "procs"}},
	}
}}

// interpCode gives the code of an interpreter one-liner.
func interpCode(words []string) (lang, code string, ok bool) {
	name := progName(words[0])
	if code, ok := ipythonAppCode(name, words); ok {
		return "python", code, true // ipython --TerminalIPythonApp.code_to_run=CODE (ipython.go)
	}
	lang = scriptLang(name)
	if lang == "" {
		return catalogCode(name, words)
	}
	if code, ok := denoEval(name, words); ok {
		return lang, code, true
	}
	code, ok, _ = codeArgs(lang, words)
	return lang, code, ok
}

// taskCode gives the code an interpreter one-liner or a program that runs
// code in a scanned language is given (interpCode, catalogCode), and the
// code a project's script run by its interpreter is (python manage.py
// shell -c CODE, php artisan tinker --execute=CODE).
func taskCode(words []string) (lang, code string, ok bool) {
	if lang, code, ok = interpCode(words); ok || scriptLang(progName(words[0])) == "" {
		return lang, code, ok
	}
	if op := scriptOperand(words); op != "" {
		if k := slices.Index(words, op); k > 0 {
			return catalogCode(progName(op), words[k:])
		}
	}
	return "", "", false
}

// catalogCode gives the code a program that is no interpreter runs in a
// language a scanner reads, where the catalogue names the word and the
// language (code-lang): wp eval CODE and drush php:eval CODE run PHP in
// the site, rails runner CODE Ruby in the app, manage.py shell -c CODE
// Python, artisan tinker --execute=CODE PHP.
func catalogCode(name string, words []string) (lang, code string, ok bool) {
	cat := catalog.Default()
	if len(words) < 2 || !cat.SummaryOf(name).MayHave("code-lang") {
		return "", "", false
	}
	cl := cat.Classify(name, words[1:])
	if cl.Entry == nil {
		return "", "", false
	}
	if lang = cl.Entry.Prop("code-lang"); langs.Get()[lang] == nil {
		return "", "", false // opaque: no scanner reads it
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Code {
			return lang, w.Text, true
		}
	}
	return "", "", false
}

// denoEval gives the code of "deno eval [OPTIONS] CODE": JavaScript, as
// node -e's is.
func denoEval(name string, words []string) (string, bool) {
	if name != "deno" || len(words) < 3 || words[1] != "eval" {
		return "", false
	}
	for i := 2; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			if i+1 < len(words) {
				return words[i+1], true
			}
			return "", false
		case w == "--ext" || w == "--location" || w == "--config" || w == "-c":
			i++ // their value is the next word
		case !strings.HasPrefix(w, "-") || w == "-":
			return w, true
		}
	}
	return "", false
}

// codeArgs finds the code options of an interpreter's command line; stdin
// is true when, without them, it would read its program from stdin.
func codeArgs(lang string, words []string) (code string, hasCode, stdin bool) {
	fl := langs.Get()[lang]
	var codes, requires []string
	i := 1
options:
	for i < len(words) {
		w := words[i]
		if w == "--" {
			i++
			break
		}
		if len(w) < 2 || w[0] != '-' {
			break
		}
		if strings.HasPrefix(w, "--") {
			name, val, eq := strings.Cut(w[2:], "=")
			switch {
			case contains(fl.longCode, name):
				if !eq && i+1 < len(words) {
					i++
					val = words[i]
				}
				codes = append(codes, val)
			case contains(fl.longArg, name) && !eq:
				i++
			case contains(fl.longFile, name):
				return "", false, false // gawk --file=p.awk: code from elsewhere
			}
			i++
			continue
		}
	cluster:
		for j := 1; j < len(w); j++ {
			c := w[j]
			switch {
			case strings.IndexByte(fl.code, c) >= 0:
				if j+1 < len(w) && !fl.detached {
					codes = append(codes, w[j+1:])
				} else if i+1 < len(words) {
					i++
					codes = append(codes, words[i])
				}
				break cluster
			case strings.IndexByte(fl.script, c) >= 0:
				if lang == "python" && c == 'm' {
					// python3 -m timeit STMT: a module that runs code
					// from its command line (pymodules.go)
					mod, rest := w[j+1:], words[i+1:]
					if mod == "" && len(rest) > 0 {
						mod, rest = rest[0], rest[1:]
					}
					if mc, has, in, ok := pyModuleCode(mod, rest, 0); ok {
						if len(codes) > 0 && has {
							mc = strings.Join(codes, "\n") + "\n" + mc
						}
						return mc, has, in && !has
					}
				}
				return "", false, false
			case strings.IndexByte(fl.arg, c) >= 0:
				mod := w[j+1:]
				if j+1 == len(w) {
					i++
					if i < len(words) {
						mod = words[i]
					}
				}
				if lang == "ruby" && c == 'r' && mod != "" {
					// ruby -ropen-uri -e 'URI(…).read': the library the
					// code requires is part of what it does
					requires = append(requires, "require '"+mod+"'")
				}
				break cluster
			case strings.IndexByte(fl.attached, c) >= 0:
				if lang == "perl" && (c == 'M' || c == 'm') && j+1 < len(w) {
					// perl -MLWP::Simple -e 'get(…)': the module the code
					// uses is part of what it does, as "use LWP::Simple;".
					// A module's name alone is no code of its own: perl
					// -MData::Dumper s.pl runs s.pl; perl '-Mx;system(…)'
					// s.pl runs what follows the name first.
					if perlModuleName(w[j+1:]) {
						requires = append(requires, "use "+w[j+1:]+";")
					} else {
						codes = append(codes, "use "+w[j+1:]+";")
					}
				}
				break cluster
			case strings.IndexByte(fl.digits, c) >= 0:
				for j+1 < len(w) && (w[j+1] >= '0' && w[j+1] <= '9' || c == '0' && w[j+1] == 'x') {
					j++
				}
			}
		}
		i++
		if fl.oneCode && len(codes) > 0 {
			break options
		}
	}
	if len(codes) > 0 {
		return strings.Join(append(requires, codes...), "\n"), true, false
	}
	if fl.operand {
		if i < len(words) {
			return words[i], true, false
		}
		return "", false, false
	}
	return "", false, i >= len(words) || words[i] == "-"
}

// perlModuleName reports whether a -M or -m value is a module's name and
// an import list of plain words (Data::Dumper, List::Util=sum,max), with
// no code after it.
func perlModuleName(v string) bool {
	name, imports, _ := strings.Cut(strings.TrimPrefix(v, "-"), "=")
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	for i := 0; i < len(imports); i++ {
		// (perl quotes the list, split(/,/, q\0…\0): paths are words too,
		// -Mlib=/tmp/lib)
		if c := imports[i]; !(c == '_' || c == ',' || c == ':' || c == '-' || c == '/' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// hookKind says what a call found in code does with its arguments.
type hookKind int

const (
	hookShell          hookKind = iota // runs a shell string, or a program and its arguments
	hookArgv                           // exec family: a file, then the argument vector
	hookCmdLine                        // a program, then its arguments as one line (C#'s Process.Start("bash", "-c \"…\""))
	hookProcLine                       // a Windows process's whole command line, as CreateProcess hands it on (WinExec(LINE))
	hookSpawn                          // os.spawn* family: a mode, a file, then the argument vector
	hookRmTree                         // deletes a tree
	hookRmFile                         // deletes files
	hookRead                           // reads a file (python open: unless the mode writes)
	hookPath                           // pathlib.Path(P) followed by .unlink(), .read_text(), ...
	hookPerlOpen                       // perl open: a file or a pipe to a command
	hookChmod                          // changes a file's mode: the path first
	hookCopy                           // copies or moves a file: source, then destination
	hookKill                           // signals a process: the pid first (-1 is every process)
	hookWrite                          // writes or appends to a file: the path first
	hookOpen3                          // perl's open3: three handles, then the command
	hookPipeOpen                       // ruby's open("|cmd"): a command when the path starts with |
	hookEval                           // runs its first argument as code of the same language (evalcode.go)
	hookEvalIn                         // runs its first argument as code of another language (evalInLangs)
	hookRunsFile                       // loads and runs a file of code of the same language: the path first (loadfiles.go)
	hookPipMain                        // pip's own main: its argument is pip's argument vector (pipmain.go)
	hookRecvWrite                      // a method that writes the path it is called on: (P).write_text(...)
	hookRecvRead                       // a method that reads the path it is called on
	hookRecvDelete                     // a method that deletes the path it is called on
	hookRecvDeleteTree                 // a method that deletes the tree it is called on (File(P).deleteRecursively())
	// hookCIFile: a CI toolkit's file command (@actions/core's
	// exportVariable, addPath, setOutput, saveState, summary.addRaw):
	// a line appended to one of the job's files (cifiles.go)
	hookCIFile
)

// receiver reports the kinds whose path is the object the method is
// called on.
func (k hookKind) receiver() bool { return k >= hookRecvWrite && k <= hookRecvDeleteTree }

// evalInLangs are the languages the hookEvalIn calls run their argument
// in: Vim script's luaeval("…") and py3eval("…").
var evalInLangs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"luaeval": "lua", "py3eval": "python", "pyeval": "python", "pyxeval": "python",
		"rubyeval": "ruby", "perleval": "perl",
	}
}}

type hook struct {
	name string
	kind hookKind
}

var langHooks = table.Once[map[string][]hook]{Build: func() map[string][]hook {
	m := scriptHooks()
	for lang, l := range sourceLangs.Get() {
		m[lang] = append(m[lang], l.hooks...) // sourcelangs.go: go, rust, java, c, C#, …
	}
	return m
}}

// scriptHooks are the interpreters' languages' hooks.
func scriptHooks() map[string][]hook {
	return map[string][]hook{
		"python": {
			{"runpy.run_path", hookRunsFile},
			{"system", hookShell}, {"popen", hookShell}, {"Popen", hookShell}, {"run", hookShell},
			{"call", hookShell}, {"check_call", hookShell}, {"check_output", hookShell},
			{"getoutput", hookShell}, {"getstatusoutput", hookShell}, {"spawn", hookShell},
			{"execv", hookArgv}, {"execve", hookArgv}, {"execvp", hookArgv}, {"execvpe", hookArgv},
			{"execl", hookArgv}, {"execle", hookArgv}, {"execlp", hookArgv}, {"execlpe", hookArgv},
			{"spawnl", hookSpawn}, {"spawnle", hookSpawn}, {"spawnlp", hookSpawn}, {"spawnlpe", hookSpawn},
			{"spawnv", hookSpawn}, {"spawnve", hookSpawn}, {"spawnvp", hookSpawn}, {"spawnvpe", hookSpawn},
			{"posix_spawn", hookArgv}, {"posix_spawnp", hookArgv},
			{"create_subprocess_shell", hookShell}, {"create_subprocess_exec", hookShell},
			// Fabric's c.sudo(CMD) and Connection(HOST).sudo(CMD), beside
			// its run above: CMD run as root on the host
			{"sudo", hookShell},
			{"rmtree", hookRmTree},
			{"os.remove", hookRmFile}, {"os.unlink", hookRmFile}, {"os.rmdir", hookRmFile}, {"os.removedirs", hookRmFile},
			{"open", hookRead}, {"Path", hookPath},
			{"os.chmod", hookChmod}, {"os.chown", hookChmod}, {"shutil.copy", hookCopy}, {"shutil.copy2", hookCopy},
			{"shutil.copyfile", hookCopy}, {"shutil.copytree", hookCopy}, {"shutil.move", hookCopy},
			{"os.rename", hookCopy}, {"os.replace", hookCopy}, {"os.kill", hookKill}, {"os.killpg", hookKill},
			{"write_text", hookRecvWrite}, {"write_bytes", hookRecvWrite}, {"read_text", hookRecvRead},
			{"read_bytes", hookRecvRead}, {"unlink", hookRecvDelete},
		},
		"perl": {
			{"system", hookShell}, {"exec", hookShell},
			{"unlink", hookRmFile}, {"rmdir", hookRmFile},
			{"rmtree", hookRmTree}, {"remove_tree", hookRmTree},
			{"open", hookPerlOpen}, {"open2", hookSpawn}, {"open3", hookOpen3},
			{"require", hookRunsFile}, {"do", hookRunsFile},
		},
		"ruby": {
			{"system", hookShell}, {"exec", hookShell}, {"spawn", hookShell}, {"popen", hookShell},
			{"sh", hookShell}, // FileUtils#sh, as Rakefiles call it
			{"capture2", hookShell}, {"capture2e", hookShell}, {"capture3", hookShell},
			{"popen2", hookShell}, {"popen3", hookShell}, {"popen2e", hookShell},
			{"pipeline", hookShell}, {"pipeline_r", hookShell}, {"pipeline_w", hookShell},
			{"pipeline_rw", hookShell}, {"pipeline_start", hookShell}, {"open", hookPipeOpen},
			{"rm_rf", hookRmTree}, {"rm_r", hookRmTree}, {"remove_dir", hookRmTree},
			{"remove_entry", hookRmTree}, {"remove_entry_secure", hookRmTree}, {"rmtree", hookRmTree},
			{"rm_f", hookRmFile}, {"FileUtils.rm", hookRmFile}, {"File.delete", hookRmFile}, {"File.unlink", hookRmFile},
			{"rmtree", hookRecvDeleteTree}, // Pathname.new(P).rmtree
			{"File.read", hookRead}, {"IO.read", hookRead}, {"File.readlines", hookRead},
			{"IO.readlines", hookRead}, {"File.open", hookRead}, {"File.foreach", hookRead},
			{"File.write", hookWrite}, {"IO.write", hookWrite}, {"File.binwrite", hookWrite},
			{"require", hookRunsFile}, {"load", hookRunsFile}, {"require_relative", hookRunsFile},
		},
		"node": {
			{"exec", hookShell}, {"execSync", hookShell}, {"spawn", hookShell}, {"spawnSync", hookShell},
			{"execFile", hookShell}, {"execFileSync", hookShell},
			// execa's calls: a program and its argument list, or one line
			{"execa", hookShell}, {"execaSync", hookShell}, {"execaCommand", hookShell}, {"execaCommandSync", hookShell},
			// @actions/core's file commands (cifiles.go)
			{"exportVariable", hookCIFile}, {"addPath", hookCIFile}, {"setOutput", hookCIFile}, {"saveState", hookCIFile},
			{"addRaw", hookCIFile},
			{"rmSync", hookRmTree}, {"rmdirSync", hookRmTree}, {"rm", hookRmTree}, {"rmdir", hookRmTree},
			{"unlinkSync", hookRmFile}, {"unlink", hookRmFile},
			{"readFileSync", hookRead}, {"readFile", hookRead}, {"createReadStream", hookRead},
			{"Bun.file", hookRead},
			{"chmodSync", hookChmod}, {"chmod", hookChmod}, {"copyFileSync", hookCopy}, {"cpSync", hookCopy},
			{"renameSync", hookCopy}, {"process.kill", hookKill},
			{"writeFileSync", hookWrite}, {"appendFileSync", hookWrite}, {"writeFile", hookWrite}, {"appendFile", hookWrite},
			{"createWriteStream", hookWrite}, {"symlinkSync", hookCopy},
			// fs-extra's and rimraf's deletes of a tree (emptyDir keeps the
			// directory, not what it held)
			{"removeSync", hookRmTree}, {"emptyDirSync", hookRmTree}, {"emptyDir", hookRmTree},
			{"rimraf", hookRmTree}, {"rimraf.sync", hookRmTree}, {"rimrafSync", hookRmTree},
			{"require", hookRunsFile}, {"import", hookRunsFile},
			// Deno's own file calls (deno run, deno eval)
			{"Deno.removeSync", hookRmTree}, {"Deno.remove", hookRmTree},
			{"Deno.readTextFileSync", hookRead}, {"Deno.readTextFile", hookRead},
			{"Deno.readFileSync", hookRead}, {"Deno.readFile", hookRead},
			{"Deno.writeTextFileSync", hookWrite}, {"Deno.writeTextFile", hookWrite},
			{"Deno.writeFileSync", hookWrite}, {"Deno.writeFile", hookWrite},
		},
		"awk": {{"system", hookShell}},
		// do shell script "CMD" hands CMD to sh
		// (Terminal's do script runs CMD in a new shell; JXA spells it
		// doShellScript("CMD"))
		// (JXA with the C library imported: $.system("CMD"))
		// (System Events' keystroke "TEXT" types TEXT into the front
		// window, a terminal's shell as often as not: the command it spells)
		"applescript": {{"do shell script", hookShell}, {"do script", hookShell}, {"doShellScript", hookShell}, {"system", hookShell}, {"keystroke", hookShell}},
		"lua": {
			{"os.execute", hookShell}, {"io.popen", hookShell}, {"system", hookShell}, {"jobstart", hookShell},
			// luv's spawn (vim.uv.spawn, vim.loop.spawn): a program, then
			// options whose args are its arguments
			{"spawn", hookShell},
			// xmake's Lua runs commands through os.exec, os.run, os.vrun and os.iorun
			{"os.exec", hookShell}, {"os.run", hookShell}, {"os.vrun", hookShell}, {"os.iorun", hookShell},
			{"os.remove", hookRmFile}, {"io.open", hookRead}, {"io.lines", hookRead},
			// Neovim's Lua calls Vim's functions through vim.fn
			{"vim.fn.delete", hookRmTree}, {"vim.fn.readfile", hookRead}, {"vim.fn.writefile", hookWrite},
			{"dofile", hookRunsFile}, {"loadfile", hookRunsFile},
		},
		// Vim script, as an editor's ex commands give it (vim +'call
		// delete(P, "rf")'): system() runs CMD, delete() removes P (read as
		// a tree whatever its flags, as R's unlink)
		"vim": {
			{"system", hookShell}, {"systemlist", hookShell}, {"delete", hookRmTree}, {"readfile", hookRead},
			{"luaeval", hookEvalIn}, {"py3eval", hookEvalIn}, {"pyeval", hookEvalIn}, {"pyxeval", hookEvalIn},
			{"rubyeval", hookEvalIn}, {"perleval", hookEvalIn},
		},
		// R: system("CMD") and shell("CMD") hand CMD to sh, system2(CMD,
		// args) runs a program; unlink(P, recursive = TRUE) removes a tree
		// (read as one whatever its flag: rm of a file is judged the same)
		"r": {
			{"system", hookShell}, {"shell", hookShell}, {"system2", hookShell},
			{"unlink", hookRmTree}, {"file.remove", hookRmFile},
			{"readLines", hookRead}, {"readRDS", hookRead}, {"read.csv", hookRead}, {"scan", hookRead},
			{"file.copy", hookCopy}, {"file.rename", hookCopy}, {"Sys.chmod", hookChmod},
			{"writeLines", hookWrite},
		},
		// julia: run(`CMD`) runs a command literal, rm(P; recursive=true)
		// removes a tree (read as one whatever its flag, as R's unlink)
		"julia": {
			{"run", hookShell}, {"pipeline", hookShell}, {"success", hookShell}, {"readchomp", hookShell},
			{"rm", hookRmTree}, {"read", hookRead}, {"readlines", hookRead}, {"readline", hookRead},
			{"open", hookRead}, {"write", hookWrite}, {"cp", hookCopy}, {"mv", hookCopy}, {"symlink", hookCopy},
		},
		"php": {
			{"system", hookShell}, {"exec", hookShell}, {"shell_exec", hookShell}, {"passthru", hookShell},
			{"popen", hookShell}, {"proc_open", hookShell}, {"pcntl_exec", hookShell},
			{"unlink", hookRmFile}, {"rmdir", hookRmFile},
			// Laravel's File::deleteDirectory(P), Filesystem's ->deleteDirectory(P)
			{"deleteDirectory", hookRmTree},
			{"file_get_contents", hookRead}, {"readfile", hookRead}, {"file", hookRead},
			{"fopen", hookRead}, {"highlight_file", hookRead}, {"show_source", hookRead},
			{"file_put_contents", hookWrite}, {"copy", hookCopy}, {"rename", hookCopy}, {"symlink", hookCopy},
			{"include", hookRunsFile}, {"include_once", hookRunsFile}, {"require", hookRunsFile}, {"require_once", hookRunsFile},
		},
	}
}

// scanCode reports what a one-liner runs, deletes and reads, and returns
// what else the code was seen doing.
func (s *state) scanCode(lang, code string, f frame) CodeFacts {
	if f.strDepth+1 > MaxStringDepth || f.depth+1 > MaxDepth {
		s.truncated = true
		return CodeFacts{}
	}
	if lang == "go" {
		code = goImportAliases(code) // modulealiases.go: import x "os/exec"; x.Command(…)
	}
	// 'HO' + 'ME' folded (foldliterals.go), getenv("HOME") in any
	// spelling (envhomes.go)
	code = homeExpr(lang, envHomes(FoldLiterals(code)))
	code = cwdExpr(lang, code) // codecwd.go: os.getcwd(), process.cwd(), Dir.pwd
	if lang == "rust" {
		code = rustRawStrings(code) // rustraw.go: r#"…"#
	}
	if lang == "nim" {
		code = nimKeywordArgs(code) // nimargs.go: execProcess(command = "rm", args = […])
	}
	if lang == "go" || lang == "csharp" || lang == "java" {
		code = tupleBindings(lang, code) // tuplebinds.go: a, b := "rm", "-rf"
	}
	if lang == "python" || lang == "node" || lang == "ruby" {
		code = scriptTupleBindings(lang, code) // scripttuples.go: p, a = 'rm', '-rf'
	}
	if (lang == "csharp" || lang == "swift") && (strings.Contains(code, "rguments") || strings.Contains(code, "Process.")) {
		code = processSetters(lang, code) // processsetters.go: psi.FileName = …; psi.Arguments = …
	}
	if lang == "haskell" {
		code = haskellBinds(code) // getHomeDirectory >>= removeDirectoryRecursive
	}
	if lang == "node" {
		code = nodeIndirectCalls(code) // nodeindirect.go: cp.execSync.call(cp, …), execa.sync(…)
	}
	code = foldedKeys(lang, code)                         // computedcode.go
	code, libHooks, libWords := spawnLibHooks(lang, code) // spawnlibs.go: sh.rm('-rf', P), plumbum's rm['-rf', P]()
	if lang == "lua" {
		code = luaModuleAliases(code) // modulealiases.go: local o = os; o.execute(…)
	}
	if lang == "go" {
		code = goWithoutContext(code) // exec.CommandContext(ctx, …) is exec.Command(…)
	}
	facts := codeFacts(lang, code)
	f.synthetic = true
	s.readsCredentialStores(code, f) // credstores.go
	sc := scanner{lang: lang, code: code}
	var libs []string
	if codeLibMarkers.Get(lang) != nil {
		libs = codeLibs(lang, code) // codelibs.go: use lib "/tmp/lib", sys.path.insert(0, "/tmp/lib")
		if len(libs) > 0 {
			var uses []string
			switch lang {
			case "perl":
				uses = perlUses(code)
			case "python":
				// an import before sys.path is changed loads the installation's
				uses = pythonImports(code[strings.Index(code, "sys.path"):])
			}
			for _, m := range uses {
				s.runsFromLibs(lang, m, libs, f)
			}
		}
	}
	hooks := langHooks.Get()[lang]
	hooks = append(hooks[:len(hooks):len(hooks)], evalHooks.Get()[lang]...)
	if lang == "python" && strings.Contains(code, "pip") {
		hooks = append(hooks, pipMainHooks(code)...) // pipmain.go: pip.main(['install', …])
	}
	hooks = append(hooks, libHooks...)
	evalComputed, evalDownloaded := false, false
	for n := 0; n < len(hooks); n++ {
		h := hooks[n]
		for at := 0; at < len(code); {
			if len(s.out) >= MaxCommands || sc.work > maxScan {
				s.truncated = true
				return facts
			}
			k := strings.Index(code[at:], h.name)
			if k < 0 {
				break
			}
			k += at
			at = k + len(h.name)
			if k > 0 && isIdent(code[k-1]) || at < len(code) && isIdent(code[at]) {
				continue
			}
			if (h.name == "run" || h.name == "call") && notProcessCall(lang, code[:k]) {
				continue // asyncio.run(main()): an event loop, not a process
			}
			args, end, ok := sc.call(namedCallAt(code, k, at))
			if !ok && h.kind.receiver() && k > 0 && code[k-1] == '.' && methodWithoutParens(lang) {
				// Pathname.new(P).rmtree, fso.GetFolder(P).Delete True: a
				// method called without brackets
				ok, end = true, at
			}
			if ok && h.kind.receiver() { // the receiver kinds
				// (Path.home() / '.bashrc').write_text(...), p.unlink():
				// the path is the object the method is called on.
				recv, found := sc.receiver(k)
				if !found && (h.kind == hookRecvDelete || h.kind == hookRecvRead) {
					// for p in Path('.').rglob('*.pyc'): p.unlink()
					if items, bound := sc.receiverLoop(k, h.kind == hookRecvRead); bound {
						for _, it := range items {
							s.hook(h.kind, []value{{str: it, known: true, raw: it}}, code[end:], f)
						}
					}
					continue
				}
				if !found {
					continue
				}
				args = []value{recv}
			}
			if ok && (h.kind == hookRmTree || h.kind == hookRmFile || h.kind == hookRead) {
				args = sc.loopArgs(args, h.kind == hookRead) // for d in ['dist', 'build']: rmtree(d); for f in glob(…): open(f)
				args = sc.homeArgs(args)                     // home, _ := os.UserHomeDir(); os.RemoveAll(home) (homewalks.go)
			}
			if !ok {
				// f = shutil.rmtree, from shutil import rmtree as r,
				// const {rmSync: r} = require('fs'): the new name is
				// the same call.
				alias := aliasOf(code, k, at)
				if alias != "" && len(hooks) < len(langHooks.Get()[lang])+maxAliases {
					hooks = append(hooks[:len(hooks):len(hooks)], hook{alias, h.kind})
				}
				if h.kind == hookEval && passedAsValue(code, k, at) {
					evalComputed = true // .then(eval): whatever the promise holds
				}
				if h.kind <= hookRmFile && passedAsValue(code, k, at) && !(lang == "julia" && h.kind >= hookRmTree) &&
					(alias == "" || setattrName(receiverStart(code[:k])) == "") {
					// (setattr(builtins, 'wipe', shutil.rmtree) hands it on
					// under a name: its calls are read under that name)
					// (julia's foreach(rm, readdir("build"; join=true)) is
					// everyday style: the paths its code names are judged
					// all the same, by the opaque-code reading)
					// sapply("rm -rf ~", system), map(os.system, cmds): the
					// call is made by what it is handed to, on arguments
					// nobody here reads
					facts.Opaque = append(facts.Opaque, h.name)
				}
				continue
			}
			if h.kind == hookCIFile {
				if ok && strings.Contains(code, "@actions/core") {
					if line := ciFileLine(h.name, args); line != "" {
						s.parseString(line, f) // core.exportVariable('N', 'V'): echo N=V >> "$GITHUB_ENV"
					}
				}
				continue
			}
			if h.kind == hookEvalIn {
				facts = facts.or(s.evalCode(evalInLangs.Get(h.name), args, f))
				continue
			}
			if h.kind == hookRunsFile {
				if len(args) > 0 && args[0].known && !args[0].list {
					s.runsCodeFile(lang, args[0].str, f) // loadfiles.go: require "/tmp/hook"
					if len(libs) > 0 && !preloadFile(args[0].str) {
						s.runsFromLibs(lang, args[0].str, libs, f) // require "hook" from the code's own lib
					}
				}
				continue
			}
			if h.kind == hookEval {
				if s.evalDownload(lang, code[at:end], f) { // evalcode.go: exec(urlopen(URL).read())
					evalDownloaded = true
				} else if len(args) == 0 || !args[0].known {
					evalComputed = true // exec(t): text computed elsewhere in the code
				}
				facts = facts.or(s.evalCode(lang, args, f))
				facts.DecodedRun = facts.DecodedRun || decodesText(code[at:end])
				continue
			}
			if h.kind <= hookSpawn && decodesText(code[at:end]) {
				// os.system(base64.b64decode(…)): base64 -d | sh inside the code
				facts.DecodedRun = true
			}
			if words := libWords[h.name]; len(words) > 0 {
				// sh.git('push', …), rm['-rf', P](): the program the name
				// stands for, then the call's arguments
				pre := make([]value, 0, len(words)+len(args))
				for _, w := range words {
					pre = append(pre, value{str: w, known: true, raw: quoteWord(w)})
				}
				args = append(pre, args...)
			}
			if h.kind == hookShell {
				args, end = sc.builderChain(args, end) // Command::new("sh").arg("-c")…
			}
			if lang == "applescript" && h.kind == hookShell && asAdministrator(code[k:]) {
				args = asRoot(args) // do shell script CMD with administrator privileges
			}
			rest := code[end:]
			if h.kind == hookCmdLine && strings.Contains(code, "ProcessStartInfo") {
				rest = startInfoMark + rest // the code makes the ProcessStartInfo a name may hold
			}
			if !s.hook(h.kind, args, rest, f) {
				facts.Opaque = append(facts.Opaque, h.name)
			}
		}
	}
	if evalComputed && !evalDownloaded && facts.Network {
		s.evalFetched(lang, code, f) // evalcode.go: fetch(URL).then(r => r.text()).then(eval)
	}
	if lang == "python" {
		if sh := IPythonShell(code); sh != "" {
			s.parseString(sh, f) // ipython.go: !curl … | sh, %%bash cells
		}
	}
	if lang == "node" && strings.Contains(code, "import") {
		for _, u := range importedURLs(code) {
			// import('https://…'): the module runs as deno run URL runs it
			s.parseString("deno run "+quoteWord(u), f)
		}
	}
	if lang == "perl" || lang == "ruby" || lang == "php" {
		for _, cmd := range sc.quotedCommands() {
			s.parseString(cmd, f)
		}
	}
	if l, ok := sourceLangs.Get()[lang]; ok && anyIn(code, l.spawns) {
		// a source language's string literals that spell a command line
		// of a known program (exec.Command("rm", "-rf", P), "…".execute(),
		// Sys.command "…"): run by the code, as its hooks would say
		// (sourcelangs.go, literals.go)
		for _, cmd := range LiteralCommands(code) {
			if literalProgram(cmd) {
				s.parseString(cmd, f)
			}
		}
	}
	for _, line := range containerspec.InCode(code) {
		// docker.from_env().containers.run(…, privileged=True), dockerode's
		// createContainer({HostConfig: …}), a body POSTed to
		// /containers/create: the container, as docker run makes it
		s.parseString(line, f)
	}
	if lang == "awk" {
		for _, cmd := range sc.awkPipes() {
			s.parseString(cmd, f)
		}
		for _, line := range sc.awkLinked(nil, nil) {
			s.parseString(line, f)
		}
	}
	if i := slices.Index(facts.Opaque, treeWalkDelete); i >= 0 && sc.walksAllNarrow(treeWalkNames.Get()) {
		facts.Opaque = slices.Delete(facts.Opaque, i, i+1) // walkloops.go
	}
	s.homeWalk(&sc, &facts, f) // homewalks.go
	s.computedFacts(lang, code, &facts, f)
	return facts
}

// namedCallAt returns where the arguments of the call named at code[k:at]
// start: right after the name, or, when the function is fetched by its
// name as a string or in parentheses and called at once (R's
// get("system")(…) and match.fun("system")(…), (system)(…), Python's
// getattr(os, "system")(…), JavaScript's cp["execSync"](…)), after what
// closes the fetch.
func namedCallAt(code string, k, at int) int {
	if k == 0 || at >= len(code) {
		return at
	}
	open := code[k-1]
	if open != '"' && open != '\'' && open != '(' && open != '`' {
		return at
	}
	j := at
	if open != '(' {
		if code[j] != open {
			return at // "system is down": not the name alone
		}
		j++
	}
	n := 0
	for j < len(code) && (code[j] == ')' || code[j] == ']') && n < 2 {
		j++
		n++
	}
	if n == 0 || j >= len(code) || code[j] != '(' {
		return at
	}
	return j
}

// passedAsValue reports a call named at code[k:at] (its module prefix
// with it: os.system) that stands as an argument of another call, not
// called itself: after "(" or ",", before "," or ")".
func passedAsValue(code string, k, at int) bool {
	b := strings.TrimRight(strings.TrimRight(code[:k], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:$"), " \t")
	a := strings.TrimLeft(code[at:], " \t")
	if kw := strings.TrimRight(b, "="); len(kw) == len(b)-1 && lastIdent(kw) != "" {
		// Process(target=os.system, args=(…)), Thread(target=shutil.rmtree):
		// a keyword argument is an argument as a positional one is
		b = strings.TrimRight(strings.TrimSuffix(kw, lastIdent(kw)), " \t")
		if b != "" && b[len(b)-1] == '(' {
			b += "_" // the keyword's call is not the one looked at (print, help)
		}
	}
	if b == "" || b[len(b)-1] != '(' && b[len(b)-1] != ',' && b[len(b)-1] != '_' || a == "" || a[0] != ',' && a[0] != ')' {
		return false
	}
	if b[len(b)-1] == '(' {
		// print(shutil.rmtree), help(os.system): looked at, not called
		switch leadingIdent(lastIdent(b[:len(b)-1])) {
		case "print", "repr", "str", "type", "help", "dir", "id", "callable", "inspect", "cat", "log":
			return false
		}
	}
	return true
}

// lastIdent is the identifier s ends with, or "".
func lastIdent(s string) string {
	i := len(s)
	for i > 0 && isIdent(s[i-1]) {
		i--
	}
	return s[i:]
}

// maxAliases bounds the new names one piece of code may give the calls
// it is scanned for.
const maxAliases = 16

// aliasOf returns the name code gives the call named at code[k:at]
// without calling it: "as NAME" or ": NAME" after it (an import, a
// destructuring), or "NAME =" before it (module prefix allowed, a
// module's require('…') or import too). A name bound as a global (an
// item of globals(), vars(), globalThis['NAME'], a dict's quoted key, or
// setattr(builtins, 'NAME', …)) is the quoted NAME. It returns "" when
// there is none.
func aliasOf(code string, k, at int) string {
	rest := strings.TrimLeft(code[at:], " \t")
	if r, ok := strings.CutPrefix(rest, "as "); ok {
		return leadingIdent(strings.TrimLeft(r, " \t"))
	}
	if r, ok := strings.CutPrefix(rest, ":"); ok && !strings.HasPrefix(r, ":") {
		return leadingIdent(strings.TrimLeft(r, " \t"))
	}
	before := receiverStart(code[:k])
	if name := setattrName(before); name != "" {
		return name
	}
	if b, ok := strings.CutSuffix(before, "<-"); ok {
		// R's assignment: f <- system, f <<- system
		before = strings.TrimSuffix(b, "<") + "="
	}
	if !strings.HasSuffix(before, "=") || strings.HasSuffix(before, "==") || strings.HasSuffix(before, "!=") ||
		strings.HasSuffix(before, "<=") || strings.HasSuffix(before, ">=") {
		return ""
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	if name := quotedKeyName(before); name != "" {
		return name // globals()['run'] = subprocess.run, globalThis['sh'] = cp.execSync
	}
	i := len(before)
	for i > 0 && isIdent(before[i-1]) {
		i--
	}
	return leadingIdent(before[i:])
}

// identDots are the bytes of a dotted name.
const identDots = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_."

// receiverStart trims from the end of code the receiver a called name is
// reached through (shutil., require('child_process')., await
// import('fs').), and the blanks before it.
func receiverStart(code string) string {
	before := strings.TrimRight(code, identDots)
	for range 3 {
		if !strings.HasSuffix(before, ")") || len(before) == len(code) {
			break
		}
		open := matchingOpen(before)
		if open <= 0 || !isIdent(before[open-1]) {
			break // (a)., a grouping: no module call
		}
		before = strings.TrimRight(before[:open], identDots)
	}
	return strings.TrimRight(before, " \t")
}

// matchingOpen returns the index of the bracket that opens the one s ends
// with, or -1; brackets inside quotes are not told apart (a module's name
// holds none).
func matchingOpen(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// quotedKeyName returns NAME when s ends with a subscript by a quoted
// identifier (globals()['NAME'], g["NAME"]), or "".
func quotedKeyName(s string) string {
	if !strings.HasSuffix(s, "]") || len(s) < 4 {
		return ""
	}
	q := s[len(s)-2]
	if q != '\'' && q != '"' {
		return ""
	}
	open := strings.LastIndexByte(s[:len(s)-2], q)
	if open < 1 || s[open-1] != '[' {
		return ""
	}
	name := s[open+1 : len(s)-2]
	if leadingIdent(name) != name {
		return ""
	}
	return name
}

// setattrName returns NAME when s ends with setattr(OBJ, 'NAME', (the
// value that follows is bound to NAME on OBJ: builtins, a module), or "".
func setattrName(s string) string {
	s, ok := strings.CutSuffix(s, ",")
	if !ok {
		return ""
	}
	s = strings.TrimRight(s, " \t")
	if len(s) < 3 || s[len(s)-1] != '\'' && s[len(s)-1] != '"' {
		return ""
	}
	q := s[len(s)-1]
	open := strings.LastIndexByte(s[:len(s)-1], q)
	if open < 0 {
		return ""
	}
	name := s[open+1 : len(s)-1]
	head := strings.TrimRight(s[:open], " \t")
	head, ok = strings.CutSuffix(head, ",")
	if !ok || leadingIdent(name) != name {
		return ""
	}
	call := strings.LastIndex(head, "setattr(")
	if call < 0 || strings.ContainsAny(head[call+len("setattr("):], "(),") {
		return ""
	}
	return name
}

// leadingIdent is the identifier s starts with, or "" (or one that starts
// with a digit).
func leadingIdent(s string) string {
	i := 0
	for i < len(s) && isIdent(s[i]) {
		i++
	}
	if i == 0 || s[0] >= '0' && s[0] <= '9' {
		return ""
	}
	return s[:i]
}

// awkPipes finds the commands awk runs through pipes: print ... | "cmd"
// and "cmd" | getline.
func (sc *scanner) awkPipes() []string {
	c := sc.code
	var out []string
	for i := 0; i < len(c) && len(out) < MaxCommands; i++ {
		if c[i] != '|' {
			continue
		}
		if j := skipSpace(c, i+1); j < len(c) && c[j] == '"' {
			if v, _, ok := sc.str(j); ok {
				out = append(out, v.str)
			}
			continue
		}
		if rest := strings.TrimLeft(c[i+1:], " \t"); strings.HasPrefix(rest, "getline") {
			k := strings.LastIndexByte(c[:i], '"')
			if k <= 0 {
				continue
			}
			open := strings.LastIndexByte(c[:k], '"')
			if open >= 0 {
				out = append(out, c[open+1:k])
			}
		}
	}
	return out
}

// awkLinked gives, for awk code that both takes data in from commands or
// files ("cmd" | getline, getline < "file") and hands data out to commands
// or sockets (print | "cmd", print |& "/inet/tcp/0/HOST/PORT"), a shell
// pipeline standing for the data passing through it: "{ cmd; cat 'file';
// } | out", one for each way out. awk 'BEGIN{while(("env"|getline l)>0)
// print l | "nc H P"}' is env | nc H P.
//
// vars are the -v assignments of the command line, by name, and operands
// its input files: a command named by a variable ("c=env; c | getline")
// is read through them and the code's own assignments, and records read
// from the operands (a rule other than BEGIN) are data coming in too.
func (sc *scanner) awkLinked(vars map[string]string, operands []string) []string {
	c := sc.code
	var ins, outs []string
	if len(operands) > 0 && awkMainRule(c) {
		q := make([]string, len(operands))
		for k, o := range operands {
			q[k] = quoteWord(o)
		}
		ins = append(ins, "cat "+strings.Join(q, " "))
	}
	for i := 0; i < len(c) && len(ins)+len(outs) < MaxCommands; i++ {
		switch {
		case c[i] == '|' && i+1 < len(c) && c[i+1] != '&':
			if j := skipSpace(c, i+1); j < len(c) && c[j] == '"' {
				if v, _, ok := sc.str(j); ok && v.str != "" {
					outs = append(outs, v.str)
				}
				continue
			}
			if rest := strings.TrimLeft(c[i+1:], " \t"); strings.HasPrefix(rest, "getline") {
				k := i - 1
				for k >= 0 && (c[k] == ' ' || c[k] == '\t' || c[k] == '(') {
					k--
				}
				switch {
				case k > 0 && c[k] == '"':
					if open := strings.LastIndexByte(c[:k], '"'); open >= 0 && open+1 < k {
						ins = append(ins, c[open+1:k])
					}
				case k >= 0 && isIdent(c[k]):
					end := k + 1
					for k >= 0 && isIdent(c[k]) {
						k--
					}
					if v, ok := sc.awkVar(c[k+1:end], vars); ok {
						ins = append(ins, v)
					}
				}
			}
		case strings.HasPrefix(c[i:], "getline"):
			// getline [var] < "file"
			j := skipSpace(c, i+len("getline"))
			for j < len(c) && isIdent(c[j]) {
				j++
			}
			if j = skipSpace(c, j); j < len(c) && c[j] == '<' {
				if k := skipSpace(c, j+1); k < len(c) && c[k] == '"' {
					if v, _, ok := sc.str(k); ok && v.str != "" {
						ins = append(ins, "cat "+quoteWord(v.str))
					}
				}
			}
		case strings.HasPrefix(c[i:], "/inet/tcp/") || strings.HasPrefix(c[i:], "/inet4/tcp/") || strings.HasPrefix(c[i:], "/inet6/tcp/"):
			// /inet/tcp/LPORT/HOST/RPORT: a connection out
			end := i
			for end < len(c) && c[end] != '"' && c[end] != '\'' && c[end] != ' ' && c[end] != ')' {
				end++
			}
			if parts := strings.Split(c[i:end], "/"); len(parts) == 6 && parts[4] != "" && parts[5] != "" {
				outs = append(outs, "cat > /dev/tcp/"+parts[4]+"/"+parts[5])
			}
			i = end
		}
	}
	if len(ins) == 0 || len(outs) == 0 {
		return nil
	}
	src := "{ " + strings.Join(ins, "; ") + "; }"
	lines := make([]string, len(outs))
	for k, o := range outs {
		lines[k] = src + " | " + o
	}
	return lines
}

// awkVar is the value of an awk variable: a -v assignment, or one the
// code makes of a literal.
func (sc *scanner) awkVar(name string, vars map[string]string) (string, bool) {
	if v, ok := vars[name]; ok {
		return v, v != ""
	}
	if v, ok := sc.assignments()[name]; ok && v.known && v.str != "" {
		return v.str, true
	}
	return "", false
}

// awkMainRule reports whether awk code has a rule other than BEGIN (one
// that reads its input records): code not made only of BEGIN blocks.
func awkMainRule(code string) bool {
	rest := strings.TrimSpace(code)
	for strings.HasPrefix(rest, "BEGIN") {
		k := strings.IndexByte(rest, '{')
		if k < 0 {
			return true
		}
		depth, j := 0, k
		for ; j < len(rest); j++ {
			if rest[j] == '{' {
				depth++
			} else if rest[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j >= len(rest) {
			return false
		}
		rest = strings.TrimLeft(rest[j+1:], " \t\n;")
	}
	return rest != ""
}

// awkWords returns the -v assignments and the input files of an awk
// command line (words), around its program text code.
func awkWords(words []string, code string) (vars map[string]string, operands []string) {
	seenCode := false
	for k := 1; k < len(words); k++ {
		w := words[k]
		switch {
		case !seenCode && (w == "-v" || w == "--assign") && k+1 < len(words):
			if n, v, ok := strings.Cut(words[k+1], "="); ok {
				if vars == nil {
					vars = map[string]string{}
				}
				vars[n] = v
			}
			k++
		case !seenCode && (w == "-F" || w == "-f" || w == "--field-separator" || w == "--file") && k+1 < len(words):
			k++
		case !seenCode && strings.HasPrefix(w, "-v") && strings.Contains(w, "="):
			if n, v, ok := strings.Cut(w[2:], "="); ok {
				if vars == nil {
					vars = map[string]string{}
				}
				vars[n] = v // -vc=env
			}
		case !seenCode && strings.HasPrefix(w, "-") && w != "-":
		case !seenCode && w == code:
			seenCode = true
		case seenCode && !strings.Contains(w, "="):
			operands = append(operands, w)
		}
	}
	return vars, operands
}

// hook reports what one call does; rest is the code after the call. It
// returns false when the call runs or deletes something its arguments do
// not say (they are computed, not literal).
func (s *state) hook(kind hookKind, args []value, rest string, f frame) bool {
	switch kind {
	case hookShell:
		cmd, ok := shellCommand(args)
		if ok {
			s.parseString(cmd, f)
		}
		// A command partly computed (system(pack(...)), "rm " + p) is
		// walked for what it shows, and is still code nobody can see.
		return ok && commandKnown(args) && !stdinShell(cmd)
	case hookProcLine:
		// WinExec("powershell -c iex (iwr URL)", 0): no shell reads the
		// line; the program it starts splits it (lolbas.go)
		for _, a := range args {
			if a.known && !a.list && strings.TrimSpace(a.str) != "" {
				s.parseString(translateProcessLine(a.str), f)
				return true
			}
		}
		return false
	case hookCmdLine:
		// Process.Start("rm", "-rf /home/dev"): the arguments are one
		// command line, split as the program's runtime splits it
		if len(args) == 2 && args[0].known && args[1].known && !args[0].list && !args[1].list {
			s.parseString(quoteWord(args[0].str)+" "+args[1].str, f)
			return true
		}
		if len(args) == 1 && strings.HasPrefix(strings.TrimSpace(args[0].raw), "new ProcessStartInfo(") {
			return true // Process.Start(new ProcessStartInfo("git", "status")): read as its own call
		}
		if len(args) == 0 && strings.HasPrefix(rest, startInfoMark) {
			return true // new ProcessStartInfo(): its properties are read as their own call (processsetters.go)
		}
		if len(args) == 1 && identName(strings.TrimSpace(args[0].raw)) && strings.HasPrefix(rest, startInfoMark) {
			return true // Process.Start(psi): psi's own ProcessStartInfo(…) or its properties are read (processsetters.go)
		}
		cmd, ok := shellCommand(args)
		if ok {
			s.parseString(cmd, f)
		}
		return ok && commandKnown(args)
	case hookPipMain:
		if len(args) == 0 || !args[0].list || len(args[0].items) == 0 {
			return false
		}
		s.parseString("pip "+quoteWords(args[0].items), f)
		return args[0].known
	case hookArgv, hookSpawn:
		first := 1
		if kind == hookSpawn {
			first = 2
		}
		if len(args) > first {
			if cmd, ok := shellCommand(args[first:]); ok {
				s.parseString(cmd, f)
				return !stdinShell(cmd)
			}
		}
		return false
	case hookRmTree, hookRmFile:
		words := []string{"rm", "-f"}
		if kind == hookRmTree {
			words = []string{"rm", "-r", "-f"}
		}
		n := len(words)
		for _, a := range args {
			if a.known && !a.list {
				words = append(words, a.str)
			}
		}
		if len(words) == n {
			return false
		}
		s.synth(f, words)
	case hookRead:
		if len(args) > 0 && args[0].known && !args[0].list {
			if len(args) > 1 && writeMode(args[1]) {
				// Opened for writing: reported as "tee" of the file, which
				// the engine judges as a write.
				s.synth(f, []string{"tee", args[0].str})
				return true
			}
			s.synth(f, []string{"cat", args[0].str})
		}
	case hookPath:
		if len(args) == 0 || !args[0].known || args[0].list {
			return true
		}
		rest = strings.TrimLeft(rest, " \t")
		for _, m := range []string{"expanduser", "resolve", "absolute"} {
			// Path('~/x').expanduser().write_text(...): the same path.
			if hasMethod(rest, m) {
				after := strings.TrimLeft(rest[len(m)+1:], " \t")
				if strings.HasPrefix(after, "()") {
					rest = strings.TrimLeft(after[2:], " \t")
				}
			}
		}
		switch {
		case hasMethod(rest, "unlink"), hasMethod(rest, "rmdir"):
			s.synth(f, []string{"rm", "-f", args[0].str})
		case hasMethod(rest, "read_text"), hasMethod(rest, "read_bytes"), hasMethod(rest, "open"):
			s.synth(f, []string{"cat", args[0].str})
		case hasMethod(rest, "write_text"), hasMethod(rest, "write_bytes"):
			s.synth(f, []string{"tee", args[0].str})
		}
	case hookPerlOpen:
		if !s.perlOpen(args, f) {
			return false
		}
	case hookChmod:
		if len(args) > 0 && args[0].known && !args[0].list {
			s.synth(f, []string{"chmod", "0", args[0].str})
		}
	case hookCopy:
		if len(args) > 1 && args[0].known && args[1].known && !args[0].list && !args[1].list {
			s.synth(f, []string{"cp", "-r", args[0].str, args[1].str})
		}
	case hookWrite:
		// Reported as "tee" of the file, which the engine judges as a write.
		if len(args) > 0 && args[0].known && !args[0].list {
			s.synth(f, []string{"tee", args[0].str})
			if len(args) > 2 && executableMode(args[2].raw) {
				// os.WriteFile(P, b, 0o755): written and made executable,
				// as a write and a chmod are
				s.synth(f, []string{"chmod", "0", args[0].str})
			}
			if len(args) > 1 && args[1].known && !args[1].list {
				// writeFileSync('x.sh', 'TEXT'): the line wrote TEXT there.
				s.recordFile(args[0].str, args[1].str, false)
			}
		}
	case hookRecvWrite, hookRecvRead, hookRecvDelete:
		if args[0].known && !args[0].list {
			s.synth(f, []string{recvVerbs[kind-hookRecvWrite], args[0].str})
		}
	case hookRecvDeleteTree:
		if args[0].known && !args[0].list {
			s.synth(f, []string{"rm", "-r", "-f", args[0].str})
		}
	case hookKill:
		// os.kill(-1, …) is found by codeFacts (the pid is a number).
	case hookOpen3:
		if len(args) > 3 {
			if cmd, ok := shellCommand(args[3:]); ok {
				s.parseString(cmd, f)
				return true
			}
		}
		return false
	case hookPipeOpen:
		if len(args) > 0 && args[0].known && !args[0].list && strings.HasPrefix(args[0].str, "|") {
			s.parseString(args[0].str[1:], f)
		}
	}
	return true
}

// writeMode reports whether an open call's mode argument opens for
// writing: a mode string ("w", "a", "r+") or flag constants
// (File::WRONLY|File::APPEND, os.O_WRONLY|os.O_CREAT, fs.constants.O_RDWR).
func writeMode(m value) bool {
	if m.known {
		return !m.list && strings.ContainsAny(m.str, "wax+")
	}
	for _, flag := range writeFlags {
		if strings.Contains(m.raw, flag) {
			return true
		}
	}
	return false
}

// writeFlags are the open(2) flag names that write, as the languages'
// constants spell them.
var writeFlags = []string{"WRONLY", "RDWR", "APPEND", "CREAT", "TRUNC"}

// recvVerbs are the commands the receiver hooks amount to, in hook order.
var recvVerbs = [...]string{"tee", "cat", "rm"}

// maxReceiver bounds how far back a method's receiver is looked for.
const maxReceiver = 512

// receiver reads the object the method named at code[k:] is called on: a
// parenthesised path expression, "(EXPR).name", or a variable assigned
// one, "p.name". A call's result ("Path('x').name", handled by its own
// hook, or "f(x).name") and anything else are not read.
func (sc *scanner) receiver(k int) (value, bool) {
	c := sc.code
	j := k - 1
	if j < 1 || c[j] != '.' {
		return value{}, false
	}
	for j > 0 && (c[j-1] == ' ' || c[j-1] == '\t') {
		j--
	}
	if j < 1 {
		return value{}, false // " .name" at the start: no receiver
	}
	if c[j-1] == ')' {
		depth := 0
		for o := j - 1; o >= 0 && j-o <= maxReceiver; o-- {
			switch c[o] {
			case ')':
				depth++
			case '(':
				depth--
			}
			if depth != 0 {
				continue
			}
			if o > 0 && (isIdent(c[o-1]) || c[o-1] == '.') {
				// File(P).deleteRecursively(), new File(P).deleteDir(),
				// Pathname.new(P).rmtree: a path object made from its
				// first argument
				return sc.pathObject(o)
			}
			v, next := sc.value(skipSpace(c, o+1))
			if skipSpace(c, next) != j-1 {
				return value{}, false
			}
			return v, true
		}
		return value{}, false
	}
	end := j
	for j > 0 && isIdent(c[j-1]) {
		j--
	}
	if j == end || j > 0 && c[j-1] == '.' {
		return value{}, false
	}
	v, ok := sc.assignments()[c[j:end]]
	return v, ok
}

// pathObjects are the types whose constructor's first argument is the
// path the object stands for, in the languages' spellings: java.io.File
// (Kotlin, Groovy, Java, Scala), Dart's Directory and File, C#'s
// DirectoryInfo, Ruby's Pathname, Swift's URL(fileURLWithPath:),
// VBScript's FileSystemObject.GetFolder.
var pathObjects = table.Map[string, bool]{Words: `File Directory Link DirectoryInfo FileInfo Pathname
	URL GetFolder GetFile Paths.get Path.of`}

// projectPathHelpers are frameworks' helpers that give a path inside the
// project (Laravel's storage_path("logs") is storage/logs), by the
// folder they start from.
var projectPathHelpers = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"storage_path": "storage", "base_path": ".", "app_path": "app",
		"public_path": "public", "resource_path": "resources", "database_path": "database"}
}}

// pathObject reads the constructor call whose "(" is at o as the path it
// makes an object of: its first argument, when the type is a path type.
func (sc *scanner) pathObject(o int) (value, bool) {
	c := sc.code
	b := o
	for b > 0 && (isIdent(c[b-1]) || c[b-1] == '.') {
		b--
	}
	full := strings.TrimSuffix(c[b:o], ".new") // Pathname.new
	name := full
	if k := strings.LastIndexByte(name, '.'); k >= 0 {
		name = name[k+1:] // java.io.File, fso.GetFolder
	}
	if !pathObjects.Get(name) && !pathObjects.Get(full) {
		return value{}, false
	}
	args, _, ok := sc.call(o)
	if !ok || len(args) == 0 || args[0].list {
		return value{}, false
	}
	return args[0], true
}

// methodWithoutParens reports a language whose methods are called without
// brackets as often as with them (Ruby's p.rmtree, VBScript's f.Delete
// True).
func methodWithoutParens(lang string) bool {
	return lang == "ruby" || lang == "vbscript" || lang == "crystal"
}

func hasMethod(rest, name string) bool {
	after, ok := strings.CutPrefix(rest, "."+name)
	return ok && strings.HasPrefix(strings.TrimLeft(after, " \t"), "(")
}

// perlOpen handles open(FH, "<file"), open(FH, "<", file) and the pipe
// forms open(FH, "cmd |"), open(FH, "| cmd"), open(FH, "-|", cmd...).
func (s *state) perlOpen(args []value, f frame) bool {
	if len(args) < 2 || !args[1].known || args[1].list {
		return true
	}
	mode := strings.TrimSpace(args[1].str)
	if len(args) >= 3 {
		switch {
		case mode == "<" || mode == "<:raw" || strings.HasPrefix(mode, "<:"):
			if args[2].known && !args[2].list {
				s.synth(f, []string{"cat", args[2].str})
			}
		case strings.Contains(mode, "|"):
			if cmd, ok := shellCommand(args[2:]); ok {
				s.parseString(cmd, f)
				if mode == "|-" && stdinShell(cmd) {
					return false // open($p, "|-", "sh"): what it prints is run
				}
			}
		case strings.HasPrefix(mode, ">"), strings.HasPrefix(mode, "+"):
			// ">", ">>", "+<", "+>": opened for writing, reported as
			// "tee" of the file, which the engine judges as a write.
			if args[2].known && !args[2].list {
				s.synth(f, []string{"tee", args[2].str})
			}
		}
		return true
	}
	switch {
	case strings.HasSuffix(mode, "|"):
		s.parseString(strings.TrimSuffix(mode, "|"), f)
	case strings.HasPrefix(mode, "|"):
		s.parseString(mode[1:], f)
		if stdinShell(mode[1:]) {
			return false // open(P, "| sh"): what it prints is run
		}
	case strings.HasPrefix(mode, ">"), strings.HasPrefix(mode, "+"):
		if p := strings.TrimSpace(strings.TrimLeft(mode, "+<>")); p != "" && !strings.HasPrefix(p, "&") {
			s.synth(f, []string{"tee", p}) // ">>file": a write; ">&STDOUT" a dup
		}
	default:
		s.synth(f, []string{"cat", strings.TrimSpace(strings.TrimPrefix(mode, "<"))})
	}
	return true
}

// stdinShell reports whether a command line a one-liner starts is a shell
// or interpreter given no script: the code then writes the commands into
// its standard input (Popen(['sh'], stdin=PIPE).communicate(b'…'),
// open($p, "|-", "sh"); print $p …), which the scan does not follow.
func stdinShell(cmd string) bool {
	fs := strings.Fields(cmd)
	if len(fs) == 0 || !isInterpreter(progName(fs[0])) {
		return false
	}
	_, stdin := readsStdin(fs)
	return stdin
}

// synth reports a command a one-liner amounts to.
func (s *state) synth(f frame, words []string) {
	g := frame{depth: f.depth + 1, strDepth: f.strDepth + 1, via: f.via, synthetic: true, pl: s.newPipe(), remote: f.remote}
	s.emitWords(g, words, nil, nil, false)
}

// shellCommand renders the arguments of a process-spawning call as shell
// text: a string is a command line; a list, or a program followed by a
// list or by more strings, is an argument vector.
func shellCommand(args []value) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	if args[0].list {
		return quoteWords(args[0].items), len(args[0].items) > 0
	}
	if !args[0].known && args[0].str == "" {
		return "", false
	}
	if strings.ContainsAny(args[0].str, " \t;|&<>") {
		// A first word with blanks or operators names no program: it is a
		// command line, whatever follows it (proc_open("CMD", $specs),
		// system("CMD", $status)).
		return args[0].str, true
	}
	if len(args) > 1 && args[1].list {
		return quoteWord(args[0].str) + " " + quoteWords(args[1].items), true
	}
	if len(args) > 1 && args[1].known {
		var argv []string
		for _, a := range args {
			if a.list || !a.known {
				break
			}
			argv = append(argv, a.str)
		}
		return quoteWords(argv), true
	}
	return args[0].str, true
}

// JoinWords quotes each word for the shell and joins them: a command line
// that parses back to the words (a container's command, kept as words by
// the program that starts it, read again as a line).
func JoinWords(ws []string) string { return quoteWords(ws) }

func quoteWords(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = quoteWord(w)
	}
	return strings.Join(q, " ")
}

// quoteWord quotes one argument for the shell, keeping "$_" (an unknown
// piece) unquoted so that it stays an expansion.
func quoteWord(w string) string {
	if w == "$_" {
		return w
	}
	if w != "" && strings.IndexFunc(w, func(r rune) bool { return r >= 0x80 || r < 0x80 && !safeByte[r] }) < 0 {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// value is one argument of a call in code.
type value struct {
	str   string   // the string, with "$_" for pieces that are not literals
	known bool     // str is entirely literal
	list  bool     // a list literal
	items []string // its elements ("$_" for non-literals)
	raw   string   // the argument's source text, as call read it
}

// builderChain adds to a call's arguments those its builder's chained
// methods add (Rust's Command::new("sh").arg("-c").args(&["rm -rf x"])),
// and gives where the chain ends.
func (sc *scanner) builderChain(args []value, end int) ([]value, int) {
	c := sc.code
	for range 32 {
		j := end
		for j < len(c) && (c[j] == ' ' || c[j] == '\t' || c[j] == '\n' || c[j] == '\r') {
			j++
		}
		var name string
		switch {
		case strings.HasPrefix(c[j:], ".arg("):
			name = ".arg"
		case strings.HasPrefix(c[j:], ".args("):
			name = ".args"
		default:
			return args, end
		}
		k := j + len(name) + 1
		if k < len(c) && c[k] == '&' {
			// .args(&[…]): a borrowed list is the list
			c = c[:k] + " " + c[k+1:]
			sc.code = c
		}
		more, e, ok := sc.call(j + len(name))
		if !ok {
			return args, end
		}
		for _, v := range more {
			if !v.list {
				args = append(args, v)
				continue
			}
			for _, it := range v.items {
				args = append(args, value{str: it, known: !strings.Contains(it, "$_"), raw: it})
			}
		}
		end = e
	}
	return args, end
}

// scanner reads just enough of a one-liner's syntax: string literals, list
// literals and argument lists.
type scanner struct {
	lang  string
	code  string
	depth int // calls nested in arguments being read
	work  int // bytes read, against maxScan

	vars     map[string]value // NAME = VALUE assignments in the code, found on first use
	varsDone bool
	loops    loopScan // loops over literal lists and walks (walkloops.go), found on first use
}

// Bounds of the one-liner scanner: how deeply calls in arguments are
// followed (Path(os.path.expanduser('~')) is two), and how many bytes it
// reads in all, since each call found is read from its own start.
const (
	maxCallNesting = 8
	maxScan        = MaxParseBytes
)

// call reads the arguments of a call whose name ends at i: "(args)", or
// for perl and ruby also "name ARGS;".
func (sc *scanner) call(i int) ([]value, int, bool) {
	if sc.depth >= maxCallNesting || sc.work > maxScan {
		return nil, i, false
	}
	sc.depth++
	defer func() { sc.depth-- }()
	c := sc.code
	j := skipSpace(c, i)
	var prog *value
	if sc.lang == "perl" && j < len(c) && c[j] == '{' {
		// exec {PROGRAM} LIST, system {PROGRAM} LIST: the block names
		// the program run, the list's first word is only its argv[0].
		v, next := sc.value(j + 1)
		k := skipSpace(c, next)
		if k >= len(c) || c[k] != '}' {
			return nil, i, false
		}
		prog = &v
		i = k
		j = skipSpace(c, k+1)
	}
	closer := byte(0)
	switch {
	case j < len(c) && c[j] == '(':
		closer = ')'
		j++
	case (sc.lang == "perl" || sc.lang == "ruby") && j > i && j < len(c) && (c[j] == '\'' || c[j] == '"' || c[j] == '['):
	case (sc.lang == "perl" || sc.lang == "ruby") && j > i && j < len(c) && (c[j] == 'q' || c[j] == '%' || c[j] == '*') && sc.isWordList(j):
		// system qw(rm -rf), $d; system %w[rm -rf]: a list of words
	case (sc.lang == "perl" || sc.lang == "ruby") && j > i && j < len(c) && (c[j] == 'q' || c[j] == '%') && sc.isQuoteOp(j):
		// system qq{rm -rf ~}, system %Q(…): a string quoted by an operator
	case (sc.lang == "perl" || sc.lang == "ruby") && j > i && j < len(c) && bareCallArgument(c[j:]):
		// system decode_base64("…"), system Base64.decode64("…"): a
		// call's value handed on without brackets
	case sc.lang == "perl" && j > i && j < len(c) && (c[j] == '@' || c[j] == '$'):
		// system @cmd, system $line: a variable the code assigned
	case sc.lang == "perl" && j > i && perlHandleFirst(c[j:]) > 0:
		// open F, "<f"; open my $fh, "<", $f: a filehandle, then the
		// list (a declaration is read from its variable on)
		if c[j] != '$' && strings.IndexByte(c[j:j+perlHandleFirst(c[j:])], '$') > 0 {
			j += strings.IndexByte(c[j:], '$')
		}
	case sc.lang == "applescript" && j > i && j < len(c) && c[j] != '\n':
		// do shell script EXPR: a string or a variable, no parentheses
	case (sc.lang == "haskell" || sc.lang == "vbscript" || sc.lang == "ocaml") && j > i && j < len(c) && (c[j] == '\'' || c[j] == '"' || isIdent(c[j]) && sc.lang != "ocaml"):
		// removeDirectoryRecursive "/x", fso.DeleteFolder "C:/x", True:
		// a function applied to its arguments with no brackets
	case sc.lang == "lua" && j < len(c) && (c[j] == '\'' || c[j] == '"' || LongBracketLen(c[j:]) > 0):
		// os.execute "rm -rf ~", os.execute [[…]]: Lua calls a function
		// with one string literal and no parentheses
	default:
		return nil, i, false
	}
	var args []value
	for n := 0; n < 64; n++ {
		labelled := false
		j = skipSpace(c, j)
		if j >= len(c) || closer != 0 && c[j] == closer || c[j] == ';' || c[j] == '\n' || c[j] == ')' {
			break
		}
		if labelledArgs(sc.lang) {
			// removeItem(atPath: P), URL(fileURLWithPath: P),
			// deleteSync(recursive: true): an argument's label is not
			// its value
			k := j
			for k < len(c) && isIdent(c[k]) {
				k++
			}
			if k > j && k+1 < len(c) && c[k] == ':' && c[k+1] != ':' {
				j = skipSpace(c, k+1)
				labelled = n > 0 // a named option after the path: not a path
			}
		}
		if sc.lang == "python" {
			// A keyword argument (file='x', mode='a') is read by its
			// value, in the place Python's open() and the like give it.
			k := j
			for k < len(c) && isIdent(c[k]) {
				k++
			}
			if e := skipSpace(c, k); k > j && e < len(c) && c[e] == '=' && (e+1 >= len(c) || c[e+1] != '=') {
				j = e + 1
			}
		}
		v, next := sc.value(j)
		v.raw = c[j:next]
		if labelled {
			// (read past, not kept)
		} else if sc.lang == "perl" && v.list && v.known {
			// perl flattens a list among a call's arguments: system
			// qw(rm -rf), $d is system("rm", "-rf", $d)
			for _, w := range v.items {
				args = append(args, value{str: w, known: true, raw: w})
			}
		} else {
			args = append(args, v)
		}
		j = skipSpace(c, next)
		if j < len(c) && (c[j] == ',' || sc.lang == "perl" && c[j] == '=' && j+1 < len(c) && c[j+1] == '>') {
			if c[j] == '=' {
				j++
			}
			j++
			continue
		}
		break
	}
	if closer != 0 && j < len(c) && c[j] == closer {
		j++
	}
	if prog != nil && len(args) > 0 {
		args[0].str, args[0].known = prog.str, prog.known && args[0].known
	}
	return args, j, true
}

// value reads one argument: string pieces joined by + (or . in perl and
// php), a list literal, or a wrapping call with a literal first argument
// (Path('x'), os.path.expanduser('~/x')).
func (sc *scanner) value(i int) (value, int) {
	c := sc.code
	if sc.lang == "rust" {
		if k := skipSpace(c, i); k < len(c) && c[k] == '&' {
			i = k + 1 // a borrow (&d, &format!(…)) is the value it borrows
		}
	}
	if sc.lang == "r" && strings.HasPrefix(c[i:], "c(") {
		return sc.list(i+2, ')') // R's vector: c("-rf", "/tmp/x")
	}
	if sc.lang == "lua" && i < len(c) && c[i] == '{' {
		return sc.list(i+1, '}') // Lua's sequence: vim.system({"git", "status"})
	}
	if sc.lang == "go" && strings.HasPrefix(c[i:], "[]string{") {
		return sc.list(i+len("[]string{"), '}') // Go's slice: []string{"rm", "-rf", d}
	}
	if k := skipSpace(c, i); k < len(c) && (c[k] == 'q' || c[k] == '%' || c[k] == '*' || c[k] == '(') {
		if v, next, ok := sc.wordList(k); ok {
			return v, next // perl's qw(rm -rf), ruby's %w[rm -rf]
		}
		if sc.lang == "perl" && c[k] == '(' {
			return sc.list(k+1, ')') // perl's list: ("rm", "-rf", $d)
		}
	}
	if v, next, ok := sc.variable(i); ok && v.list {
		if j := skipSpace(c, next); sc.concatLen(j) == 0 {
			return v, next // a list the code assigned: its words, as far as they are known
		}
	}
	if i < len(c) && c[i] == '[' && (sc.lang != "lua" || LongBracketLen(c[i:]) == 0) {
		v, next := sc.list(i+1, ']')
		if j := skipSpace(c, next); strings.HasPrefix(c[j:], ".join(") {
			// ['cu', 'rl -s …'].join(''): the items joined
			if args, end, ok := sc.call(j + 5); ok && len(args) <= 1 && (len(args) == 0 || args[0].known && !args[0].list) {
				sep := ","
				if len(args) == 1 {
					sep = args[0].str
				}
				if k := skipSpace(c, end); k >= len(c) || c[k] != '.' {
					return value{str: strings.Join(v.items, sep), known: v.known}, end
				}
			}
		}
		if j := skipSpace(c, next); j < len(c) && c[j] == '.' {
			// ["726d…"].pack("H*"): a method of the list computes
			// something else from it.
			v.known = false
			end := skipExpr(c, j, sc.concat())
			sc.work += end - j
			next = max(end, j+1)
		}
		return v, next
	}
	var b strings.Builder
	known, any := true, false
	for {
		i = skipSpace(c, i)
		if s, next, ok := sc.str(i); ok {
			text := s.str
			known = known && s.known
			any = true
			i = next
			if j := skipSpace(c, i); (sc.lang == "python" || sc.lang == "ruby") && j+1 < len(c) && c[j] == '%' && c[j+1] != '=' {
				// "rm -rf %s" % home: the format filled in
				text, known, i = sc.formatted(text, known, j+1)
			}
			if j := skipSpace(c, i); j < len(c) && sc.concatLen(j) == 0 && (c[j] == '.' && sc.concat() != "." || c[j] == '[') {
				if n := reversal(c[j:]); n > 0 {
					// "~ fr- mr".reverse, "x"[::-1]: the literal reversed.
					text, i = reverseString(text), j+n
				} else if joined, end, ok := sc.joined(text, j); ok {
					// ''.join(['cu', 'rl …']): the items joined by the literal
					text, i = joined.str, end
					known = known && joined.known
				} else {
					// ''.join(...), and any other method or index on the
					// literal, computes something else.
					known = false
					next := skipExpr(c, j, sc.concat())
					sc.work += next - j
					i = max(next, j+1)
				}
			}
			b.WriteString(text)
		} else if inner, next, ok := sc.wrapped(i); ok {
			b.WriteString(inner.str)
			known = known && inner.known
			any = true
			i = next
		} else if name, next := sc.selfInterpreter(i); next > 0 {
			// subprocess.run([sys.executable, ...]): codeself.go
			b.WriteString(name)
			any = true
			i = next
		} else if v, next, ok := sc.variable(i); ok {
			b.WriteString(v.str)
			known = known && v.known
			any = true
			i = next
		} else {
			next := skipExpr(c, i, sc.concat())
			sc.work += next - i
			if next == i {
				break
			}
			b.WriteString("$_")
			known, any = false, true
			i = next
		}
		j := skipSpace(c, i)
		if n := sc.concatLen(j); n > 0 {
			i = j + n
			continue
		}
		if sc.lang == "python" && j+1 < len(c) && c[j] == '/' && c[j+1] != '/' && c[j+1] != '=' {
			// Path.home() / '.bashrc': pathlib's join.
			b.WriteByte('/')
			i = j + 1
			continue
		}
		if sc.lang == "python" && j < len(c) && (c[j] == '\'' || c[j] == '"') {
			i = j // adjacent literals concatenate
			continue
		}
		if sc.lang == "awk" && j < len(c) && (c[j] == '"' || j > i && strings.IndexByte(",);}|><=!&?:]\n", c[j]) < 0) {
			i = j // awk concatenates what stands side by side: "rm -rf " ENVIRON["HOME"]
			continue
		}
		break
	}
	if !any {
		return value{}, i
	}
	return value{str: b.String(), known: known}, i
}

// joinPath joins path parts as the languages' join functions do: a part
// that starts at the root starts the path again.
func joinPath(parts []string) string {
	out := ""
	for _, p := range parts {
		switch {
		case strings.HasPrefix(p, "/") || out == "":
			out = p
		case strings.HasSuffix(out, "/"):
			out += p
		default:
			out += "/" + p
		}
	}
	return out
}

// concat is the one-byte operators that join strings in the scanned
// language (none in Lua, whose operator is two bytes: concatLen).
func (sc *scanner) concat() string {
	switch sc.lang {
	case "perl", "php":
		return "."
	case "applescript":
		return "&+" // AppleScript's &, and JXA's +
	case "julia":
		return "*" // "rm -rf " * homedir()
	case "lua":
		return ""
	}
	return "+"
}

// knownStrings returns the texts of args when every one is a known
// string (no list, nothing computed).
func knownStrings(args []value) ([]string, bool) {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if !a.known || a.list {
			return nil, false
		}
		parts = append(parts, a.str)
	}
	return parts, true
}

// LongBracketLen is the length of the Lua long bracket that opens s ([[,
// [=[, [==[ …), 0 when s does not start with one (Lua's long strings, and
// CMake's and premake's, which share the form).
func LongBracketLen(s string) int {
	if len(s) < 2 || s[0] != '[' {
		return 0
	}
	k := 1
	for k < len(s) && s[k] == '=' {
		k++
	}
	if k < len(s) && s[k] == '[' {
		return k + 1
	}
	return 0
}

// concatLen is the length of a string-joining operator at j in the code,
// 0 when none stands there: one of concat's bytes, or Lua's "..", which
// is not its "..." (the function's extra arguments).
func (sc *scanner) concatLen(j int) int {
	c := sc.code
	if j >= len(c) {
		return 0
	}
	if sc.lang == "lua" {
		if strings.HasPrefix(c[j:], "..") && !strings.HasPrefix(c[j:], "...") {
			return 2
		}
		return 0
	}
	if sc.lang == "ruby" && strings.HasPrefix(c[j:], "<<") && j+2 < len(c) && strings.IndexByte(" \t'\"", c[j+2]) >= 0 {
		return 2 // "rm -rf " << "/home/dev": Ruby's append (not a here-document, which no blank or quote follows)
	}
	if strings.IndexByte(sc.concat(), c[j]) >= 0 {
		return 1
	}
	return 0
}

// formatted fills in a format string's placeholders (%s, %d, %r) with
// the value after its % operator, at index i: a single known value fills
// a single placeholder; anything else leaves "$_" in each, not known. It
// returns the text, whether it is known, and the index after the value.
func (sc *scanner) formatted(text string, known bool, i int) (string, bool, int) {
	v, next := sc.value(skipSpace(sc.code, i))
	if next == i {
		next = i + 1
	}
	n := 0
	for _, p := range [...]string{"%s", "%d", "%r", "%i"} {
		n += strings.Count(text, p)
	}
	fill := "$_"
	if n == 1 && v.known && !v.list {
		fill = v.str
	} else {
		known = false
	}
	return strings.NewReplacer("%s", fill, "%d", fill, "%r", fill, "%i", fill).Replace(text), known, next
}

// isWordList reports a literal list of words at code[i] (wordList).
func (sc *scanner) isWordList(i int) bool {
	_, _, ok := sc.wordList(i)
	return ok
}

// wordList reads a literal list of words: perl's qw(…) (any delimiter:
// qw{…}, qw/…/) and ruby's %w[…] and %W[…], splatted or not (*%w[…]).
func (sc *scanner) wordList(i int) (value, int, bool) {
	c := sc.code
	j := i
	switch {
	case sc.lang == "perl" && strings.HasPrefix(c[i:], "qw"):
		j = i + 2
	case sc.lang == "ruby" && (strings.HasPrefix(c[i:], "%w") || strings.HasPrefix(c[i:], "%W")):
		j = i + 2
	case sc.lang == "ruby" && (strings.HasPrefix(c[i:], "*%w") || strings.HasPrefix(c[i:], "*%W")):
		j = i + 3
	default:
		return value{}, i, false
	}
	if sc.lang == "perl" {
		j = skipSpace(c, j)
	}
	if j >= len(c) || isIdent(c[j]) || c[j] == ' ' || c[j] == '\t' || c[j] == '\n' {
		return value{}, i, false // qwerty, qw =>: not a list
	}
	closer := quoteCloser(c[j])
	end := strings.IndexByte(c[j+1:], closer)
	if end < 0 {
		return value{}, i, false
	}
	words := strings.Fields(c[j+1 : j+1+end])
	sc.work += end
	return value{list: true, known: true, items: words, str: strings.Join(words, " ")}, j + end + 2, true
}

// luaField reads a Lua table constructor's "name =" at i: the name and the
// index of its value.
func luaField(c string, i int) (string, int, bool) {
	j := i
	for j < len(c) && isIdent(c[j]) {
		j++
	}
	if j == i || c[i] >= '0' && c[i] <= '9' {
		return "", i, false
	}
	k := skipSpace(c, j)
	if k >= len(c) || c[k] != '=' || k+1 < len(c) && c[k+1] == '=' {
		return "", i, false
	}
	return c[i:j], skipSpace(c, k+1), true
}

// list reads the elements of a list literal after its opening, up to
// end ("]", or ")" for R's c()).
func (sc *scanner) list(i int, end byte) (value, int) {
	c := sc.code
	v := value{list: true, known: true}
	for n := 0; n < 4096; n++ {
		i = skipSpace(c, i)
		if i >= len(c) {
			return v, i
		}
		if c[i] == end {
			return v, i + 1
		}
		key := ""
		if sc.lang == "lua" && end == '}' {
			// {args = {"-c", CMD}}: a keyed field's value; the argument
			// list of uv.spawn's options is the list's own items
			if k, at, ok := luaField(c, i); ok {
				key, i = k, at
			}
		}
		e, next := sc.value(i)
		if key != "" && next > i {
			if key == "args" && e.list {
				v.items = append(v.items, e.items...)
				v.known = v.known && e.known
			}
			i = skipSpace(c, next)
			if i < len(c) && (c[i] == ',' || c[i] == ';') {
				i++
			}
			continue
		}
		if next == i {
			end := skipExpr(c, i, "")
			sc.work += end - i
			return v, end
		}
		if !e.known {
			v.known = false
		}
		v.items = append(v.items, e.str)
		i = skipSpace(c, next)
		if i < len(c) && c[i] == ',' {
			i++
		}
	}
	return v, i
}

// wrapped reads a call like Path('x') or os.path.join('a') whose first
// argument is a literal, standing for that literal.
func (sc *scanner) wrapped(i int) (value, int, bool) {
	c := sc.code
	if strings.HasPrefix(c[i:], "new ") {
		i = skipSpace(c, i+4) // new File(P): Java's, Groovy's, C#'s constructor
	}
	j := i
	for j < len(c) && (isIdent(c[j]) || c[j] == '.') {
		j++
	}
	if j == i || j >= len(c) || c[j] != '(' {
		return value{}, i, false
	}
	args, end, ok := sc.call(j)
	if !ok || len(args) == 0 || args[0].list {
		return value{}, i, false
	}
	v := args[0]
	full := strings.TrimSuffix(c[i:j], ".new") // Pathname.new(P), File.new(P)
	fn := full
	if k := strings.LastIndexByte(fn, '.'); k >= 0 {
		fn = fn[k+1:]
	}
	switch {
	case !v.known:
	case (fn == "join" || fn == "joinpath" || pathJoins.Get(sc.lang+" "+full)) && len(args) >= 2:
		// os.path.join(A, B), path.join(A, B), File.join(A, B), julia's
		// joinpath(A, B), R's file.path(A, B), Go's filepath.Join(A, B),
		// Java's Path.of(A, B): a path.
		if parts, ok := knownStrings(args); ok {
			v.str = joinPath(parts)
		} else {
			v.known = false
		}
	case sc.lang == "r" && (fn == "paste" || fn == "paste0"):
		// R's paste("rm -rf", path.expand("~")): the pieces joined by a
		// blank (paste0: by nothing); a piece not known, or a named
		// argument (sep =, collapse =), leaves the text not known.
		sep := " "
		if fn == "paste0" {
			sep = ""
		}
		if parts, ok := knownStrings(args); ok {
			v.str = strings.Join(parts, sep)
		} else {
			v.known = false
		}
	case codeDecoders.Get(fn) != nil:
		// base64.b64decode('...'), atob('...'), bytes.fromhex('...'):
		// the text the code runs is the decoded one.
		if len(args) == 1 || fn == "from" || fn == "decode" {
			if d, ok := codeDecoders.Get(fn)(v.str, args[1:]); ok {
				v.str = d
				break
			}
		}
		v.known = false
	case identityWrappers.Get(fn) && len(args) == 1:
	case (pathObjects.Get(fn) || pathObjects.Get(full)) && len(args) == 1:
		// File(P), new File(P), Directory(P), Paths.get(P): the path P
	case projectPathHelpers.Get(fn) != "" && len(args) == 1:
		v.str = path.Join(projectPathHelpers.Get(fn), v.str) // storage_path("logs")
	default:
		// Any other function computes something else from the literal.
		v.known = false
	}
	// A method on the result: decode() and toString() give the same text,
	// anything else computes something else.
	for k := skipSpace(c, end); k < len(c) && c[k] == '.'; k = skipSpace(c, end) {
		m := k + 1
		for m < len(c) && isIdent(c[m]) {
			m++
		}
		if !identityMethods.Get(c[k+1 : m]) {
			v.known = false
		}
		if _, e, ok := sc.call(m); ok {
			end = e
		} else {
			end = m
		}
		if m == k+1 {
			break
		}
	}
	return v, end, true
}

// joined reads Python's SEP.join([…]) at j (the dot after the literal
// SEP): the list's items joined, when the list is written out and nothing
// is called on the result.
func (sc *scanner) joined(sep string, j int) (value, int, bool) {
	c := sc.code
	if !strings.HasPrefix(c[j:], ".join(") {
		return value{}, j, false
	}
	args, end, ok := sc.call(j + 5)
	if !ok || len(args) != 1 || !args[0].list {
		return value{}, j, false
	}
	if k := skipSpace(c, end); k < len(c) && (c[k] == '.' || c[k] == '[') {
		return value{}, j, false
	}
	return value{str: strings.Join(args[0].items, sep), known: args[0].known}, end, true
}

// reversal is the length of a reversing suffix at the start of s
// ("[::-1]", ".reverse", ".reverse()", `.split("").reverse().join("")`),
// or 0.
func reversal(s string) int {
	for _, r := range []string{"[::-1]", ".split('').reverse().join('')", `.split("").reverse().join("")`, ".reverse()", ".reverse"} {
		if strings.HasPrefix(s, r) && (len(s) == len(r) || !isIdent(s[len(r)])) {
			return len(r)
		}
	}
	return 0
}

// reverseString reverses s by runes.
func reverseString(s string) string {
	r := []rune(s)
	for a, b := 0, len(r)-1; a < b; a, b = a+1, b-1 {
		r[a], r[b] = r[b], r[a]
	}
	return string(r)
}

// pathJoins are, as "LANG CALL", the calls other than join and joinpath
// that join their arguments into one path.
var pathJoins = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"r file.path": true, "go filepath.Join": true, "go path.Join": true,
		"java Path.of": true, "java Paths.get": true, "kotlin Path.of": true, "kotlin Paths.get": true,
		"groovy Paths.get": true, "scala Paths.get": true}
}}

// identityWrappers are functions that hand their one argument's text on
// as the same text or the same path (str(p), os.path.expanduser(p),
// Path(p), String(s)).
var identityWrappers = table.Map[string, bool]{Words: `str String Path PurePath expanduser expandvars
	abspath realpath normpath resolve expand_path
	fspath join to_s strval`}

// identityMethods are methods that leave a text as it is.
var identityMethods = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"decode": true, "toString": true, "strip": true, "trim": true, "rstrip": true, "lstrip": true,
		"to_s": true, "chomp": true, "expanduser": true, "resolve": true, "": true,
	}
}}

// codeDecoders undo the encodings code hides a command in; the extra
// arguments are the call's others (Buffer.from(s, 'base64')).
var codeDecoders = table.Map[string, func(s string, extra []value) (string, bool)]{Build: func() map[string]func(s string, extra []value) (string, bool) {
	return map[string]func(s string, extra []value) (string, bool){
		"b64decode":          func(s string, _ []value) (string, bool) { return base64Text(s) },
		"standard_b64decode": func(s string, _ []value) (string, bool) { return base64Text(s) },
		"urlsafe_b64decode": func(s string, _ []value) (string, bool) {
			return base64Text(strings.NewReplacer("-", "+", "_", "/").Replace(s))
		},
		"decode64": func(s string, _ []value) (string, bool) { return base64Text(s) },
		"atob":     func(s string, _ []value) (string, bool) { return base64Text(s) },
		"fromhex":  hexText,
		// codecs.decode(s, 'hex'), codecs.decode(s, 'rot13'): the codec names it
		"decode": func(s string, extra []value) (string, bool) {
			if len(extra) == 0 {
				return s, true
			}
			switch strings.ToLower(strings.ReplaceAll(extra[0].str, "_", "")) {
			case "hex":
				return hexText(s, nil)
			case "base64":
				return base64Text(s)
			case "rot13":
				return rot13(s), true
			}
			return "", false
		},
		"unhexlify": hexText,
		"a2b_hex":   hexText,
		"from": func(s string, extra []value) (string, bool) {
			if len(extra) == 0 {
				return s, true // Buffer.from('text')
			}
			switch strings.ToLower(extra[0].str) {
			case "base64":
				return base64Text(s)
			case "hex":
				return hexText(s, nil)
			}
			return "", false
		},
	}
}}

func hexText(s string, _ []value) (string, bool) {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	return string(b), err == nil
}

// str reads a string literal at i.
func (sc *scanner) str(i int) (value, int, bool) {
	c := sc.code
	if (sc.lang == "perl" && i < len(c) && c[i] == 'q' || sc.lang == "ruby" && i < len(c) && c[i] == '%') && i+1 < len(c) {
		if v, next, ok := sc.quoteOp(i); ok {
			return v, next, true // quoteops.go: qq{…}, %Q(…)
		}
	}
	raw, format := false, false
	j := i
	if sc.lang == "python" {
		for j < len(c) && j-i < 2 && strings.IndexByte("rRbBfFuU", c[j]) >= 0 {
			switch c[j] {
			case 'r', 'R':
				raw = true
			case 'f', 'F':
				format = true
			}
			j++
		}
	}
	verbatim := false
	if sc.lang == "csharp" {
		// C#'s $"…{x}…" interpolates, its @"…" is verbatim ("" a quote)
		for j < len(c) && j-i < 2 && (c[j] == '$' || c[j] == '@') {
			if c[j] == '@' {
				verbatim = true
			} else {
				format = true
			}
			j++
		}
	}
	if sc.lang == "lua" && j < len(c) && c[j] == '[' {
		if n := LongBracketLen(c[j:]); n > 0 {
			// [[rm -rf ~]], [==[…]==]: Lua's long string, taken as it stands
			closeAt := strings.Index(c[j+n:], "]"+strings.Repeat("=", n-2)+"]")
			if closeAt < 0 {
				return value{}, i, false
			}
			sc.work += closeAt
			return value{str: c[j+n : j+n+closeAt], known: true}, j + n + closeAt + n, true
		}
	}
	if j >= len(c) || c[j] != '\'' && c[j] != '"' && !(c[j] == '`' && (sc.lang == "node" || sc.lang == "julia")) {
		return value{}, i, false
	}
	q := c[j]
	triple := sc.lang == "python" && strings.HasPrefix(c[j:], strings.Repeat(string(q), 3))
	j++
	if triple {
		j += 2
	}
	// Single quotes in perl, ruby and php only escape \\ and \' (Lua's,
	// R's, Python's and JavaScript's read escapes: escapingSingleQuotes).
	literal := q == '\'' && !escapingSingleQuotes.Get(sc.lang)
	interp := !raw && !literal && (format || q == '`' || q == '"' && sc.lang != "python")
	var b strings.Builder
	known := true
	start := j
	defer func() { sc.work += j - start }()
	for j < len(c) {
		ch := c[j]
		if triple && strings.HasPrefix(c[j:], strings.Repeat(string(q), 3)) {
			return value{str: b.String(), known: known}, j + 3, true
		}
		if verbatim && ch == q && j+1 < len(c) && c[j+1] == q {
			b.WriteByte(q) // @"-c ""rm -rf ~""": a quote
			j += 2
			continue
		}
		if !triple && ch == q {
			return value{str: b.String(), known: known}, j + 1, true
		}
		if verbatim && ch == '\\' {
			b.WriteByte(ch)
			j++
			continue
		}
		if ch == '\\' && j+1 < len(c) {
			e := c[j+1]
			if !raw && !literal {
				if t, next, ok := codeEscape(sc.lang, c, j+1); ok {
					b.WriteString(t) // '\x2f', "\057", '\u002f' (codeescapes.go)
					j = next
					continue
				}
			}
			j += 2
			switch {
			case raw:
				b.WriteByte('\\')
				b.WriteByte(e)
			case literal:
				if e != '\\' && e != '\'' {
					b.WriteByte('\\')
				}
				b.WriteByte(e)
			default:
				b.WriteByte(e)
			}
			continue
		}
		if interp {
			if t, ok, end := sc.perlInterpolated(j); end > j {
				b.WriteString(t) // perlinterp.go: system "@c"
				known = known && ok
				j = end
				continue
			}
			if end := interpolation(sc.lang, format, c, j); end > j {
				if v, ok := sc.interpolatedName(c[j:end]); ok {
					b.WriteString(v) // $"-rf {d}" with d = "/home/dev"
				} else {
					b.WriteString("$_")
					known = false
				}
				j = end
				continue
			}
		}
		b.WriteByte(ch)
		j++
	}
	return value{}, i, false // unterminated
}

// interpolatedName gives the string a C# interpolation {NAME} holds: the
// literal the code binds NAME to (codevars.go); ok is false for any other
// piece, or another language's.
func (sc *scanner) interpolatedName(piece string) (string, bool) {
	if sc.lang != "csharp" || len(piece) < 3 {
		return "", false
	}
	name := strings.TrimSpace(piece[1 : len(piece)-1])
	if !identName(name) {
		return "", false
	}
	v, ok := sc.assignments()[name]
	if !ok || !v.known || v.list {
		return "", false
	}
	return v.str, true
}

// interpolation gives the end of an interpolated piece starting at j:
// python f-string {x}, JS ${x}, ruby #{x}, perl and php $x.
func interpolation(lang string, format bool, c string, j int) int {
	switch {
	case (lang == "python" || lang == "csharp") && format && c[j] == '{' && !strings.HasPrefix(c[j:], "{{"),
		lang == "node" && strings.HasPrefix(c[j:], "${"),
		lang == "ruby" && strings.HasPrefix(c[j:], "#{"):
		k := strings.IndexByte(c[j:], '}')
		if k < 0 {
			return j
		}
		return j + k + 1
	case (lang == "perl" || lang == "php") && c[j] == '$' && j+1 < len(c) && (isIdent(c[j+1]) || c[j+1] == '{'):
		k := j + 1
		for k < len(c) && (isIdent(c[k]) || c[k] == '{' || c[k] == '}') {
			k++
		}
		return k
	}
	return j
}

// quotedCommands finds backquoted commands and qx/%x strings.
func (sc *scanner) quotedCommands() []string {
	c := sc.code
	var out []string
	for i := 0; i < len(c); i++ {
		switch {
		case c[i] == '`':
			k := strings.IndexByte(c[i+1:], '`')
			if k < 0 {
				return out
			}
			out = append(out, sc.perlInterpolate(i+1, i+1+k))
			i += k + 1
		case sc.lang == "perl" && strings.HasPrefix(c[i:], "qx") && (i == 0 || !isIdent(c[i-1])),
			sc.lang == "ruby" && strings.HasPrefix(c[i:], "%x"):
			j := i + 2
			if j >= len(c) || isIdent(c[j]) || c[j] == ' ' {
				continue
			}
			close := quoteCloser(c[j])
			k := strings.IndexByte(c[j+1:], close)
			if k < 0 {
				return out
			}
			if c[j] == '\'' {
				out = append(out, c[j+1:j+1+k]) // qx'…' interpolates nothing
			} else {
				out = append(out, sc.perlInterpolate(j+1, j+1+k))
			}
			i = j + 1 + k
		}
	}
	return out
}

func skipSpace(c string, i int) int {
	for i < len(c) && (c[i] == ' ' || c[i] == '\t' || c[i] == '\n' || c[i] == '\r') {
		i++
	}
	return i
}

// skipExpr skips an expression that is not a literal, up to a top-level
// ",", ")", "]", ";" or one of stops.
func skipExpr(c string, i int, stops string) int {
	depth := 0
	for ; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch == '(' || ch == '[' || ch == '{':
			depth++
		case ch == ')' || ch == ']' || ch == '}':
			if depth == 0 {
				return i
			}
			depth--
		case depth == 0 && (ch == ',' || ch == ';' || ch == '\n' || strings.IndexByte(stops, ch) >= 0):
			return i
		case ch == '\'' || ch == '"':
			k := strings.IndexByte(c[i+1:], ch)
			if k < 0 {
				return len(c)
			}
			i += k + 1
		}
	}
	return i
}

// quoteCloser is the delimiter that ends a quote-like operator's text
// opened by open (Perl's qw( ) and qx{ }, Ruby's %w[ ] and %x< >): a
// bracket's partner, any other character itself.
func quoteCloser(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	case '<':
		return '>'
	}
	return open
}

// bareCallArgument reports whether rest, after a perl or ruby call
// written without brackets, starts with a call of another function (a
// name and an opening bracket: decode_base64(…), Base64.decode64(…)),
// not a keyword that ends the statement (system if x).
func bareCallArgument(rest string) bool {
	k := 0
	for k < len(rest) && (isIdent(rest[k]) || rest[k] == '.' || rest[k] == ':') {
		k++
	}
	if k == 0 || rest[0] >= '0' && rest[0] <= '9' {
		return false
	}
	return skipSpace(rest, k) < len(rest) && rest[skipSpace(rest, k)] == '(' || k < len(rest) && rest[k] == '('
}

// perlHandleFirst reports, for the text after a Perl call's name written
// without brackets, the length of a filehandle argument and the comma
// after it (F, or my $fh, or STDOUT,), or 0 when the text starts with
// none: a bareword or a declared scalar, then a comma.
func perlHandleFirst(rest string) int {
	k := 0
	for _, decl := range [...]string{"my ", "our ", "local "} {
		if strings.HasPrefix(rest, decl) {
			k = skipSpace(rest, len(decl))
			if k >= len(rest) || rest[k] != '$' {
				return 0
			}
			k++
			break
		}
	}
	start := k
	for k < len(rest) && isIdent(rest[k]) {
		k++
	}
	if k == start || rest[start] >= '0' && rest[start] <= '9' {
		return 0
	}
	k = skipSpace(rest, k)
	if k >= len(rest) || rest[k] != ',' {
		return 0
	}
	return k + 1
}

// eventLoops are the Python modules whose run and call start no process:
// they run a coroutine in an event loop (asyncio.run(main()),
// trio.run(main), anyio.run(main)).
var eventLoops = [...]string{"asyncio.", "trio.", "anyio.", "curio.", "uvloop.",
	// the docker SDK's containers.run(IMAGE, CMD): CMD runs in the
	// container, read with its mounts by containerspec
	"containers."}

// notProcessCall reports a process-starting name (run, call) written as a
// method of a module that starts no process, before is the code up to the
// name.
func notProcessCall(lang, before string) bool {
	if lang != "python" {
		return false
	}
	for _, m := range eventLoops {
		if strings.HasSuffix(before, m) {
			return len(before) == len(m) || !isIdent(before[len(before)-len(m)-1])
		}
	}
	return false
}

// labelledArgs reports a language whose calls label their arguments
// (Swift's atPath:, Dart's, C#'s, Kotlin's and Ruby's named arguments).
func labelledArgs(lang string) bool {
	switch lang {
	case "swift", "dart", "csharp", "kotlin", "groovy", "ruby", "crystal":
		return true
	}
	return false
}

// haskellBinds rewrites Haskell's binds of a value the scanner reads as a
// literal into the calls and assignments the other languages spell: A >>=
// f is f A, and x <- A in a do block is x = A.
func haskellBinds(code string) string {
	if strings.Contains(code, " <- ") {
		code = strings.ReplaceAll(code, " <- ", " = ")
	}
	for n, at := 0, 0; n < 16; n++ {
		k := strings.Index(code[at:], ">>=")
		if k < 0 {
			break
		}
		k += at
		at = k + 3
		l := strings.TrimRight(code[:k], " \t")
		if l == "" || l[len(l)-1] != '\'' && l[len(l)-1] != '"' {
			continue
		}
		q := strings.LastIndexByte(l[:len(l)-1], l[len(l)-1])
		r := skipSpace(code, k+3)
		e := r
		for e < len(code) && (isIdent(code[e]) || code[e] == '.') {
			e++
		}
		if q < 0 || e == r {
			continue
		}
		code = code[:q] + code[r:e] + " " + l[q:] + code[e:]
		at = q + (e - r) + 1 + len(l) - q
	}
	return code
}

// executableMode reports a file mode written as an octal literal (0755,
// 0o700, 0O711) that lets someone execute the file.
func executableMode(raw string) bool {
	m := strings.TrimSpace(raw)
	for _, p := range []string{"0o", "0O", "0"} {
		if r, ok := strings.CutPrefix(m, p); ok {
			m = r
			break
		}
	}
	if len(m) < 3 || len(m) > 4 || strings.Trim(m, "01234567") != "" {
		return false
	}
	for i := len(m) - 3; i < len(m); i++ {
		if (m[i]-'0')&1 != 0 {
			return true
		}
	}
	return false
}

package effect

import (
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// uploadURL reports whether a file a command writes is a URL: the copy
// goes to another host (aws s3 cp F s3://B/K, gsutil cp F gs://B/).
func uploadURL(w string) bool {
	return strings.Contains(w, "://") && !strings.HasPrefix(w, "file://")
}

// toURL reports a write to a URL as an upload of what the command reads,
// its standard input included ("-").
func (a *analysis) toURL(i int, u string, f *cmdFacts) {
	a.url(i, u, f)
	f.sink = "network"
	f.sendsIn = true
	f.sends = append(f.sends, f.reads...)
}

// sqlShellCommands finds the shell commands in SQL text: a client's
// escape at the start of a line, and those the server's shell runs
// (SQLPrograms: COPY ... TO/FROM PROGRAM 'CMD', xp_cmdshell 'CMD',
// archive_command = 'CMD'), often on this machine.
func sqlShellCommands(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if cmd := clientShellCommand(line); cmd != "" { // sqlclientcmds.go
			out = append(out, cmd)
		} else if cmd := psqlPipe(line); cmd != "" {
			out = append(out, cmd)
		} else if cmd := dotPipe(line); cmd != "" {
			out = append(out, cmd)
		}
	}
	if len(out) > 0 {
		return out
	}
	out = SQLPrograms(text)
	u := strings.ToUpper(text)
	if k := strings.Index(u, " PROGRAM "); len(out) == 0 && k >= 0 && strings.Contains(u[:k], "COPY") {
		// COPY … TO PROGRAM cmd not quoted as SQLPrograms reads it
		out = append(out, strings.TrimSpace(text[k+len(" PROGRAM "):]))
	}
	return append(out, PLCommands(text)...) // sqlprocedures.go
}

// psqlPipes are psql's meta-commands that send output to a shell command
// given as "|cmd": \g and \gx (the query's result, after its output
// options in brackets: \g (format=csv) |cmd), \o (every result after it),
// \w (the query buffer).
var psqlPipes = [...]string{"g", "gx", "o", "out", "w", "write"}

// psqlPipe gives the shell command a psql meta-command in line pipes to
// (SELECT … \g |sh), "" when none.
func psqlPipe(line string) string {
	for at := strings.IndexByte(line, '\\'); at >= 0 && at+1 < len(line); {
		j := at + 1
		for j < len(line) && line[j] >= 'a' && line[j] <= 'z' {
			j++
		}
		if slices.Contains(psqlPipes[:], line[at+1:j]) {
			rest := strings.TrimLeft(line[j:], " \t")
			if strings.HasPrefix(rest, "(") && (line[at+1] == 'g') {
				// \g (format=unaligned) |cmd: the output's options first
				if k := strings.IndexByte(rest, ')'); k > 0 {
					rest = strings.TrimLeft(rest[k+1:], " \t")
				}
			}
			if strings.HasPrefix(rest, "|") {
				return strings.TrimSpace(rest[1:])
			}
		}
		k := strings.IndexByte(line[j:], '\\')
		if k < 0 {
			break
		}
		at = j + k
	}
	return ""
}

// dotPipes are sqlite3's and duckdb's dot-commands whose file argument
// may be "|cmd", a shell command: .once and .output write the results to
// it, .import and .read read its output.
var dotPipes = table.Map[string, bool]{Words: "once output import read"}

// dotPipe gives the shell command a dot-command in line writes to or
// reads from (.once |sh, .output '|curl -T - U', .import "|cmd" t), ""
// when none.
func dotPipe(line string) string {
	name, rest := dotCommand(line) // sqlclientcmds.go: .o, .outp, .imp as well
	if !dotPipes.Get(name) {
		return ""
	}
	rest = strings.TrimLeft(rest, " \t")
	for strings.HasPrefix(rest, "-") {
		// .once -x, .import --csv --skip 1: options before the file
		_, rest = cutBlank(rest)
	}
	if q := rest; len(q) > 1 && (q[0] == '\'' || q[0] == '"') {
		if end := strings.IndexByte(q[1:], q[0]); end >= 0 {
			rest = q[1 : end+1]
		}
	}
	if cmd, ok := strings.CutPrefix(rest, "|"); ok {
		return strings.TrimSpace(cmd)
	}
	return ""
}

// SQLShellWord starts the Word of the Unknown effect a shell command run
// by SQL text has; the command follows it, for a judge that reads the
// command as the whole line it is (a download piped to a shell).
const SQLShellWord = "SQL runs a shell command: "

// sqlShellEscapes judges the shell commands SQL text runs: a person
// should look at any (unknown code), and the effects of one that parses are
// the line's own (a delete of the home directory is denied).
func (a *analysis) sqlShellEscapes() {
	n := len(a.out)
	for k := 0; k < n; k++ {
		e := a.out[k]
		if e.Kind != SQL {
			continue
		}
		for _, cmd := range sqlShellCommands(e.Target) {
			a.add(Effect{Kind: Unknown, Cmd: e.Cmd, Detail: "code", Word: SQLShellWord + cmd})
			a.sqlShellEffects(e.Cmd, cmd)
		}
		for _, cmd := range sqlPagers(e.Target) {
			// a pager is a program the results are piped through, judged
			// by what it does (pager less is not code to look at)
			if !a.sqlShellEffects(e.Cmd, cmd) {
				a.add(Effect{Kind: Unknown, Cmd: e.Cmd, Detail: "code", Word: SQLShellWord + cmd})
			}
		}
	}
}

// sqlShellEffects adds, as command i's, the effects of a shell command SQL
// text runs; false when the command does not parse.
func (a *analysis) sqlShellEffects(i int, cmd string) bool {
	res := shell.Parse(cmd)
	if res.Unparsed {
		return false
	}
	for _, x := range Of(&res, nil, a.env) {
		x.Cmd = i
		a.add(x)
	}
	return true
}

// sqlPagers finds the commands SQL text makes its client pipe results
// through: mysql's "pager CMD" and "\P CMD" (to the statement's end), and
// psql's "\setenv PAGER CMD" (PSQL_PAGER too).
func sqlPagers(text string) []string {
	if indexFold(text, "pager") < 0 && !strings.Contains(text, `\P`) {
		return nil
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, `\setenv`); ok {
			name, val := cutBlank(strings.TrimLeft(rest, " \t"))
			if val = strings.Trim(strings.TrimSpace(val), `"'`); (name == "PAGER" || name == "PSQL_PAGER") && val != "" {
				out = append(out, val)
			}
			continue
		}
		for st := range strings.SplitSeq(line, ";") {
			// mysql's pager in any case, at the start of any statement
			w, rest := cutBlank(strings.TrimLeft(st, " \t"))
			if rest = strings.TrimSpace(rest); rest != "" && (strings.EqualFold(w, "pager") || w == `\P`) {
				out = append(out, rest)
			}
		}
	}
	return out
}

// opaqueActs are words with which code in a language nobody scans deletes,
// runs programs, writes or reaches the network.
var opaqueActs = []string{"rm(", "rm_rf", "rmtree", "rmdir", "unlink", "delete", "remove", "system(", "system ", "shell",
	"exec", "spawn", "popen", "process", "cmd(", "command", "syscmd", "run(", "run \"", "run '", "run @", "run $", "run <", "run «", "shell $", "shell @", "qx{", "download", "http", "socket", "connect",
	"fetch", "curl", "write", "environ", "getenv",
	// the environment read by Elixir's System.get_env and julia's ENV[…]
	"get_env", "env[",
	// moving, linking and truncating files; commands in backquotes (julia),
	// through a pipe (R's pipe(), tcl's open "|cmd"; gnuplot's "< cmd" is
	// walked as the command it is),
	// Lisp's run-program and system*, Erlang's del_dir_r; rm passed as a
	// function (foreach(rm, …)).
	"rename", "mv(", "move", "symlink", "ln_s", "truncate", "`", "pipe(", "\"|", "{|",
	"run-program", "system*", "del_dir", "(rm,", " rm,",
	// packages installed straight from a repository nobody here has read
	// (R's remotes::install_github and pak::pkg_install("user/repo"),
	// julia's Pkg.add(url=…))
	"install_github", "install_git", "install_url", "install_bitbucket", "install_gitlab", "pkg_install",
	"github.com/", "gitlab.com/", "git+",
	// a package submitted to its registry (R's devtools::submit_cran and
	// devtools::release send it to CRAN)
	"submit_cran", "::release(",
	// code built or read at run time and run (groovy's evaluate of its
	// input, a Lisp's eval): what it does is not on the line
	"eval"}

// opaqueCode judges code for an interpreter the analysis has no scanner
// for (catalogue "code-lang=opaque": julia -e, Rscript -e, emacs --eval,
// tclsh with a here-string): code that acts (deletes, runs, writes,
// connects) is unknown code a person should look at; code that only
// computes and prints is not. A plain process call is judged as the
// command it runs: the walk parsed it as one when the code is a word of
// the line (walked), else it is judged here.
func (a *analysis) opaqueCode(i int, c *shell.Command, e *catalog.Entry, code string, walked bool) {
	if e == nil || e.Prop("code-lang") != "opaque" {
		return
	}
	scan := code
	if calls, rest := shell.PlainProcessCalls(code); len(calls) > 0 {
		// System.cmd("git", ["status"]): what a plain call runs is judged
		// as that command; the code around it is judged without it
		// (opaqueliterals.go)
		if !walked {
			a.plainCallEffects(i, c, calls)
		}
		scan = rest
	}
	low := consolePrints.Get().Replace(strings.ToLower(scan))
	if t := strings.TrimSpace(code); strings.HasPrefix(t, "!") || strings.Contains(code, ";!") || strings.Contains(code, "; !") {
		// gnuplot's and octave's "! CMD" runs a shell command.
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code that acts (!): " + code})
		return
	}
	if readsWholeEnv(code) { // envreads.go
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code that acts (ENV): " + code})
		return
	}
	scanned := scannedActs.Get(c.Name)
	for _, w := range opaqueActs {
		if strings.Contains(low, w) && !slices.Contains(scanned, w) {
			if strings.HasPrefix(w, "system") && !standaloneWord(low, w) {
				continue // asdf:test-system, load-system, operating-system: a name, no call
			}
			if (w == "getenv" || w == "get_env" || w == "env[") && namedPlainGetenvs(low) {
				continue
			}
			if projectFileActs(low) {
				return
			}
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code that acts (" + strings.TrimSpace(w) + "): " + code})
			a.literalCommandEffects(i, code) // opaqueliterals.go
			return
		}
	}
}

// dirChanges are the calls with which code in a language nobody scans
// changes its working directory (julia's cd, R's setwd, chdir).
var dirChanges = [...]string{"cd(", "setwd(", "chdir("}

// computedDirChange reports whether code changes its working directory to
// one it computes (cd(dirname(pwd()))): its relative names then name files
// anywhere, not the project's.
func computedDirChange(low string) bool {
	for _, c := range dirChanges {
		for j := range substrs.Occurrences(low, c) {
			if j > 0 && (low[j-1] >= 'a' && low[j-1] <= 'z' || low[j-1] >= '0' && low[j-1] <= '9' || low[j-1] == '_') {
				continue // mkcd( is another call; os.chdir( is the same one
			}
			rest := strings.TrimLeft(low[j+len(c):], " \t")
			if rest == "" || rest[0] != '"' && rest[0] != '\'' {
				return true
			}
		}
	}
	return false
}

// standaloneWord reports whether w occurs in code at least once as a name
// of its own: not the end of a longer name joined by a letter, digit,
// "-" or "_" (a Lisp's asdf:test-system, an operating-system call).
func standaloneWord(code, w string) bool {
	for k := 0; ; {
		j := strings.Index(code[k:], w)
		if j < 0 {
			return false
		}
		j += k
		if j == 0 {
			return true
		}
		b := code[j-1]
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '_') {
			return true
		}
		k = j + 1
	}
}

// consolePrints spells the calls that write to the console only
// (C#'s Console.WriteLine, Pascal's and D's writeln, julia's
// write(stdout, …)) as a print, so that their "write" is no act.
var consolePrints = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("console.writeline(", "print(", "console.write(", "print(", "writeln(", "print(",
		"write(stdout", "print(stdout", "write(stderr", "print(stderr", "stdout.write(", "print(", "stderr.write(", "print(")
}}

// literalGetenv is a read of one environment variable named by a literal:
// R's Sys.getenv("HOME"), Lisp's (getenv "HOME"), Elixir's
// System.get_env("MIX_ENV"), julia's ENV["HOME"].
var literalGetenv = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:getenv|get_env)\s*\(?\s*["']([a-z0-9_]+)["']\s*\)|env\[\s*["']([a-z0-9_]+)["']\s*\]`)
}}

// namedPlainGetenvs reports whether every read of the environment in
// opaque code (lower-cased) names one variable by a literal, and none
// names a secret, nor a file that holds one (GITHUB_TOKEN_FILE,
// KUBECONFIG): printing R_LIBS_USER or HOME is computing, not acting.
func namedPlainGetenvs(low string) bool {
	m := literalGetenv.Get().FindAllStringSubmatch(low, -1)
	if len(m) != strings.Count(low, "getenv")+strings.Count(low, "get_env")+strings.Count(low, "env[") {
		return false
	}
	for _, g := range m {
		name := strings.ToUpper(g[1] + g[2])
		// (a socket's name, SSH_AUTH_SOCK, is only a place until code
		// connects to it, which is an act of its own)
		_, held := credentialFileVars.Lookup(name)
		if held && !strings.HasSuffix(name, "_SOCK") || secretName(name) || secretFileVar(name) {
			return false
		}
	}
	return true
}

// scannedActs are, for an interpreter the catalogue calls opaque whose
// language the shell package also scans (R), the acts of opaqueActs that
// scan reads whole: a command line handed to system() is judged as the
// command it is, so it is no unknown code. (Its reads of the environment
// are not: what R prints without a print call is not followed.)
var scannedActs = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"Rscript": {"system("},
		"rscript": {"system("},
		"R":       {"system("},
		"r":       {"system("},
	}
}}

// fileActs are the acts of opaqueActs that only change files.
var fileActs = []string{"rm(", "rm_rf", "rmtree", "rmdir", "unlink", "delete", "remove", "write", "rename", "mv(", "move", "symlink",
	"ln_s", "truncate", "(rm,", " rm,", "del_dir"}

// ownDirs are the directories inside a project that are not the
// project's files to change: a repository's history and the guard's and
// the agents' own settings (a literal ".git" in opaque code that deletes
// is the repository's history deleted, whatever else it names).
var ownDirs = []string{".git", ".hg", ".svn", ".jj", ".rampart", ".claude"}

// namesOwnDir reports a relative path literal one of whose segments is
// one of ownDirs (.git, ./.git/hooks, sub/.rampart).
func namesOwnDir(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if slices.Contains(ownDirs, seg) {
			return true
		}
	}
	return false
}

// projectFileActs reports whether opaque code (lower-cased) only changes
// files, names them by paths inside the working directory, and reaches
// nothing else: no other act, no home directory, environment or absolute
// or parent path (julia -e 'foreach(rm, readdir("build"; join=true))').
func projectFileActs(low string) bool {
	for _, w := range opaqueActs {
		if strings.Contains(low, w) && !slices.Contains(fileActs, w) {
			return false
		}
	}
	for _, m := range []string{"home", "~", "env", "..", "glob", "$", "`"} {
		if strings.Contains(low, m) {
			return false
		}
	}
	if computedDirChange(low) {
		return false
	}
	literals := 0
	for _, q := range []byte{'"', '\''} {
		parts := strings.Split(low, string(q))
		for k := 1; k < len(parts); k += 2 {
			literals++
			if strings.HasPrefix(parts[k], "/") || namesOwnDir(parts[k]) {
				return false
			}
		}
	}
	return literals > 0
}

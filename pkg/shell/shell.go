// Package shell turns a command line into the simple commands a shell would
// run, so that a policy judges what is executed rather than the raw text.
//
// Glob patterns on a raw command are trivially evaded: "/bin/rm -fr /",
// "\rm -rf /", "sudo env rm -rf /" and "bash -c 'rm -rf /'" all run rm.
// [Parse] reads the line with a real shell parser (mvdan.cc/sh/v3/syntax,
// bash dialect) and reports every simple command it can reach, with quotes
// removed and the program reduced to its base name.
//
// # What is reached
//
//   - Lists, pipelines (each command knows its pipeline and stage),
//     subshells, groups, if/while/for/case bodies, function bodies, and
//     command substitutions, backticks and process substitutions anywhere
//     in a word, an assignment or a redirection.
//   - Strings a shell runs: "bash -c STR" (and sh, zsh, dash, ksh, busybox
//     sh, with any flags), "eval ARGS", "su -c STR", the remote command of
//     "ssh HOST CMD" (autossh, mosh; a remote shell reading stdin runs what
//     the line feeds ssh), "watch CMD", "flock FILE -c STR", here-documents and
//     here-strings fed to a shell, and what earlier pipeline stages feed a
//     shell on stdin ("echo CMD | sh", "cat <<EOF | sh", through
//     "base64 -d"). These are parsed again, one level deeper, up to
//     [MaxStringDepth].
//   - Commands behind wrappers: sudo, doas, env (including "env -S STR"),
//     command, builtin, exec, nice, nohup, time, timeout, stdbuf, ionice,
//     chroot, setsid, unbuffer, flock, busybox, xargs and find -exec. Both the
//     wrapper and the wrapped command are reported; the wrapped one lists
//     its wrappers in [Command.Via]. Unless a test such as -name narrows
//     it, "find PATH -delete" is reported as a synthetic "rm -r -f PATH"
//     and "find PATH -exec CMD {} ;" also as a synthetic CMD run on PATH.
//   - Variables assigned earlier on the same line ("X=rm; $X -rf /"),
//     including export/declare/local/readonly; "$(echo rm)" and
//     "$(printf rm)" are resolved. What cannot be resolved keeps its text
//     ("$FOO") and marks the command [Command.Dynamic]; a dynamic program's
//     Name is its last path element when that is literal ("$DIR/rm" is rm).
//     "~", "~/x", "$HOME" and "${HOME}" are kept as "~", "~/x" and "$HOME"
//     for the caller to expand against the user's home.
//   - A download run by an interpreter ("sh -c \"$(curl URL)\"",
//     "bash <(curl URL)", "eval \"$(wget -qO- URL)\"") is reported as a
//     pipeline: the substituted commands are earlier stages of the
//     interpreter's pipeline, exactly as in "curl URL | sh".
//   - One-liners of python, perl, ruby, node, php and awk are scanned (best
//     effort, not parsed) for shell strings handed to os.system, subprocess,
//     system, backticks, child_process and the like, for tree deletions
//     (shutil.rmtree, fs.rmSync, ...) and for file reads; these come back as
//     [Command.Synthetic] commands.
//
// A line the parser rejects is split on ";", "&&", "||", "|" and newlines,
// then on white space with quotes stripped, and flagged [Result.Unparsed];
// so is a string inside it that a shell would run ("bash -c '...'").
// Splitting over-reports rather than hides: `echo "x; rm -rf /` gives echo
// and rm.
//
// # Bounds
//
// Parse never panics and its work is bounded: string recursion stops at
// [MaxStringDepth], structural nesting at [MaxDepth], output at
// [MaxCommands], and the bytes parsed and produced by expansion at
// [MaxParseBytes] and [MaxExpandBytes]. When a bound stops the walk,
// [Result.Truncated] is set and a caller should treat the line as unknown.
//
// # Fast path
//
// Most commands an agent runs are plain ("git status", "go test ./..."). A
// line made only of letters, digits, blanks and the bytes -_./:=,+@%^ (and
// ~ where it means the home, as in "cat ~/.ssh/id_rsa") that does not start
// with an assignment or a shell keyword is split on blanks without the
// parser; the wrapper and recursion logic is the same, and a command that is
// no wrapper, shell or interpreter is reported at once. The fast path and
// the parser give identical results on every line the fast path accepts
// (FuzzFastPathMatchesParser).
//
// Lines a little richer are read without the parser too: lists (;, &&,
// ||) of pipelines of simple commands whose words are plain bytes, globs,
// single quotes, double quotes, $NAME, ${NAME} and command substitutions
// $(…) of the same kind, after literal assignments (CGO_ENABLED=0 go
// build), with plain redirections (2>&1, >/dev/null). lightParse builds
// for them the very tree the parser would (node for node, position for
// position: TestLightParseMatchesParser over every exec row of the tables,
// FuzzLightParse), and the walk is the same; anything else ($1, ${a:-b}, a
// backslash, a backquote, a newline, a keyword, an assignment of a quoted
// or expanded value, a here-document…) goes to the parser.
//
// The returned slices may share backing arrays (a wrapper's Args hold its
// wrapped command's words); treat them as read-only.
package shell

import "strings"

// Command is one simple command the shell would run.
type Command struct {
	Name      string     // program base name after quote removal ("rm" for "/bin/rm", "r''m", "\rm")
	Program   string     // the program word as written, quotes removed ("/bin/rm")
	Args      []string   // arguments after the program, quotes removed
	Redirects []Redirect // redirections on this command
	Pipeline  int        // id of the pipeline it belongs to; unique within one Parse result
	Stage     int        // 0-based position within that pipeline
	Depth     int        // nesting: 0 top level; +1 inside bash -c strings, eval, $(...), `...`, <(...)
	Via       []string   // wrappers it was found behind, outermost first (["sudo","env"])
	Dynamic   bool       // a word had an expansion that could not be resolved statically
	Synthetic bool       // derived from an interpreter one-liner (python -c, perl -e, node -e, ruby -e) or find -delete
	Repeats   bool       // runs again and again: in a while, until or for loop's condition or body
	// Block is set on a command with no program that carries a block's or
	// a loop's redirections ({ …; } < F, while …; done < F): what is
	// inside reads and writes through them. A redirection alone
	// (</dev/tcp/H/P) has no Block: it opens the file and closes it.
	Block bool
	// BlockEnd, on a Block command, is the index in Result.Commands one
	// past the last command inside the block or loop: those from the
	// next index up to it read its input redirection when they read
	// their standard input.
	BlockEnd int
	// Shell is the shell process it runs in: 0 for the line's own, or
	// the id of the subshell or child process around it (a (…) group, a
	// pipeline stage, a background job, $(…), bash -c), whose parent
	// Result.Shells gives. A cd in a shell moves that shell and those it
	// starts afterwards, never its parent: (cd build) && rm -rf ./*
	// removes here.
	Shell int
	// Gate is 1 + the index of the command whose success it runs only
	// after ("a && b": b's Gate names a; "a && b && c": c's names b, whose
	// names a), 0 when it may run whatever the commands before it did
	// ("a; b", "a || b", "a & b", a command in a string or substitution).
	Gate int
	// Halts is set when the script ends if it fails: errexit was on (set
	// -e) where it ran unconditionally, or "|| exit" follows it
	// (errexit.go). What runs after a cd that halts runs where it moved.
	Halts bool
	// StdinUnseen is set when some of what earlier pipeline stages print
	// could not be read ({ echo build; cat list; } | xargs rm: list's lines).
	StdinUnseen bool
	Stdin       []string // text known to reach its standard input: here-documents, here-strings, what earlier pipeline stages print
	// Runs are the files it runs as code, as the line names them: a script
	// operand (bash -O extglob s.sh), a file on its standard input (bash <
	// s.sh, cat s.sh | sh, exec 3< s.sh; sh <&3, xargs -a s.sh sh -c '{}'),
	// the files a process substitution it runs copies (bash <(cat s.sh)),
	// not the program itself. A file may be listed twice. A line of
	// one plain command, which can have fetched no file first, leaves it
	// empty.
	Runs    []string
	Assigns []string  // NAME=VALUE assignments written before the program ("LD_PRELOAD=x.so make"), values resolved where known
	Inputs  []int     // indices in Result.Commands of the commands whose output is substituted into its words, directly or through a variable
	Unknown []string  // what the walk could not see through here: code it could not read, with the word ("stdin code from base64")
	Code    CodeFacts // what interpreter code run by this command does, when it is code
	// kinds are the kinds of Name (namekinds.go) with kindKnown, worked
	// out once when the walk made the command; 0 in a Command made
	// elsewhere (kindsOf asks the memo then).
	kinds uint32
}

// CodeFacts are what a scan of interpreter code (a one-liner, or a script
// fed on stdin) found it doing beyond the commands it runs.
type CodeFacts struct {
	Network bool // opens network connections (sockets, HTTP clients)
	Environ bool // reads the whole environment
	// EnvironValues: reads every variable's value, not only the names
	// (codeenviron.go); EnvironShown: and prints them where the agent
	// reads its output.
	EnvironValues, EnvironShown bool
	// SecretShown: prints a secret variable it reads by name
	// (print(os.environ["GITHUB_TOKEN"]), node -p process.env.GITHUB_TOKEN)
	SecretShown bool
	Shell       bool // hands a process its descriptors or a pty (dup2, pty.spawn): with Network, a reverse shell
	Listen      bool // listens for connections
	// ListenAll: listens on every address of the machine ("0.0.0.0",
	// "::" named in code that listens), reachable from the network
	ListenAll bool
	Fork      bool // forks in an endless loop, or signals every process (kill(-1))
	Secrets   bool // names credential files (~/.ssh, ~/.aws/credentials...) in its text
	// SecretVars: the secret variables the code reads by name
	// (os.environ['GITHUB_TOKEN']) when they are all its secrets (no
	// credential file, store or library is read); nil otherwise
	SecretVars []string
	Dynamic    bool // builds code at run time (eval of decoded or computed text), or runs a file it named before (coderunsfile.go)
	// DecodedRun: runs as code or as a command text it decodes
	// (exec(base64.b64decode(…)), os.system(codecs.decode(…, "rot13")),
	// eval(atob(…)), whether the encoded text can be read or not)
	DecodedRun bool
	Opaque     []string // calls that run or delete something with arguments the scan could not read
	// EnvFiles: the environment variables whose value the code opens as a
	// file (open(os.environ["DB_PASSWORD_FILE"]); codeenvfiles.go)
	EnvFiles []string
	// Capture: records the screen, the microphone or a camera
	// (ImageGrab.grab(), sounddevice.rec(), cv2.VideoCapture(0)), or
	// reads back what was copied (pyperclip.paste(); codeclipboard.go)
	Capture bool
	// AsksSecret: shows the user a dialog whose answer is typed hidden, a
	// password prompt (AppleScript display dialog … with hidden answer),
	// and so gets back what the user types there (askpassword.go)
	AsksSecret bool
	// PersonalRead: AppleScript or JXA that reads a person's records from
	// their applications (Notes, Messages, Mail, Contacts, Calendar) or
	// the tabs their browser has open (appleapps.go)
	PersonalRead bool
	// SendsMessage: AppleScript or JXA that has Messages or Mail send a
	// message in the person's name (appleapps.go)
	SendsMessage bool
	// PageCode: runs JavaScript in a page of the user's own browser, in
	// their logged-in session; PageStorage: that code names the page's
	// cookies or storage; Browser: the browser addressed, as 1 + its
	// index in BrowserApps (0: none), a byte so that the facts every
	// command carries stay as small as they were (appleapps.go)
	PageCode, PageStorage bool
	Browser               uint8
	// Types: AppleScript or JXA that types keystrokes into the window in
	// front (System Events' keystroke and key code), whatever program
	// that is (appleapps.go)
	Types bool
	// LoginItem: AppleScript or JXA that adds a login item, a program
	// run at every login (System Events' make login item): LoginItemApp
	// for one where programs are installed, LoginItemHidden for one in a
	// temporary, shared, downloads or hidden directory (appleapps.go)
	LoginItem uint8
}

// The kinds of login item AppleScript or JXA adds (CodeFacts.LoginItem).
const (
	LoginItemApp    uint8 = iota + 1 // a program where programs are installed, or a path not read
	LoginItemHidden                  // a program in a temporary, shared, downloads or hidden directory
)

// Redirect is one redirection.
//
// For a here-document ("<<", "<<-") Target is the body; for a here-string
// ("<<<") it is the text. A redirection of a compound command ("{ a; } >f")
// or of a statement with no command ("> f") is reported on a Command with an
// empty Name.
type Redirect struct {
	Op     string // ">", ">>", "<", "<>", ">|", "&>", "&>>", "<<<", "<<", "<<-", ">&", "<&"
	Target string // the file (quotes removed); for here-strings the text
	FD     string // the descriptor written before the operator ("3" in 3<>f, "{fd}"), empty for the operator's own
}

// Result is what Parse found.
type Result struct {
	Commands  []Command
	Unparsed  bool              // the parser rejected the input (or a string in it a shell would run); those Commands come from a best-effort whitespace split
	Truncated bool              // a nesting or size bound stopped the walk
	Exhaust   []string          // what starts processes without end: fork bombs under any name, endless loops of background jobs
	Files     map[string]string // text the line writes to files, by file name as written ("./x.sh" as "x.sh")
	// Shown is text the line writes into files whose whole text it does
	// not know (echo A >> F; curl … >> F: A; { echo A; date; } > F: A),
	// by file name as Files: what the files hold among the rest.
	Shown     map[string]string
	Functions []string // the names of the shell functions the line defines (f() { …; }, function f { …; }), in order, a name again when defined again
	// Shells[id-1] is the shell that started subshell or child process
	// id (Command.Shell): 0 for the line's own. Nil when the line started
	// none.
	Shells []int
}

// Bounds on the work one Parse call does. Every one of them sets
// [Result.Truncated] when hit, so the caller knows part of the line went
// unseen.
const (
	// MaxStringDepth bounds how many times a string is handed back to the
	// parser ("bash -c", eval, "su -c", ssh, here-documents, one-liners):
	// real commands rarely nest more than two or three levels, and each
	// level costs a parse.
	MaxStringDepth = 8

	// MaxDepth bounds nesting of any kind (Command.Depth): substitutions
	// inside substitutions plus string levels. It keeps the walk's
	// recursion shallow on hostile input.
	MaxDepth = 64

	// MaxCommands bounds the commands reported: a 20-stage pipeline has 20,
	// and the engine evaluates each, so a thousand is far above real use
	// and still cheap to judge.
	MaxCommands = 1000

	// MaxParseBytes bounds the bytes handed to the parser in one call,
	// top-level line and re-parsed strings together: 1 MiB is half of a
	// typical ARG_MAX, and re-parsing is bounded to a few times that.
	MaxParseBytes = 4 << 20

	// MaxSource bounds the top-level line itself; longer lines are only
	// split, never parsed (ARG_MAX on Linux is 2 MiB).
	MaxSource = 1 << 20

	// MaxExpandBytes bounds the bytes produced by variable expansion, which
	// can otherwise grow exponentially (X=$X$X; X=$X$X; ...).
	MaxExpandBytes = 1 << 20
)

// Parse reports every simple command src would run. It never fails: input
// the parser rejects is split on a best-effort basis and flagged Unparsed.
func Parse(src string) Result { return ParseIn(src, Place{}) }

// ParseIn is Parse for a line run at a known Place: files the line writes
// and runs are matched whatever path spells them.
func ParseIn(src string, at Place) Result {
	if cmdLine(src) || cmdSemicolonLine(src) {
		// cmd.exe's line (cmdexe.go, cmdsemicolon.go); where it holds more
		// than one command or text only a POSIX shell or PowerShell
		// reads ($HOME, ;), also as that shell would run it: a cmd.exe
		// reading alone would take rm -rf "$HOME" && rd /s /q dist for
		// a folder named $HOME
		// (where that shell parses it: a line no POSIX shell parses,
		// & "C:\Program Files\x.exe" list, runs nothing there)
		cmd := "cmd /c " + quoteWord(src)
		if strings.ContainsAny(src, "&|;\n$`") {
			if alt := shellReading(src); !slowParse(alt, at).Unparsed {
				cmd += "\n" + alt
			}
		}
		src = cmd
	} else {
		src = shellReading(src)
	}
	if r, ok := fastParse(src, at); ok {
		return r
	}
	r := slowParse(src, at)
	if r.Unparsed && pwshShaped(src) {
		// no POSIX shell parses it, and it is written as PowerShell
		// (pwshnames.go): & { … }, [IO.File]::…, Verb-Noun (…)
		if p := slowParse("pwsh -c "+quoteWord(src), at); !p.Unparsed {
			return p
		}
	}
	return r
}

// shellReading is the line as the shell that parses it reads it:
// PowerShell's where it is written as PowerShell (pwshnames.go), the
// POSIX shell's otherwise.
func shellReading(src string) string {
	if pwshLine(src) {
		return "pwsh -c " + quoteWord(src)
	}
	return src
}

// ScriptFromArgs reports whether c is a shell or interpreter that takes the
// program it runs from its arguments (bash -c CMD, bash script.sh, python3
// -m json.tool, node app.js) rather than from standard input. Piped into
// such a command, a download is data, not code.
func ScriptFromArgs(c *Command) bool {
	// (a test the caller inlines: most commands are no interpreter)
	return c.kinds&(kindKnown|kindInterpreter) != kindKnown && scriptFromArgs(c)
}

// scriptFromArgs is ScriptFromArgs past its first test.
func scriptFromArgs(c *Command) bool {
	if c.kindsOf()&kindInterpreter == 0 { // isInterpreter
		return false
	}
	var buf [16]string // the words, on the stack unless many
	words := append(append(buf[:0], c.Program), c.Args...)
	_, stdin := readsStdin(words)
	if !stdin && viaXargs(c) && isShell(c.Name) {
		// xargs sh -c, xargs -I{} sh -c {}: the script is xargs' input
		// (the walk, xargsFeedsScript; here the words are the shell's
		// own, with the replace string still in them).
		i, hasC, _ := shellFlags(words)
		stdin = hasC && (i >= len(words) || words[i] == "{}" || words[i] == "--" && i+1 >= len(words))
	}
	return !stdin
}

// viaXargs reports whether xargs ran c.
func viaXargs(c *Command) bool {
	for _, v := range c.Via {
		if v == "xargs" {
			return true
		}
	}
	return false
}

// InterpreterCode gives the code an interpreter one-liner is given in its
// arguments (python -c CODE, perl -e CODE, awk PROGRAM), and whether the
// command instead reads the code it runs from its standard input (so its
// Stdin, when known, is code).
func InterpreterCode(c *Command) (code string, ok, stdin bool) {
	if c.kindsOf()&kindScriptLang == 0 { // scriptLang(c.Name) == ""
		return "", false, false
	}
	words := make([]string, 0, 1+len(c.Args))
	words = append(append(words, c.Program), c.Args...)
	if _, code, ok := interpCode(words); ok {
		return code, true, false
	}
	lang, in := readsStdin(words)
	return "", false, in && lang != "sh"
}

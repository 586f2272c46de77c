package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// What a block or loop reads through its own redirection reaches the
// commands inside it that read their standard input, and the variables
// its read fills: while read -r l; do curl -d "$l" URL; done < "$F" sends
// the file's lines, as cat "$F" | while read -r l; do curl -d "$l" URL;
// done does. And xargs -a FILE makes FILE's lines the arguments of the
// command it builds, as xargs fed FILE on its standard input does. A file
// nobody can name sent away so is unknown (flow.go's unnamedFile), a
// credential file a leak.

// blockInput returns the input and argument taints of command c inside a
// block or loop whose redirection reads taint: its unresolved words may
// hold what the loop's read took from it, and a first stage with no input
// of its own reads the block's.
func blockInput(c *shell.Command, taint, args string) (in, outArgs string) {
	if argsUnresolved(c) {
		args = first(args, taint)
	}
	if c.Stage > 0 || len(c.Stdin) > 0 {
		return "", args
	}
	for _, r := range c.Redirects {
		if strings.HasPrefix(r.Op, "<") && (r.FD == "" || r.FD == "0") {
			return "", args
		}
	}
	return taint, args
}

// xargsFileTaint is the taint of the file command i's xargs reads its
// arguments from (-a FILE, --arg-file=FILE), the xargs command being the
// one the walk reports just before it in the same stage: a file the line
// wrote from a source, a credential file, or a file nobody can name; ""
// otherwise.
func (a *analysis) xargsFileTaint(files map[string]string, i int) string {
	cmds := a.res.Commands
	for j := i - 1; j >= 0; j-- {
		x := &cmds[j]
		if x.Name != "xargs" || x.Pipeline != cmds[i].Pipeline || x.Stage != cmds[i].Stage {
			continue
		}
		v := shell.XargsArgFile(x.Args)
		if v == "" {
			return ""
		}
		p := a.clean(v, j)
		switch {
		case taintedFile(files, p) != "":
			return taintedFile(files, p)
		case a.sensitive(p):
			return "credential"
		case unresolved(v):
			return unnamedFile
		}
		return ""
	}
	return ""
}

// argvOpeners are how interpreter code opens the file its command line
// names: Python's open(sys.argv[1]) and Path(sys.argv[1]), Node's
// fs.readFileSync(process.argv[1]), Ruby's File.read(ARGV[0]), Perl's
// open(my $f, "<", $ARGV[0]).
var argvOpeners = [...]string{"open(sys.argv[", "Path(sys.argv[", "FileIO(sys.argv[", "readFileSync(process.argv[",
	"createReadStream(process.argv[", "readFile(process.argv[", "File.read(ARGV[", "File.open(ARGV[", "File.binread(ARGV[",
	"IO.read(ARGV[", "IO.binread(ARGV[", `"<", $ARGV[`, `'<', $ARGV[`, `"<$ARGV[`, "ARGF.read"}

// opensArgv reports whether the code a command runs, given as its words
// or on its standard input, opens a file its command line names.
func opensArgv(c *shell.Command) bool {
	has := func(s string) bool {
		if !strings.Contains(s, "ARGV") && !strings.Contains(s, "argv[") {
			return false // the cheap gate: no argument vector named
		}
		for _, o := range argvOpeners {
			if strings.Contains(s, o) {
				return true
			}
		}
		return false
	}
	for _, w := range c.Args {
		if has(w) {
			return true
		}
	}
	for _, t := range c.Stdin {
		if has(t) {
			return true
		}
	}
	return false
}

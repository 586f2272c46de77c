package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Walks of the home directory in interpreter code: "for r, _, fs in
// os.walk(os.path.expanduser('~'))", "Path.home().rglob('*')",
// "fs.readdirSync(os.homedir(), {recursive: true})",
// "filepath.WalkDir(home, …)" with home from os.UserHomeDir(). Such a walk
// reaches every file of the home, its credentials among them, whatever the
// loop does with each: code that walks the home and opens connections
// sends what it reads (the credential files' flow), and code that walks
// the home and deletes what it finds deletes the home (rm -rf ~). A walk
// of a named directory below the home (~/.aws/*) is walkloops.go's; a walk
// of the project stays what it was.

// walkRootAt is where a walking call names the directory it walks.
type walkRootAt uint8

const (
	walkFirstArg walkRootAt = iota // os.walk(D), readdirSync(D), Dir.glob(D/**)
	walkLastArg                    // perl's find(sub {…}, D)
	walkReceiver                   // Path(D).rglob('*'), File(D).walkBottomUp()
)

// homeWalkCalls are the calls that list or walk a directory, in the
// languages agents write one-liners and scripts in, by their name's last
// part, with where the directory is named.
var homeWalkCalls = table.Map[string, walkRootAt]{Build: func() map[string]walkRootAt {
	m := map[string]walkRootAt{}
	for _, n := range strings.Fields(`walk WalkDir Walk listdir scandir readdirSync readdir readDir ReadDir
		glob iglob globSync children each_child entries find RecursiveDirectoryIterator read_dir
		walkdir opendir`) {
		m[n] = walkFirstArg
	}
	m["finddepth"] = walkLastArg
	for _, n := range strings.Fields(`rglob iterdir walkBottomUp walkTopDown listFiles eachFileRecurse`) {
		m[n] = walkReceiver
	}
	return m
}}

// homeWalkNames are homeWalkCalls' names, for the cheap check before a
// scan.
var homeWalkNames = table.Once[[]string]{Build: func() []string {
	var out []string
	for n := range homeWalkCalls.All() {
		out = append(out, n)
	}
	return out
}}

// walksHome reports whether the code walks or lists the home directory's
// whole tree. homeExpr has read every spelling of the home as '~'.
func (sc *scanner) walksHome(home string) bool {
	c := sc.code
	if !strings.Contains(c, "'~") && !strings.Contains(c, `"~`) && (home == "" || !strings.Contains(c, home)) || !anyIn(c, homeWalkNames.Get()) {
		return false
	}
	homes := homeNames(c)
	for at := 0; at < len(c) && sc.work <= maxScan; at++ {
		if !isIdent(c[at]) || at > 0 && isIdent(c[at-1]) {
			continue
		}
		e := at
		for e < len(c) && isIdent(c[e]) {
			e++
		}
		where, ok := homeWalkCalls.Lookup(c[at:e])
		if !ok {
			at = e
			continue
		}
		name := c[at:e]
		at = e - 1
		if k := skipSpace(c, e); where != walkReceiver && (k >= len(c) || c[k] != '(') && !(name == "find" && sc.lang == "perl") {
			continue
		}
		if name == "find" && sc.lang == "perl" {
			where = walkLastArg // File::Find's find(sub {…}, DIR)
		}
		if sc.receiverWalksHome(at-len(name)+1, e, home, homes) {
			return true // Path.home().rglob('*'), home.glob('**/*')
		}
		switch where {
		case walkFirstArg:
			args, _, ok := sc.call(e)
			if !ok || len(args) == 0 {
				// Dir.glob(File.join('~', "**", "*")): a call's value
				if k := skipSpace(c, e); k < len(c) && c[k] == '(' && homeArgText(c[k+1:], homes) {
					return true
				}
				continue
			}
			if homeTree(args[0], home) || homes[strings.TrimSpace(args[0].raw)] || homeArgText(args[0].raw, homes) {
				return true
			}
		case walkLastArg:
			k := skipSpace(c, e)
			if k >= len(c) || c[k] != '(' {
				continue
			}
			end := closingParen(c, k)
			if end < 0 {
				continue
			}
			last := strings.TrimSpace(c[k+1+strings.LastIndexByte(c[k+1:end], ',')+1 : end])
			if last == "'~'" || last == `"~"` || home != "" && strings.Trim(last, `'"`) == home || homes[strings.TrimPrefix(last, "$")] {
				return true
			}
		}
	}
	return false
}

// receiverWalksHome reports a walking method named at c[k:e] called on the
// home or a name bound to it, with no pattern or one of wildcards only.
func (sc *scanner) receiverWalksHome(k, e int, home string, homes map[string]bool) bool {
	c := sc.code
	if k < 2 || c[k-1] != '.' {
		return false
	}
	recv, found := sc.receiver(k)
	if !found && !homeReceiver(c, k, homes) || found && !homeTree(recv, home) {
		return false
	}
	if args, _, ok := sc.call(e); ok && len(args) > 0 && (!args[0].known || strings.Trim(args[0].str, "*/.") != "") {
		return false // Path.home().glob('.aws/*'): a directory below it
	}
	return true
}

// homeArgs replaces the arguments that are a name bound to the home
// (homeNames: Go's "home, _ := os.UserHomeDir()", which the scanner's
// assignments do not read) by the home itself.
func (sc *scanner) homeArgs(args []value) []value {
	var homes map[string]bool
	copied := false
	for k, a := range args {
		if a.known || a.list || a.raw == "" || !isIdent(a.raw[0]) {
			continue
		}
		if homes == nil {
			if !strings.Contains(sc.code, "'~'") && !strings.Contains(sc.code, `"~"`) {
				return args
			}
			homes = homeNames(sc.code)
		}
		if homes[strings.TrimSpace(a.raw)] {
			if !copied {
				args, copied = append([]value(nil), args...), true // the caller's slice stays as it was
			}
			args[k] = value{str: "~", known: true, raw: a.raw}
		}
	}
	return args
}

// homeTree reports a value that names the home's whole tree: "~" or the
// home's absolute path, or a pattern under it that names no directory
// below it (~/**/*, ~/*).
func homeTree(v value, home string) bool {
	if !v.known || v.list {
		return false
	}
	s := strings.TrimSpace(v.str)
	if home != "" && (s == home || strings.HasPrefix(s, home+"/")) {
		s = "~" + s[len(home):]
	}
	if s == "~" || s == "~/" {
		return true
	}
	rest, ok := strings.CutPrefix(s, "~/")
	return ok && strings.Trim(rest, "*/.") == ""
}

// homeArgText reports an argument's source text that builds the home's
// whole tree from '~' or a name bound to it and wildcards only:
// os.path.join('~', '**'), File.join('~', "**", "*"), home + '/' + f.
func homeArgText(raw string, homes map[string]bool) bool {
	raw = strings.TrimSpace(raw)
	for _, open := range []string{"os.path.join(", "path.join(", "File.join(", "join(", "filepath.Join("} {
		if rest, ok := strings.CutPrefix(raw, open); ok {
			parts := strings.Split(strings.TrimSuffix(strings.TrimSpace(rest), ")"), ",")
			first := strings.TrimSpace(parts[0])
			if first != "'~'" && first != `"~"` && !homes[first] {
				return false
			}
			for _, p := range parts[1:] {
				p = strings.Trim(strings.TrimSpace(p), `'"`)
				if strings.Trim(p, "*/.") != "" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// homeReceiver reports a method called at code[k:] on '~' itself or on a
// name bound to the home ('~'.rglob('*'), home.rglob('*')).
func homeReceiver(c string, k int, homes map[string]bool) bool {
	if k < 2 || c[k-1] != '.' {
		return false
	}
	j := k - 1
	if c[j-1] == '\'' || c[j-1] == '"' {
		return j >= 3 && c[j-2] == '~' && c[j-3] == c[j-1]
	}
	b := j
	for b > 0 && isIdent(c[b-1]) {
		b--
	}
	return b < j && homes[c[b:j]]
}

// homeNames are the names the code binds to the home directory: "home =
// '~'", Go's "home, _ := '~'" (os.UserHomeDir()), Kotlin's "val h =
// File('~')", "const h = '~'".
func homeNames(c string) map[string]bool {
	var out map[string]bool
	for at := 0; ; {
		k := strings.Index(c[at:], "~")
		if k < 0 {
			return out
		}
		k += at
		at = k + 1
		if k == 0 || k+1 >= len(c) || c[k-1] != '\'' && c[k-1] != '"' || c[k+1] != c[k-1] {
			continue
		}
		j := k - 1
		// a wrapping constructor: File('~'), Paths.get('~'), Path('~')
		if p := strings.TrimRight(c[:j], " \t"); strings.HasSuffix(p, "(") {
			p = strings.TrimRight(p[:len(p)-1], " \t")
			b := len(p)
			for b > 0 && (isIdent(p[b-1]) || p[b-1] == '.') {
				b--
			}
			if b == len(p) {
				continue
			}
			p = strings.TrimSuffix(strings.TrimRight(p[:b], " \t"), "new")
			j = len(p)
		}
		p := strings.TrimRight(c[:j], " \t")
		if !strings.HasSuffix(p, "=") || strings.HasSuffix(p, "==") {
			continue
		}
		p = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(p, "="), ":"), " \t")
		if c := strings.LastIndexByte(p, ','); c >= 0 && isIdentWord(strings.TrimSpace(p[c+1:])) {
			p = strings.TrimRight(p[:c], " \t") // home, _ := / h, err := os.UserHomeDir()
		}
		b := len(p)
		for b > 0 && isIdent(p[b-1]) {
			b--
		}
		if b == len(p) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[p[b:]] = true
	}
}

// homeWalk reads a walk of the home's whole tree in the code sc scans: with
// a delete, the home deleted (rm -rf ~); with a connection and a read of
// what it finds, the credential files it reaches sent.
func (s *state) homeWalk(sc *scanner, facts *CodeFacts, f frame) {
	del := anyIn(sc.code, homeWalkDeletes)
	send := facts.Network && anyIn(sc.code, homeWalkReads)
	if !del && !send || !sc.walksHome(s.at.Home) {
		return
	}
	if del {
		s.hook(hookRmTree, []value{{str: "~", known: true, raw: "'~'"}}, "", f)
	}
	if send {
		facts.Secrets = true
		facts.SecretVars = nil
	}
}

// homeWalkDeletes are the calls that delete or overwrite what a walk
// finds, in the languages of homeWalkCalls.
var homeWalkDeletes = []string{"remove(", "unlink", "rmtree", "rmSync", "rmdir", "delete", "Delete(", "RemoveAll(",
	"Remove(", "remove_dir_all", "remove_file", "rm_rf", "rm_r", "rm_f", "Deno.remove", "deleteDir", "deleteRecursively",
	"encrypt("}

// homeWalkReads are the calls that read a file's content, which a walk
// then sends.
var homeWalkReads = []string{"open(", "read", "Read", "upload", ".add(", "file_get_contents", "ofFile", "storbinary", "send", "open "}

// isIdentWord reports a whole word of name bytes (err, _).
func isIdentWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isIdent(w[i]) {
			return false
		}
	}
	return true
}

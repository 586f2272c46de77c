package effect

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a later stage does with the whole environment printed into it.
//
// A stage that picks lines picks a few only when its pattern names
// something: a grep for proxy prints the proxy variables, a grep for "."
// or "=", an empty alternative ('proxy|'), a bracket alone ('[A-Z]'), a
// context of a thousand lines (-C 999), input read as one record (-z) or
// rg --passthru print every line. A pattern that is a piece of a
// credential's name (oken, _ke, pas) picks the secrets, and so does one
// shaped like a host or a URL (db.example.com, @, ://), which picks the
// URLs a value holds and any login written in them. sed -n prints only
// the lines its addresses pick, when they are patterns and not a range to
// the end (sed -n '1,$p', '/HOME/,$p'); awk picks by a pattern, or prints
// the names alone when it splits at = and prints $1 (awk '{print $1}'
// splits at blanks and prints each whole line). A stage that only counts,
// hashes or tests (wc -l, grep -c, sha256sum) prints no value at all.
// Every other stage (tac, nl, paste, gzip, a script reading stdin) passes
// the values on to whatever prints them last.

// picksHarmlessStage reports a stage that, given the environment, prints
// only lines its pattern picks and the pattern names no secret.
func picksHarmlessStage(d *shell.Command) bool {
	if d.Name == "cut" && slices.Contains(d.Args, "-f1") && slices.ContainsFunc(d.Args, func(w string) bool { return w == "-d=" || w == "=" }) &&
		!slices.ContainsFunc(d.Args, func(w string) bool { return len(w) > 3 && strings.HasPrefix("--complement", w) }) {
		return true // printenv | cut -d= -f1: the names (with --complement, the values)
	}
	if !pickers.Get(d.Name) || picksSecrets(d) {
		return false
	}
	switch {
	case d.Name == "sed":
		return slices.Contains(d.Args, "-n") && sedPicks(d.Args)
	case strings.Contains(d.Name, "awk"):
		return awkPicks(d.Args)
	}
	return grepPicks(d.Name, d.Args)
}

// grepPicks reports a grep whose patterns each name something and whose
// options print only the matching lines (grepopts.go).
func grepPicks(name string, args []string) bool {
	r := readGrep(name, args)
	if r.wide || r.invert || len(r.patterns) == 0 {
		return false // -C 999, -500, --inv, -z, -f FILE, -v: more than the lines picked
	}
	for _, p := range r.patterns {
		if !narrowPattern(p) {
			return false
		}
	}
	return true
}

// sedPicks reports a sed -n script whose addresses are patterns that name
// something, with no range: '/^GOPATH=/p', 's/^PATH=//p'.
func sedPicks(args []string) bool {
	script, scripts := "", 0
	for k := 0; k < len(args); k++ {
		w := args[k]
		name, val, hasVal := strings.Cut(strings.TrimLeft(w, "-"), "=")
		long := strings.HasPrefix(w, "--") && len(name) > 1
		switch {
		case w == "-e" || long && strings.HasPrefix("expression", name):
			if !hasVal && k+1 < len(args) {
				k++
				val = args[k]
			}
			script, scripts = val, scripts+1
		case w == "-f" || long && strings.HasPrefix("file", name), long && strings.HasPrefix("null-data", name), long && strings.HasPrefix("zero-terminated", name):
			return false // a script from a file; the input as one record (-z)
		case strings.HasPrefix(w, "-") && !long && len(w) > 1:
			if strings.ContainsAny(w[1:], "zfe") {
				return false // -z, -nz, -f FILE, -ne SCRIPT
			}
		case strings.HasPrefix(w, "-"):
		case scripts == 0:
			script, scripts = w, 1
		}
	}
	if scripts != 1 {
		return false // more than one script, each printing its own lines
	}
	s := strings.TrimSpace(script)
	if strings.HasPrefix(s, "s") && len(s) > 1 {
		re, rest, ok := delimited(s[2:], s[1])
		if !ok || !narrowPattern(re) {
			return false
		}
		_, flags, ok := delimited(rest, s[1])
		return ok && strings.Trim(flags, "gIp") == "" // s/^PATH=//p, and nothing after
	}
	if !strings.HasPrefix(s, "/") {
		return false // p, 1,$p, 5p: lines by number, or all of them
	}
	re, rest, ok := delimited(s[1:], '/')
	return ok && narrowPattern(re) && printsOnly(rest)
}

// printsOnly reports a sed command after an address that prints the
// line and does nothing more (p, {p}); not a range (,$p) or a second
// command that prints every line (p;p).
func printsOnly(rest string) bool {
	r := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest), "{};"))
	return r == "p" || r == "I p" || r == "Ip"
}

// awkPicks reports an awk program that picks lines by a pattern naming
// something, or prints the names alone of lines split at "=".
func awkPicks(args []string) bool {
	p, equals, ok := awkProgram(args)
	if !ok {
		return false
	}
	if strings.Contains(p, "||") || strings.Contains(p, "ENVIRON") || strings.Contains(p, "getline") || strings.Contains(p, "system") || strings.Contains(p, "|") {
		return false // lines read from elsewhere, or a command run
	}
	if strings.HasPrefix(p, "/") {
		// /^PATH=/, /^PATH=/{print $2}: one pattern and its action;
		// not a range, nor a second rule that prints every line (/x/; 1)
		re, rest, ok := delimited(p[1:], '/')
		r := strings.TrimSpace(rest)
		return ok && narrowPattern(re) && (r == "" || strings.HasPrefix(r, "{") && strings.HasSuffix(r, "}") && strings.Count(r, "}") == 1)
	}
	// awk -F= '{print $1}': the names; not $0, $2 or $NF, the values, nor
	// a second print or a pattern after the action ({print $1; print},
	// {print $1}1)
	return equals && awkNamesOnly.Get().MatchString(p)
}

// awkProgram returns an awk's program text, trimmed, and whether it splits
// its lines at "=" (-F=, -F '='); not ok when a program comes from
// elsewhere too (gawk's -e, --source, -f, --include).
func awkProgram(args []string) (prog string, equals, ok bool) {
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-F" && k+1 < len(args):
			k++
			equals = strings.Trim(args[k], `'"`) == "="
		case strings.HasPrefix(w, "-F"):
			equals = strings.Trim(w[2:], `'"`) == "="
		case w == "-v":
			k++
		case w == "-f" || w == "-e" || w == "-i" || w == "-E" || strings.HasPrefix(w, "--"):
			return "", false, false
		case strings.HasPrefix(w, "-"):
		case prog == "":
			prog = w
		}
	}
	return strings.TrimSpace(prog), equals, true
}

// awkNamesOnly matches an awk program that prints each line's first
// field and nothing else, of every line or of those a regular expression
// or NF picks (/^[A-Z]/ {print $1}, !/^#/ {print $1}, NF {print $1}).
var awkNamesOnly = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:!?/(?:[^/\\]|\\.)*/\s*|NF\s*)?\{\s*print\s*\(?\s*\$1\s*\)?\s*;?\s*\}$`)
}}

// delimited splits s at the first delimiter d not escaped by a backslash,
// returning what comes before and after it.
func delimited(s string, d byte) (string, string, bool) {
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case d:
			return s[:k], s[k+1:], true
		}
	}
	return "", "", false
}

// loginSchemes are URL schemes whose URLs carry a login to a database or
// a broker (postgres://user:pass@host): a pattern naming one picks them.
var loginSchemes = table.Map[string, bool]{Words: `postgres postgresql mysql mariadb mongodb redis
	rediss amqp amqps mssql sqlserver clickhouse
	nats kafka cockroachdb jdbc`}

// narrowPattern reports a regular expression that picks lines by a name:
// each of its alternatives holds a literal run of two name characters or
// more (outside brackets and escapes), and none of the runs is a piece of
// a credential's name.
func narrowPattern(re string) bool {
	if strings.Contains(re, ")?") || strings.Contains(re, ")*") || strings.Contains(re, "{0") || strings.Contains(re, "{,") {
		return false // (LANG)?, (ZZ){,1}: a pattern that may match nothing matches every line
	}
	if strings.Contains(re, "@") || strings.Contains(re, "://") || dottedHost(strings.Trim(strings.ReplaceAll(re, `\.`, "."), "^$")) {
		return false // db.example.com, @, ://: the URLs a value holds, logins with them
	}
	for alt := range strings.SplitSeq(strings.ReplaceAll(re, `\|`, "|"), "|") {
		named := false
		for _, run := range literalRuns(alt) {
			if len(run) < 2 {
				continue
			}
			if secretFragment(run) || loginSchemes.Get(strings.ToLower(run)) {
				return false // a scheme picks the URLs written with it, logins and all
			}
			named = true
		}
		if !named {
			return false // '', '.', '=', '[A-Z]', '^A', 'proxy|'
		}
	}
	return true
}

// literalRuns returns the runs of name characters of a pattern outside
// bracket expressions, with escaped characters (\w, \s) left out.
func literalRuns(re string) []string {
	var runs []string
	start := -1
	flush := func(k int) {
		if start >= 0 {
			runs = append(runs, re[start:k])
			start = -1
		}
	}
	for k := 0; k < len(re); k++ {
		c := re[k]
		switch {
		case c == '(' && strings.HasPrefix(re[k:], "(?") && lookaround(re[k:]):
			// (?!ZZ), (?=x), (?<=x): a look around the match, which
			// names nothing the line must hold as it is written
			flush(k)
			for depth := 0; k < len(re); k++ {
				if re[k] == '\\' {
					k++
				} else if re[k] == '(' {
					depth++
				} else if re[k] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
		case start >= 0 && (c == '?' || c == '*' || c == '{' && k+1 < len(re) && (re[k+1] == '0' || re[k+1] == ',')):
			// aa*, ZZ?: the run's last character may be absent, so
			// what the line must hold is the run without it
			runs = append(runs, re[start:k-1])
			start = -1
		case c == '\\':
			flush(k)
			k++
		case c == '[':
			flush(k)
			for k++; k < len(re) && re[k] != ']'; k++ {
			}
		case nameByte(c):
			if start < 0 {
				start = k
			}
		default:
			flush(k)
		}
	}
	flush(len(re))
	return runs
}

// lookaround reports a group that opens a look-ahead or look-behind.
func lookaround(g string) bool {
	return strings.HasPrefix(g, "(?=") || strings.HasPrefix(g, "(?!") || strings.HasPrefix(g, "(?<=") || strings.HasPrefix(g, "(?<!")
}

// credentialWords are the words whose pieces pick a credential's
// variables out of an environment (oken, ecre, _KE, PAS).
var credentialWords = []string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "AUTH", "COOKIE", "BEARER", "SESSION", "DATABASE_URL"}

// secretFragment reports a literal run that is a piece of a credential's
// name, or the name of a service whose variables hold its keys (aws, gh,
// stripe: secretHomes): what it matches is those variables.
func secretFragment(run string) bool {
	up := strings.ToUpper(run)
	for _, w := range credentialWords {
		if strings.Contains(w, up) {
			return true
		}
	}
	for _, h := range secretHomes {
		// AWS, GH_, STRIPE: a service whose variables hold its keys
		if up == h.prefix || up == strings.TrimSuffix(h.prefix, "_") {
			return true
		}
	}
	return false
}

// envConsumers are stages that print nothing of what they read but a
// count, a hash or a comparison's outcome (diff of two environments
// saved: what differs between them).
var envConsumers = table.Map[string, bool]{Words: "wc sha1sum sha224sum sha256sum sha384sum sha512sum md5sum b2sum cksum sum shasum cmp diff comm true false"}

// consumesEnv reports a stage that prints none of the values it is given:
// a count or hash, or a grep that counts, lists files or keeps quiet.
func consumesEnv(d *shell.Command) bool {
	if envConsumers.Get(d.Name) {
		return true
	}
	if !pickers.Get(d.Name) || strings.Contains(d.Name, "awk") || d.Name == "sed" {
		return false
	}
	return readGrep(d.Name, d.Args).quiet // grep -c, -l, -q; not the pattern "-l" (grep -e -l -e =)
}

// envTrail follows the whole environment printed (env, a script printing
// os.environ, /proc/self/environ read) through the stages, files and
// substitutions of a line, to the stage that prints it last: env | tac, env
// > /tmp/e; cat /tmp/e, env | tee /tmp/e | grep proxy; cat /tmp/e. A stage
// that picks harmless lines or only counts ends the trail.
type envTrail struct {
	shown []bool            // a command's output is the whole environment
	whole []bool            // in one record, which any pattern that matches prints whole
	files map[string]string // files written with it
}

// step records whether command i passes the whole environment on, and
// reports whether it prints it into the agent's context as the last stage
// of its pipeline, where no rule at the source saw it (a filter the
// source's rule does not know passes it on, or a file read back).
func (a *analysis) envStep(t *envTrail, cmds []shell.Command, i int) bool {
	c, f := &cmds[i], &a.per[i]
	if t.shown == nil {
		t.shown = make([]bool, len(cmds))
		t.whole = make([]bool, len(cmds))
	}
	own := f.source == "environment" && (f.shows || procEnviron(f.reads))
	if own && procEnviron(f.reads) && !splitsRecords(c) {
		f.oneRecord = true // cat /proc/self/environ: NUL-separated, one line
	}
	s, whole := own, own && f.oneRecord
	if !s && c.Stage > 0 {
		// the stage right before this one
		prev := -1
		for j := 0; j < i; j++ {
			if cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && cmds[j].Depth == c.Depth && (prev < 0 || cmds[j].Stage >= cmds[prev].Stage) {
				prev = j
			}
		}
		s = prev >= 0 && t.shown[prev]
		whole = s && t.whole[prev] && !splitsRecords(c)
	}
	if !s && len(t.files) > 0 {
		for _, p := range f.reads {
			s = s || a.taintedRead(t.files, p, f.tree) != ""
		}
	}
	for _, r := range c.Redirects {
		if r.Op == "<" && procEnviron([]string{a.clean(r.Target, i)}) {
			s, own = true, true // tr '\0' '\n' < /proc/self/environ
			whole = !splitsRecords(c)
		}
	}
	if s && !own && (consumesEnv(c) || picksHarmlessStage(c) && !whole) {
		s = false
	}
	t.shown[i], t.whole[i] = s, s && whole
	if !s {
		return false
	}
	for _, p := range f.writes {
		if t.files == nil {
			t.files = map[string]string{}
		}
		t.files[p] = "environment"
		if a.entryHas(c, f, "prefix-out") {
			if n := len(c.Args); n > 1 && !strings.HasPrefix(c.Args[n-1], "-") {
				t.files[a.clean(c.Args[n-1], i)+"*"] = "environment" // split - /tmp/e_
			}
		}
	}
	if len(f.writes) > 0 || f.sink != "" || stdoutRedirected(c) || !lastStage(cmds, i) || c.Depth > 0 && !a.reachesAgent(cmds, i) {
		return false
	}
	for _, e := range a.out {
		if e.Kind == Flow && e.Detail == "environment->agent" {
			return false // the source's own rule saw it
		}
	}
	return true
}

// procEnviron reports a read of the caller's own environment under /proc
// (/proc/self/environ, /proc/$$/environ).
func procEnviron(reads []string) bool {
	for _, p := range reads {
		if OwnEnviron(p) {
			return true
		}
	}
	return false
}

// environFile reports whether the cleaned path p is a process's
// environment under /proc, or a pattern that may name the reader's own.
func environFile(p string) bool {
	return strings.HasPrefix(p, "/proc/") && (strings.HasSuffix(p, "/environ") || OwnEnviron(p))
}

// OwnEnviron reports whether the cleaned path p is the reading process's
// own environment: /proc/self/environ, /proc/thread-self/environ, a
// task's of self, or the shell's own pid ($$, $BASHPID) in a command.
func OwnEnviron(p string) bool {
	rest, ok := strings.CutPrefix(p, "/proc/")
	if !ok {
		return false
	}
	if strings.ContainsAny(rest, "*?[") {
		// cat /proc/self/envir?n, /proc/self/task/*/environ: a pattern
		// that may name it (a thread's id stands for any)
		for _, own := range [...]string{"/proc/self/environ", "/proc/thread-self/environ", "/proc/self/task/1/environ"} {
			if ok, _ := path.Match(p, own); ok {
				return true
			}
		}
		return false
	}
	if rest, ok = strings.CutSuffix(rest, "/environ"); !ok {
		return false
	}
	if who, task, ok := strings.Cut(rest, "/task/"); ok && task != "" && !strings.Contains(task, "/") {
		rest = who // /proc/self/task/TID/environ
	}
	return rest == "self" || rest == "$$" || rest == "thread-self" || rest == "$BASHPID"
}

// oneRecordEnv reports an environment source that prints every variable
// in one record: env -0, printenv --null (NUL-separated, no newline), jq
// -c env (compact JSON), /proc/self/environ read whole.
func oneRecordEnv(c *shell.Command, f *cmdFacts) bool {
	if f.oneRecord || procEnviron(f.reads) {
		return true
	}
	for _, w := range c.Args {
		switch {
		case w == "-0" || w == "--null" || w == "--compact-output":
			return true
		case strings.HasPrefix(c.Name, "jq") && strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "c"):
			return true
		}
	}
	return false
}

// splitsRecords reports a stage that turns NUL-separated records into
// lines (tr '\0' '\n', xargs -0 -n1, strings): a pattern after it picks lines.
func splitsRecords(c *shell.Command) bool {
	switch c.Name {
	case "tr":
		return len(c.Args) > 0 && (c.Args[0] == `\0` || c.Args[0] == `\000` || c.Args[0] == `\x00`)
	case "xargs", "strings":
		return true
	}
	return false
}

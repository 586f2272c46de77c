package effect

import (
	"regexp"
	"strings"
)

// A finder's or a filter's pattern can pick Rampart's processes without
// spelling its name: pgrep -f 'ramp.rt-serve', pkill -f 'r.mpart',
// killall -r '^ramp', grep -E 'r(a)mpart', awk '$2 ~ /^ramp/'. A pattern
// picks the guard when, read as the regular expression it is, it matches
// a good part of the name of one of Rampart's programs (three letters of
// "rampart" or more: '^/usr/local/bin/ram') and not an ordinary command line: '.' or 'e' match
// every process, and are read as that (signals.go), not as the guard.

// guardProcessNames are the command lines a pattern is tried on: the
// names of Rampart's programs as ps, pgrep and pidof see them.
var guardProcessNames = []string{"rampart-serve", "rampart-hook", "rampart-hook-fast", "rampart-shell", "rampart-mcp",
	"rampart-watch", "rampart-eval", "rampart-audit", "rampart serve", "/usr/local/bin/rampart-serve --addr 127.0.0.1:9090"}

// ordinaryProcesses are command lines of no guard: a pattern that matches
// one of them picks more than Rampart.
var ordinaryProcesses = []string{"node server.js --port 3000", "python3 -m http.server 8000", "postgres: checkpointer",
	"/usr/bin/dockerd -H fd://", "bash", "sshd: dev@pts/0", "vim main.go", "npm run start", "parcel watch", "webpack serve --mode development",
	"rails server", "cargo run --release", "gunicorn app:app", "vite --port 5173", "java -jar app.jar", "ruby bin/rake", "ssh-agent", "grep", "dart run"}

// patternPicksGuard reports a pattern word that, read as a regular
// expression, picks Rampart's processes and no ordinary one. Only words
// with a regular expression's own characters are compiled: a plain word
// names the guard only by spelling it (namesGuard).
func patternPicksGuard(w string) bool {
	if len(w) < 3 || len(w) > 200 {
		return false
	}
	if !strings.ContainsAny(w, `.[]()^$*+?|\{}`) {
		return plainPicksGuard(w)
	}
	re, err := regexp.Compile("(?i)" + w)
	if err != nil {
		return false
	}
	for _, o := range ordinaryProcesses {
		if re.MatchString(o) {
			return false
		}
	}
	for _, n := range guardProcessNames {
		if loc := re.FindStringIndex(n); loc != nil && coversRampart(n, loc) {
			return true
		}
	}
	return false
}

// plainPicksGuard reports a word with no regular expression's characters
// that, as the substring a finder looks for (pkill -f art-serve, grep
// hook-fast, fgrep 127.0.0.1:9090), picks Rampart's processes and no
// ordinary one, by the same measure as patternPicksGuard.
func plainPicksGuard(w string) bool {
	if len(w) < 3 || len(w) > 200 {
		return false
	}
	l := strings.ToLower(w)
	for _, o := range ordinaryProcesses {
		if strings.Contains(strings.ToLower(o), l) {
			return false
		}
	}
	for _, n := range guardProcessNames {
		if k := strings.Index(n, l); k >= 0 && coversRampart(n, []int{k, k + len(l)}) {
			return true
		}
	}
	return false
}

// guardMatchLen is the length of a match within a name of Rampart's
// programs that is specific enough to pick them on its own (rt-serve,
// hook-fast, --addr 127.0.0.1:9090) once no ordinary process matches.
const guardMatchLen = 6

// coversRampart reports whether the match loc of name n spans three or
// more letters of the word "rampart" in it, or guardMatchLen characters
// or more of the name (the rest of a Rampart program's name and command
// line is its own: -hook-fast, rt-serve, --addr 127.0.0.1:9090).
func coversRampart(n string, loc []int) bool {
	if loc[1]-loc[0] >= guardMatchLen {
		return true
	}
	k := strings.Index(n, "rampart")
	if k < 0 {
		return false
	}
	lo, hi := max(loc[0], k), min(loc[1], k+len("rampart"))
	return hi-lo >= 3
}

// awkPatterns returns the /regex/ literals of an awk program.
func awkPatterns(prog string) []string {
	var out []string
	for at := 0; at < len(prog); {
		k := strings.IndexByte(prog[at:], '/')
		if k < 0 {
			break
		}
		k += at
		e := strings.IndexByte(prog[k+1:], '/')
		if e < 0 {
			break
		}
		out = append(out, prog[k+1:k+1+e])
		at = k + e + 2
	}
	return out
}

package match

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// maxAlternates bounds the chain of rewrites PathAlternates follows
// ("/proc/self/root/private/etc/x" → "/private/etc/x" → "/etc/x"); real
// paths need two or three.
const maxAlternates = 8

// PathAlternates appends to dst the other names, read from the text
// alone, under which the system reaches the same file as the cleaned
// absolute path p:
//
//   - /proc/self/root/X, /proc/thread-self/root/X and /proc/PID/root/X are
//     /X (a process's root directory, the same for every process outside
//     a container);
//   - /proc/self/cwd/X, /proc/thread-self/cwd/X and /proc/PID/cwd/X are
//     cwd/X (the working directory, taken to be the call's);
//   - macOS /private/etc, /private/var and /private/tmp are /etc, /var and
//     /tmp, and /System/Volumes/Data/X is /X.
//
// File descriptor paths (/dev/fd/N, /proc/self/fd/N) name no path and have
// no alternate. Links on disk are the caller's to resolve.
func PathAlternates(dst []string, p, cwd string) []string {
	for range maxAlternates {
		q, ok := rewritePath(p, cwd)
		if !ok || q == p {
			break
		}
		dst = append(dst, q)
		p = q
	}
	return dst
}

// rewritePath applies the first rewrite that fits p.
func rewritePath(p, cwd string) (string, bool) {
	if link, below, self, ok := procLink(p); ok {
		switch {
		case link == "root" || self:
			q := cleanProc(p, cwd)
			return q, q != p
		case cwd != "":
			return CleanPath(cwd+"/"+below, "/", ""), true
		}
		return "", false
	}
	for _, m := range macFirmlinks {
		if rest, ok := strings.CutPrefix(p, m.from); ok && (rest == "" || rest[0] == '/') {
			return CleanPath(m.to+rest, "/", ""), true
		}
	}
	return "", false
}

// procLink splits "/proc/self/root/X", "/proc/PID/cwd/X" and
// "/proc/PID/task/TID/root/X" into the link ("root" or "cwd") and X; self
// is true for the calling process's own links (self, thread-self).
func procLink(p string) (link, below string, self, ok bool) {
	rest, ok := strings.CutPrefix(p, "/proc/")
	if !ok {
		return "", "", false, false
	}
	who, rest, _ := strings.Cut(rest, "/")
	self = who == "self" || who == "thread-self"
	if !self && !isDigits(who) {
		return "", "", false, false
	}
	if t, ok := strings.CutPrefix(rest, "task/"); ok {
		tid, after, _ := strings.Cut(t, "/")
		if !isDigits(tid) {
			return "", "", false, false
		}
		rest = after
	}
	link, below, _ = strings.Cut(rest, "/")
	if link != "root" && link != "cwd" {
		return "", "", false, false
	}
	return link, below, self, true
}

// cleanProc cleans the absolute path p as the kernel walks it, replacing
// a process's root or cwd link (see procLink) by what it names at the
// point the walk reaches it, so a later ".." applies to that directory:
// "/proc/self/cwd/../x" is the x beside cwd. Another process's working
// directory is unknown: it stays as written, unless a ".." follows it,
// which is then taken from the root, the worst case.
func cleanProc(p, cwd string) string {
	segs := strings.Split(p, "/")
	stack := make([]string, 0, len(segs))
	for i, s := range segs {
		stack = pushSegment(stack, s)
		if len(stack) < 3 || stack[0] != "proc" || s != "root" && s != "cwd" {
			continue
		}
		link, _, self, ok := procLink("/" + strings.Join(stack, "/"))
		if !ok || link != s {
			continue
		}
		switch {
		case link == "root":
			stack = stack[:0]
		case self && cwd != "":
			stack = stack[:0]
			for _, c := range strings.Split(cwd, "/") {
				stack = pushSegment(stack, c)
			}
		case !self && slices.Contains(segs[i+1:], ".."):
			stack = stack[:0]
		}
	}
	return "/" + strings.Join(stack, "/")
}

// pushSegment applies one path segment to a stack of clean segments.
func pushSegment(stack []string, s string) []string {
	switch s {
	case "", ".":
		return stack
	case "..":
		if len(stack) > 0 {
			return stack[:len(stack)-1]
		}
		return stack
	}
	return append(stack, s)
}

// macFirmlinks are macOS directories reached under two names.
var macFirmlinks = []struct{ from, to string }{
	{"/private/etc", "/etc"},
	{"/private/var", "/var"},
	{"/private/tmp", "/tmp"},
	{"/System/Volumes/Data", "/"},
}

// HasNUL reports whether a path holds a NUL byte. The C library ends a path
// at the first NUL, so "/home/u/.ssh/id_rsa\x00.txt" opens the key; such a
// path is refused rather than judged.
func HasNUL(p string) bool { return strings.IndexByte(p, 0) >= 0 }

// OtherHome returns the home directory p lies in when it is another
// account's ("/root", "/var/root", "/home/NAME", "/Users/NAME", a mounted
// server's /nfs/home/NAME, Windows' /mnt/c/Users/NAME), or "".
func OtherHome(p string) string { return otherHome(p) }

// otherHome returns the home directory p lies in when it is another
// account's ("/root", "/var/root", "/home/NAME", "/Users/NAME"), or "".
// Home-relative patterns judge those homes as they judge the user's own:
// ~/.ssh/** covers /home/alice/.ssh/id_rsa and /root/.ssh/id_rsa.
func otherHome(p string) string {
	if p == "" || p[0] != '/' || !homeTop(firstSegment(p)) {
		return "" // /tmp/x, /etc/x, /opt/x: under no top a home can lie in
	}
	return homeUnder(p)
}

// homeTop reports whether first, a path's first segment, may be one of
// the tops homeUnder finds a home below: root and var (/root, /var/root,
// /var/home), the parents of homes (/home, /Users, /users, /usr/home,
// /export/home), mountedHomes' (/homes, /u, /home2 and homeMountTops)
// and WindowsHome's (/mnt, /cygdrive, a drive's letter). Every other
// path is in no home, and homeUnder's walk over its lists is spared (most
// paths a call names); TestHomeTop holds the two together.
func homeTop(first string) bool {
	if len(first) <= 1 || strings.HasPrefix(first, "home") {
		return true
	}
	switch first {
	case "root", "var", "Users", "users", "usr", "export", "mnt", "cygdrive":
		return true
	}
	return slices.Contains(homeMountTops[:], first)
}

// homeUnder is otherHome for a path homeTop lets through.
func homeUnder(p string) string {
	for _, root := range []string{"/root", "/var/root"} {
		if strings.HasPrefix(p, root) && (len(p) == len(root) || p[len(root)] == '/') {
			return root
		}
	}
	for _, parent := range []string{"/home/", "/Users/", "/users/", "/var/home/", "/usr/home/", "/export/home/"} { // "/users/": /Users folded
		if rest, ok := strings.CutPrefix(p, parent); ok {
			if name := firstSegment("/" + rest); name != "" {
				return p[:len(parent)+len(name)]
			}
		}
	}
	if parent := mountedHomes(p); parent != "" {
		if name := firstSegment(p[len(parent)-1:]); name != "" {
			return p[:len(parent)+len(name)]
		}
	}
	return WindowsHome(p)
}

// homeMountTops are the top directories under which a file server's
// homes are mounted, directly or below a host's directory (/nfs/home,
// /gpfs/homes, /net/HOST/home).
var homeMountTops = [...]string{"nfs", "mnt", "net", "data", "storage", "gpfs", "lustre", "cluster"}

// mountedHomes returns the directory of homes p lies under, with its
// closing "/", when it is not /home: a top directory named for homes
// (/homes, /home2, /u), or home or homes under a mount's top directory or
// a host's directory in it (/nfs/home, /net/fs01/home); else "".
func mountedHomes(p string) string {
	first := firstSegment(p)
	if first == "homes" || first == "u" || len(first) > 4 && len(first) <= 7 && strings.HasPrefix(first, "home") && allDigits(first[4:]) {
		return "/" + first + "/"
	}
	if !slices.Contains(homeMountTops[:], first) {
		return ""
	}
	at := len(first) + 1
	for range 2 {
		seg := firstSegment(p[at:])
		if seg == "" || at+1+len(seg) >= len(p) {
			return ""
		}
		if seg == "home" || seg == "homes" {
			return p[:at+1+len(seg)+1]
		}
		at += 1 + len(seg)
	}
	return ""
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// WindowsHome returns the Windows home directory p lies in, as WSL
// (/mnt/c/Users/NAME), Git Bash and MSYS (/c/Users/NAME) and Cygwin
// (/cygdrive/c/Users/NAME) see it, any drive and any case of Users, or
// "". An agent reaches the Windows user's keys, tokens, browser stores and
// projects there, and a home is judged as a home whoever's it is.
func WindowsHome(p string) string {
	rest := p
	switch {
	case strings.HasPrefix(rest, "/mnt/"):
		rest = rest[len("/mnt"):]
	case strings.HasPrefix(rest, "/cygdrive/"):
		rest = rest[len("/cygdrive"):]
	}
	// rest is "/D/Users/NAME…" when p is a Windows home
	if len(rest) < len("/c/Users/x") || rest[0] != '/' || rest[2] != '/' || (rest[1]|0x20) < 'a' || (rest[1]|0x20) > 'z' {
		return ""
	}
	if !strings.EqualFold(rest[3:9], "Users/") {
		return ""
	}
	name := firstSegment(rest[8:])
	if name == "" {
		return ""
	}
	return p[:len(p)-len(rest)+9+len(name)]
}

// underOwnHome reports whether p lies in home, when home is deep enough
// that no other account's home can lie inside it ("/home/u", not "/" or
// "/home"): then p is in no other home and otherHome need not be asked.
func underOwnHome(p, home string) bool {
	if !strings.HasPrefix(p, home) || len(p) != len(home) && p[len(home)] != '/' {
		return false // the cheap test first: home's slashes are counted only for a path in it
	}
	return strings.Count(home, "/") >= 2 || strings.HasPrefix(home, "/root")
}

// FoldPath is how a path is compared on a case-insensitive file system
// (macOS, Windows): lower case, Unicode in composed form (NFC).
func FoldPath(p string) string {
	if isASCII(p) {
		return lower(p)
	}
	return norm.NFC.String(strings.ToLower(p))
}

// folded is a PathSet's case-folded twin, built on first use.
type folded struct {
	once sync.Once
	set  *PathSet
}

// Folded returns a set of the same patterns folded with FoldPath, for
// matching paths (and home and cwd) folded the same way. It is built on
// first use and kept.
func (s *PathSet) Folded() *PathSet {
	if s == nil {
		return nil
	}
	s = s.built()
	s.fold.once.Do(func() {
		ps := make([]PathPattern, len(s.all))
		for i, p := range s.all {
			ps[i] = p.folded()
		}
		s.fold.set = NewPathSet(ps)
	})
	return s.fold.set
}

// folded compiles the pattern again with its text folded. Its prefix
// ($HOME) keeps its case. The pattern compiled once already, so the folded
// one is compiled lazily.
func (pp PathPattern) folded() PathPattern {
	src := pp.src
	prefix := ""
	if rest, ok := HomeVar(src); ok {
		prefix, src = src[:len(src)-len(rest)], rest
	}
	q, err := Compiler{Lazy: true}.Path(prefix + FoldPath(src))
	if err != nil {
		return pp
	}
	q.src = pp.src
	return q
}

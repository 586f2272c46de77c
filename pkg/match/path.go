package match

import (
	"path"
	"strings"
)

// CleanPath makes p absolute and lexically clean: `~` and `~/…`, `$HOME` and
// `${HOME}` are the user's home, `~NAME` that user's home, a relative path is taken from cwd (or "/"
// when cwd is empty), and `.` and `..` are resolved. A path that is already
// clean and absolute is returned as is, without allocating.
//
// The kernel's links to a process's root and working directory are
// replaced by what they name, before `..` is resolved as the kernel does:
// "/proc/self/root/etc/shadow" is "/etc/shadow" and
// "/proc/self/cwd/../.ssh" is the .ssh beside cwd. Other links on disk are
// not followed; see PathAlternates and the engine's Env.Resolve.
func CleanPath(p, cwd, home string) string {
	if p == "" {
		return ""
	}
	p = AbsPath(p, cwd, home)
	if rest, ok := strings.CutPrefix(p, "/dev/fd/"); ok && strings.Contains(rest, "..") {
		// /dev/fd is a link to /proc/self/fd: /dev/fd/../environ is
		// /proc/self/environ, not /dev/environ
		p = "/proc/self/fd/" + rest
	}
	if strings.Contains(p, "/proc/") {
		return cleanProc(p, cwd)
	}
	if isClean(p) {
		return p
	}
	return path.Clean(p)
}

// AbsPath makes p absolute as CleanPath does (home for `~` and `$HOME`, cwd for `$PWD`,
// cwd for a relative path) without cleaning it, for callers that resolve
// links on disk: there "link/.." is not the directory holding link.
func AbsPath(p, cwd, home string) string {
	switch {
	case p == "":
		return ""
	case p == "~" || p == "$HOME" || p == "${HOME}":
		p = home
	case strings.HasPrefix(p, "~/"):
		p = home + p[1:]
	case strings.HasPrefix(p, "$HOME/"):
		p = home + p[5:]
	case strings.HasPrefix(p, "${HOME}/"):
		p = home + p[7:]
	case p[0] == '~' && p[1] != '-' && p[1] != '+': // (p is neither "~" nor "~/…" here)
		p = userHome(p, home)
	case cwd != "" && (p == "$PWD" || p == "${PWD}"):
		p = cwd
	case cwd != "" && strings.HasPrefix(p, "$PWD/"):
		p = cwd + p[4:]
	case cwd != "" && strings.HasPrefix(p, "${PWD}/"):
		p = cwd + p[6:]
	case windowsAbs(p):
		p = wslPath(p)
	case (p[0] == '%' || p[0] == '$') && home != "" && winFolderAt(p):
		p, _ = winFolderPath(p, home) // winfolders.go
	case p[0] != '/':
		if cwd == "" {
			cwd = "/"
		}
		p = cwd + "/" + p
	}
	return p
}

// userHome resolves "~NAME" and "~NAME/…" as the shell does: /root for
// root, home for the user whose home it is, /home/NAME for another user.
// (~+ and ~-, the working and the previous directory, are not homes.)
func userHome(p, home string) string {
	user, rest, _ := strings.Cut(p[1:], "/")
	dir := "/home/" + user
	switch {
	case user == "root":
		dir = "/root"
	case home != "" && path.Base(home) == user:
		dir = home
	}
	if rest != "" {
		dir += "/" + rest
	}
	return dir
}

// isClean reports whether an absolute path needs no cleaning.
func isClean(p string) bool {
	if p == "/" {
		return true
	}
	if len(p) == 0 || p[0] != '/' || p[len(p)-1] == '/' {
		return false
	}
	for i := 1; i < len(p); i++ {
		if p[i] != '/' {
			continue
		}
		if p[i-1] == '/' {
			return false
		}
		rest := p[i+1:]
		if rest == "." || rest == ".." || strings.HasPrefix(rest, "./") || strings.HasPrefix(rest, "../") {
			return false
		}
	}
	return true
}

// PathPattern matches cleaned absolute paths; see the package doc for the
// dialect.
type PathPattern struct {
	src  string
	rest string // the pattern after a ~ or ./ prefix, before compiling
	g    *lazyGlob
	alt  *lazyGlob // for "**/x": also "/x", since a leading **/ matches nothing too
	home bool      // pattern is relative to the home directory
	cwd  bool      // pattern is relative to the call's working directory
	base bool      // pattern has no slash: match the base name
	// user is 1 + the index of the segment written "$USER" in an absolute
	// pattern ("/scratch/$USER/**", "/project/*/$USER/**"), which matches
	// the user's own account name (the home directory's last segment) and
	// no other; 0 when the pattern has none.
	user int
}

// userMark stands for the "$USER" segment in a compiled pattern, and for
// the user's name in the path matched against it.
const userMark = "\x01"

// CompilePath compiles a path pattern.
func CompilePath(pattern string) (PathPattern, error) { return Compiler{}.Path(pattern) }

// Path compiles a path pattern.
func (c Compiler) Path(pattern string) (PathPattern, error) {
	pp := PathPattern{src: pattern}
	p := pattern
	switch {
	case p == "~" || p == "$HOME":
		pp.home, p = true, ""
	case strings.HasPrefix(p, "~/"):
		pp.home, p = true, p[1:]
	case strings.HasPrefix(p, "$HOME/"):
		pp.home, p = true, p[5:]
	case p == "." || p == "./":
		pp.cwd, p = true, ""
	case strings.HasPrefix(p, "./"):
		pp.cwd, p = true, p[1:]
	case !strings.Contains(p, "/"):
		pp.base = true
	case strings.HasPrefix(p, "**/"):
		// A leading **/ also matches nothing: "**/x" matches "/x" as well
		// as "/a/b/x" (paths here are absolute).
		alt, err := c.glob("/"+p[3:], '/')
		if err != nil {
			return PathPattern{}, err
		}
		pp.alt = alt
	}
	if !pp.home && !pp.cwd && !pp.base {
		p = pp.markUser(p)
	}
	pp.rest = p
	if len(p) > 1 && strings.HasSuffix(p, "/") {
		p += "**" // a directory pattern covers what is inside it
	}
	if dir, ok := strings.CutSuffix(p, "/**"); ok && dir != "" && !strings.ContainsAny(dir, "{}") {
		// "dir/**" also matches dir itself: reading a directory (tar,
		// cp -r) reads what is inside it.
		p = "{" + dir + "," + p + "}"
	}
	g, err := c.glob(p, '/')
	if err != nil {
		return PathPattern{}, err
	}
	pp.g = g
	return pp, nil
}

// String returns the pattern as written.
func (pp PathPattern) String() string { return pp.src }

// Match reports whether the cleaned absolute path p matches, with home the
// user's home directory for `~` patterns and cwd the call's working
// directory for `./` patterns. A `~` pattern also matches the same place in
// another account's home (/root, /var/root, /home/NAME, /Users/NAME):
// `~/.ssh/**` matches "/home/alice/.ssh/id_rsa", since reading another
// user's key is no better than reading one's own.
func (pp PathPattern) Match(p, home, cwd string) bool {
	switch {
	case pp.home:
		if underOwnHome(p, home) {
			return matchUnder(pp.g, p, home)
		}
		if matchUnder(pp.g, p, home) {
			return true
		}
		other := otherHome(p)
		return other != "" && other != home && matchUnder(pp.g, p, other)
	case pp.cwd:
		return matchUnder(pp.g, p, cwd)
	case pp.base:
		return pp.g.Match(p[strings.LastIndexByte(p, '/')+1:])
	case pp.user > 0:
		return pp.matchUser(p, home)
	}
	return pp.g.Match(p) || pp.alt != nil && pp.alt.Match(p)
}

// markUser notes where an absolute pattern names the user ("$USER" as a
// whole segment, with no "**" before it, so that it is always the same
// segment of the paths it matches) and returns the pattern with userMark
// in its place.
func (pp *PathPattern) markUser(p string) string {
	k := strings.Index(p, "/$USER")
	if k < 0 || strings.Contains(p[:k], "**") {
		return p
	}
	if end := k + len("/$USER"); end < len(p) && p[end] != '/' {
		return p // "$USERNAME", "$USER.d": not the segment
	}
	pp.user = strings.Count(p[:k], "/") + 1
	return p[:k+1] + userMark + p[k+len("/$USER"):]
}

// matchUser matches a pattern that names the user: p's segment where the
// pattern has "$USER" must be the user's own name, the last segment of
// home (which must be an account's home, not "/").
func (pp PathPattern) matchUser(p, home string) bool {
	name := home[strings.LastIndexByte(home, '/')+1:]
	if name == "" || strings.Count(home, "/") < 2 && !strings.HasPrefix(home, "/root") {
		return false
	}
	start := 0
	for n := 0; n < pp.user; n++ {
		i := strings.IndexByte(p[start:], '/')
		if i < 0 {
			return false
		}
		start += i + 1
	}
	end := len(p)
	if i := strings.IndexByte(p[start:], '/'); i >= 0 {
		end = start + i
	}
	if p[start:end] != name {
		return false
	}
	return pp.g.Match(p[:start] + userMark + p[end:])
}

// matchUnder matches the part of p below dir, which must be a directory
// prefix of p.
func matchUnder(g *lazyGlob, p, dir string) bool {
	if dir == "" || !strings.HasPrefix(p, dir) {
		return false
	}
	rest := p[len(dir):]
	if dir == "/" {
		rest = p
	} else if rest != "" && rest[0] != '/' {
		return false
	}
	return g.Match(rest)
}

// windowsAbs reports a path written the Windows way from a drive's root
// (C:\Users\dev, C:/Users/dev, \\?\C:\Users\dev), as an agent running on
// Windows names the files it reads and writes.
func windowsAbs(p string) bool {
	_, ok := windowsLocal(p)
	return ok
}

// wslPath is a Windows path from a drive's root as WSL sees the same file
// (C:\Users\dev\.ssh -> /mnt/c/Users/dev/.ssh): the names the policy's
// patterns are written in, where a Windows home is a home like any other.
func wslPath(p string) string {
	q, _ := windowsLocal(p)
	return q
}

// windowsLocal gives the file a Windows path names on this machine, as WSL
// sees it: a drive's root (C:\x -> /mnt/c/x), behind a device prefix
// (\\?\C:\x, \\.\C:\x), through the machine's own administrative share
// (\\localhost\c$\x, \\?\UNC\localhost\c$\x), or inside a WSL
// distribution (\\wsl$\Ubuntu\home\dev, \\wsl.localhost\Ubuntu\… -> /home/dev).
func windowsLocal(p string) (string, bool) {
	if len(p) < 3 {
		return "", false
	}
	p = strings.ReplaceAll(p, "\\", "/")
	for _, dev := range []string{"//?/", "//./"} {
		p = strings.TrimPrefix(p, dev)
	}
	if len(p) >= 4 && strings.EqualFold(p[:4], "UNC/") {
		p = "//" + p[4:]
	}
	if strings.HasPrefix(p, "//") {
		host, rest, _ := strings.Cut(p[2:], "/")
		share, rest, _ := strings.Cut(rest, "/")
		switch strings.ToLower(host) {
		case "wsl$", "wsl.localhost":
			if share == "" {
				return "", false
			}
			return "/" + rest, true
		case "localhost", "127.0.0.1", "::1", "[::1]":
			if len(share) == 2 && share[1] == '$' {
				p = share[:1] + ":/" + rest
			} else {
				return "", false
			}
		default:
			return "", false
		}
	}
	if len(p) < 3 || p[1] != ':' || p[2] != '/' {
		return "", false
	}
	c := p[0] | 0x20
	if c < 'a' || 'z' < c {
		return "", false
	}
	return "/mnt/" + string(c) + p[2:], true
}

package decide

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"rampart.dev/pkg/engine"
)

// Env is the engine environment enforcement uses for a user whose home is
// userHome: paths are also judged with symbolic links followed on this
// machine's disk, and compared without case where the file system ignores
// it (macOS, Windows). Each Env resolves through a cache of its own, so
// build one per call: a link the agent creates between two calls is seen
// by the second.
func Env(userHome string) engine.Env { return env(userHome, false) }

// env is Env, with the lookups made raw system calls where rawLookups is
// set and the system has them (see Config.RawLookups).
func env(userHome string, rawLookups bool) engine.Env {
	env := engine.Env{Home: userHome, FoldCase: foldsCase(runtime.GOOS)}
	if runtime.GOOS != "windows" { // the engine's paths are slash-separated
		r := newResolver()
		r.raw = rawLookups && haveRawLstat
		env.Resolve = r.resolve
		env.Private = privateFile   // private.go
		env.ScriptText = scriptText // scripttext.go
	}
	return env
}

// foldsCase reports whether the usual file system of goos ignores case:
// APFS and HFS+ by default on macOS, NTFS on Windows.
func foldsCase(goos string) bool { return goos == "darwin" || goos == "ios" || goos == "windows" }

// maxLinks is how many symbolic links one path may pass through, as
// Linux's MAXSYMLINKS; more is a loop.
const maxLinks = 40

// maxResolved bounds a resolver's cache: one call names a few paths, and a
// call that names thousands is resolved without caching past this.
const maxResolved = 256

// resolver follows symbolic links, caching answers for one call.
type resolver struct {
	cache map[string]resolved
	raw   bool // walk with lstatRaw rather than os.Lstat and EvalSymlinks
}

type resolved struct {
	real string
	ok   bool
}

func newResolver() *resolver { return &resolver{cache: map[string]resolved{}} }

// resolve returns the absolute path p with every symbolic link in it
// followed. Components that do not exist yet (a file about to be written)
// are kept as written, after the links before them are followed, and a
// dangling link is followed to where it points. ok is false for a relative
// path, a link loop or an unreadable link.
func (r *resolver) resolve(p string) (string, bool) {
	if v, ok := r.cache[p]; ok {
		return v.real, v.ok
	}
	real, ok := realPath(p, r.raw)
	if len(r.cache) < maxResolved {
		r.cache[p] = resolved{real, ok}
	}
	return real, ok
}

// realPath resolves p. With raw, it first asks whether the whole path
// exists without a link (noLinksRaw: then p is the answer the walk would
// give), and otherwise walks (below), looking each component up with
// lstatRaw: EvalSymlinks makes the same lookups, one per component, and
// gives the same answer wherever it has one (its limit of 255 links
// aside: past the kernel's 40, opening the path fails anyway).
func realPath(p string, raw bool) (string, bool) {
	if !filepath.IsAbs(p) || strings.IndexByte(p, 0) >= 0 {
		return "", false
	}
	if !raw {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return real, true
		}
	}
	lstat := isLink
	if raw {
		// Most paths hold no link and name what exists, or a file about
		// to be written in a directory that does: a lookup of the whole
		// path, and then of its directory, says so, where the walk makes
		// one a component.
		if isClean(p) {
			switch noLinksRaw(p) {
			case linkFree:
				return p, true
			case noneThere:
				if noLinksRaw(filepath.Dir(p)) == linkFree {
					return p, true // the last component alone is missing
				}
			}
		}
		lstat = lstatRaw
	}
	// Walk the path a component at a time, as the kernel does.
	todo := strings.Split(p, "/")
	done := "/"
	for links := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			done = filepath.Dir(done)
			continue
		}
		next := filepath.Join(done, c)
		link, err := lstat(next)
		if err != nil {
			// Nothing below exists: the rest is taken as written.
			return filepath.Join(append([]string{next}, todo...)...), true
		}
		if !link {
			done = next
			continue
		}
		if links++; links > maxLinks {
			return "", false
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", false
		}
		if filepath.IsAbs(target) {
			done = "/"
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return done, true
}

// isClean reports whether the absolute path p is as filepath.Clean
// would leave it: no empty, "." or ".." component, no trailing slash
// but the root's.
func isClean(p string) bool {
	if p == "/" {
		return true
	}
	if p == "" || p[0] != '/' || p[len(p)-1] == '/' {
		return false
	}
	for i := 1; i < len(p); {
		j := strings.IndexByte(p[i:], '/')
		if j < 0 {
			j = len(p) - i
		}
		switch p[i : i+j] {
		case "", ".", "..":
			return false
		}
		i += j + 1
	}
	return true
}

// linkLookup is what noLinksRaw found out about a path.
type linkLookup int

const (
	unknown   linkLookup = iota // a link on the way, or no answer: walk
	linkFree                    // every component exists, none a link
	noneThere                   // a component is missing, no link before it
)

// isLink reports whether path names a symbolic link, not following it.
func isLink(path string) (bool, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return false, err
	}
	return fi.Mode()&fs.ModeSymlink != 0, nil
}

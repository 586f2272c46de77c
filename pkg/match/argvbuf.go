package match

import (
	"strings"
	"unsafe"
)

// ArgvBuf prepares the simple commands of one line with their positional
// arguments, path arguments and long flags in shared arrays, and the
// absolute paths it builds in shared bytes, rather than in allocations of
// their own. Its zero value is ready; it is not safe for concurrent use.
//
// What it hands out lives as long as anything points into it: a slice is
// cut with its capacity at its length (an append copies it out), and bytes
// once written are never written again.
type ArgvBuf struct {
	strs    []string
	bytes   []byte
	reserve int // bytes Reserve asked for, made when the first path is built

	// OptionValues, when set, gives the arguments (bit i for args[i], of
	// the first 64) that are the values of options the program's own table
	// knows take one (git log --grep reset: bit 2). A pattern's first word
	// after its program word (git reset --hard) names a word of the command
	// itself, never such a value. It is asked only once a pattern has
	// matched otherwise.
	OptionValues func(name string, args []string) uint64
	// Subcommands, when set, gives the indexes of the arguments that name
	// the program's subcommands, outermost first, as far as its table can
	// tell (docker container run --rm alpine rm -v x: 0, 1). A pattern's
	// leading names after its program word (docker container rm -v) then
	// name those arguments. It is asked only once a pattern has matched
	// otherwise.
	Subcommands func(name string, args []string) []int
}

// argvChunk is the least a new array holds, in strings and in bytes.
const argvChunk = 64

// Reserve makes room for commands with nargs arguments in all, whose
// relative paths are taken from cwd or home, so that preparing them takes
// one array of strings and one of bytes.
func (b *ArgvBuf) Reserve(nargs, argBytes int, cwd, home string) {
	if cap(b.strs)-len(b.strs) < 3*nargs {
		b.strs = make([]string, 0, 3*nargs) // positionals, long flags, paths
	}
	// The bytes are made when a path is first built (concat): a line with
	// no relative path needs none.
	b.bytes, b.reserve = nil, argBytes+nargs*(max(len(cwd), len(home))+1)
}

// Reset makes b ready for another line once nothing points into the Argv
// it prepared: it keeps the array of strings, cleared, and lets go of the
// bytes, since the path strings built there may be kept (a decision shows
// one).
func (b *ArgvBuf) Reset() {
	clear(b.strs[:cap(b.strs)])
	b.strs, b.bytes, b.reserve = b.strs[:0], nil, 0
}

// NewArgv is NewArgv with its slices and built paths taken from b.
func (b *ArgvBuf) NewArgv(name, program string, args []string, cwd, home string) Argv {
	var a Argv
	b.InitArgv(&a, name, program, args, cwd, home)
	return a
}

// InitArgv is NewArgv that prepares the command in *a, for a caller that
// keeps its commands in an array: an Argv is some 160 bytes, and
// assigning NewArgv's result copied each one once more.
func (b *ArgvBuf) InitArgv(a *Argv, name, program string, args []string, cwd, home string) {
	*a = Argv{Name: lower(name), Program: program, Args: args, cwd: cwd, home: home, buf: b}
	n := len(args)
	a.short, a.long, a.Positional = parseFlagsInto(name, args, true, b.take(n), b.take(n))
	a.summed = true
	if len(a.long) == 0 {
		a.long = nil
	}
	if len(a.Positional) == 0 {
		a.Positional = nil
		return
	}
	a.words = wordsBits(a.Positional)
	a.paths = b.take(len(a.Positional))[:len(a.Positional)]
}

// take returns an empty slice with room for n strings.
func (b *ArgvBuf) take(n int) []string {
	if n == 0 {
		return nil
	}
	if cap(b.strs)-len(b.strs) < n {
		b.strs = make([]string, 0, max(n, argvChunk))
	}
	i := len(b.strs)
	b.strs = b.strs[:i+n]
	return b.strs[i : i : i+n]
}

// cleanPath is CleanPath with the path made absolute in b's bytes.
func (b *ArgvBuf) cleanPath(p, cwd, home string) string {
	var abs string
	switch {
	case p == "" || p[0] == '/' || p == "~" || p == "$HOME" || p == "${HOME}" || p[0] == '~' && len(p) > 1 && p[1] != '/' && p[1] != '-' && p[1] != '+':
		// (~NAME: another user's home, rare enough to allocate)
		return CleanPath(p, cwd, home) // nothing to build
	case strings.HasPrefix(p, "~/"):
		abs = b.concat(home, p[1:], "")
	case strings.HasPrefix(p, "$HOME/"):
		abs = b.concat(home, p[5:], "")
	case strings.HasPrefix(p, "${HOME}/"):
		abs = b.concat(home, p[7:], "")
	default:
		if cwd == "" {
			cwd = "/"
		}
		abs = b.concat(cwd, "/", p)
	}
	if abs == "" || abs[0] != '/' {
		// A relative home or cwd: AbsPath of the result would differ.
		return CleanPath(p, cwd, home)
	}
	// CleanPath of an absolute path makes nothing absolute again.
	return CleanPath(abs, cwd, home)
}

// concat returns x+y+z written in b's bytes.
func (b *ArgvBuf) concat(x, y, z string) string {
	n := len(x) + len(y) + len(z)
	if n == 0 {
		return ""
	}
	if cap(b.bytes)-len(b.bytes) < n {
		size := argvChunk * 8
		if b.reserve > 0 {
			size, b.reserve = b.reserve, 0
		}
		b.bytes = make([]byte, 0, max(n, size))
	}
	i := len(b.bytes)
	b.bytes = append(append(append(b.bytes, x...), y...), z...)
	return unsafe.String(&b.bytes[i], n)
}

// Package hookwire is the protocol between rampart-hook-fast, the small
// client an agent runs for each tool call, and `rampart-hook decider`, the
// long-running process that decides for it.
//
// The client connects to the decider's unix socket (SocketPath), waits
// for the decider's Ready byte, and sends one request: its command line, working directory and environment
// (AppendRequest), with its standard input, output and error attached as
// SCM_RIGHTS. The decider runs rampart-hook's own command line on them, as
// the process would have (it reads the payload from that stdin, writes the
// audit record, writes the answer to that stdout), closes its copies of the
// three descriptors and answers with one byte: the exit code, or NotServed
// when the command line is not a decision (setup, -version), which the
// client then runs itself.
//
// The package imports nothing, so that the client links no more than it
// needs, and has nothing to initialise.
package hookwire

// Magic starts every request: the protocol's name and version.
const Magic = "rampart-hook/2\n"

// Ready is the byte the decider sends as soon as it has accepted a
// connection, before the client sends anything: a client that does not
// get it promptly (a decider stopped, or held up by other connections)
// keeps its descriptors, which a decider that took them and did not
// answer would hold open, and runs rampart-hook itself.
const Ready = 'R'

// NotServed is the decider's answer to a request it leaves to the client:
// nothing was read from or written to the client's descriptors.
const NotServed = 255

// MaxRequest bounds a request (the environment is most of it).
const MaxRequest = 1 << 20

// SocketName is the decider's socket in the Rampart home's run directory.
const SocketName = "hook.sock"

// LockName is the lock file a decider holds while it serves, beside the
// socket, so that at most one serves a home.
const LockName = "hook.lock"

// Request is what the client sends: the hook's command line (without the
// program name), its working directory and its environment ("KEY=value").
type Request struct {
	Args []string
	Cwd  string
	Env  []string
}

// ErrBadRequest is a request that does not parse. It is a constant, so
// that the package has nothing to initialise (rampart-hook's
// internal/oneshot must run before any package allocates).
var ErrBadRequest error = wireError("bad hook request")

// wireError is an error that is a constant string.
type wireError string

func (e wireError) Error() string { return string(e) }

// AppendRequest appends the encoding of r to b: Magic, then the body's
// length, then the working directory, the arguments and the environment,
// each list as its count followed by its strings, every number and length
// 4 bytes little-endian.
func AppendRequest(b []byte, r Request) []byte {
	b = append(b, Magic...)
	at := len(b)
	b = append(b, 0, 0, 0, 0)
	b = appendString(b, r.Cwd)
	b = appendList(b, r.Args)
	b = appendList(b, r.Env)
	putUint32(b[at:], uint32(len(b)-at-4))
	return b
}

// BodyLen is the length of the body that follows the header (Magic and
// the length) at the start of a request; ok is false when b does not
// start with a valid header. HeaderLen bytes are needed.
func BodyLen(b []byte) (n int, ok bool) {
	if len(b) < HeaderLen || string(b[:len(Magic)]) != Magic {
		return 0, false
	}
	n = int(getUint32(b[len(Magic):]))
	return n, n <= MaxRequest
}

// HeaderLen is the length of a request's header.
const HeaderLen = len(Magic) + 4

// ParseRequest decodes a request's body (what follows the header).
func ParseRequest(body []byte) (Request, error) {
	var r Request
	var ok bool
	if r.Cwd, body, ok = readString(body); !ok {
		return r, ErrBadRequest
	}
	if r.Args, body, ok = readList(body); !ok {
		return r, ErrBadRequest
	}
	if r.Env, body, ok = readList(body); !ok || len(body) != 0 {
		return r, ErrBadRequest
	}
	return r, nil
}

func appendString(b []byte, s string) []byte {
	b = append(b, 0, 0, 0, 0)
	putUint32(b[len(b)-4:], uint32(len(s)))
	return append(b, s...)
}

func appendList(b []byte, l []string) []byte {
	b = append(b, 0, 0, 0, 0)
	putUint32(b[len(b)-4:], uint32(len(l)))
	for _, s := range l {
		b = appendString(b, s)
	}
	return b
}

func readString(b []byte) (string, []byte, bool) {
	if len(b) < 4 {
		return "", nil, false
	}
	n := getUint32(b)
	b = b[4:]
	if uint64(n) > uint64(len(b)) {
		return "", nil, false
	}
	return string(b[:n]), b[n:], true
}

func readList(b []byte) ([]string, []byte, bool) {
	if len(b) < 4 {
		return nil, nil, false
	}
	n := getUint32(b)
	b = b[4:]
	if uint64(n) > uint64(len(b)/4) { // every string takes 4 bytes at least
		return nil, nil, false
	}
	l := make([]string, 0, n)
	for range n {
		var s string
		var ok bool
		if s, b, ok = readString(b); !ok {
			return nil, nil, false
		}
		l = append(l, s)
	}
	return l, b, true
}

func putUint32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func getUint32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// RunDir is the Rampart home's run directory for the environment getenv
// reads: $RAMPART_HOME/run, else $HOME/.rampart/run, as pkg/home resolves
// it; "" when neither variable is set (no directory to trust).
func RunDir(getenv func(string) string) string {
	if d := getenv("RAMPART_HOME"); d != "" {
		return d + "/run"
	}
	if h := getenv("HOME"); h != "" {
		return h + "/.rampart/run"
	}
	return ""
}

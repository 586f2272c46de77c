package main

import (
	"syscall"
	"unsafe"
)

// Static buffers: memory of the program's own image, untouched until
// used, where allocating it would initialise the allocator's spans for
// each size (about a dozen page faults each time, in a program whose whole
// run takes under two hundred). Past their size, slices grow on the heap.
var (
	cmdlineBuf [8 << 10]byte
	environBuf [32 << 10]byte
	argsArr    [32]string
	environArr [256]string
	requestBuf [40 << 10]byte
	exeBuf     [4096]byte // this executable's path
)

func main() {
	args, ok := nulStrings("/proc/self/cmdline", cmdlineBuf[:0], argsArr[:0])
	if !ok || len(args) == 0 {
		fail(msgNoArgs)
	}
	args = args[1:]
	// The environment as the process received it: syscall's own copy
	// would build a map of it first.
	environ, _ = nulStrings("/proc/self/environ", environBuf[:0], environArr[:0])
	mode := getenv(deciderEnv)
	if mode != "off" && isDecision(args) {
		code, outcome := ask(args)
		switch outcome {
		case answered:
			syscall.Exit(code)
		case lost:
			fail(msgLost)
		case absent:
			if mode != "nostart" {
				startDecider()
			}
		}
	}
	runFull(args)
}

// fail blocks the call: msg on stderr, exit status 2.
func fail(msg string) {
	syscall.Write(2, []byte(msg))
	syscall.Exit(2)
}

// environ is this process's environment ("KEY=value").
var environ []string

// getenv is the value of key in environ; the first of a repeated key
// wins, as in the Go runtime.
func getenv(key string) string {
	for _, kv := range environ {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:]
		}
	}
	return ""
}

// nulStrings reads a file of NUL-terminated strings, as /proc/self/cmdline
// and /proc/self/environ are, into buf, and appends them to l. The strings
// share buf, which is never written again.
func nulStrings(path string, buf []byte, l []string) ([]string, bool) {
	b, ok := readAll(path, buf)
	if !ok || (len(b) > 0 && b[len(b)-1] != 0) {
		return nil, false
	}
	start := 0
	for i, c := range b {
		if c == 0 {
			l = append(l, unsafe.String(unsafe.SliceData(b[start:]), i-start))
			start = i + 1
		}
	}
	return l, true
}

// readAll reads a whole file, appending it to b.
func readAll(path string, b []byte) ([]byte, bool) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := syscall.Read(fd, b[len(b):cap(b)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return b, true
		}
		b = b[:len(b)+n]
	}
}

// fullHook is rampart-hook beside this executable.
func fullHook() string {
	buf := exeBuf[:]
	n, err := syscall.Readlink("/proc/self/exe", buf)
	if err != nil || n <= 0 || n == len(buf) {
		return "rampart-hook"
	}
	return besideSelf(string(buf[:n]), "rampart-hook")
}

// runFull runs rampart-hook in this process's place; when it cannot, the
// call is blocked.
func runFull(args []string) {
	bin := fullHook()
	syscall.Exec(bin, append([]string{bin}, args...), environ)
	fail(msgNoExec)
}

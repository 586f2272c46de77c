package audit

import (
	"io"
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// systemRandom is where record IDs take their random bits: the kernel's
// generator through the getrandom(2) system call itself. crypto/rand's
// reader (and unix.Getrandom) reach the same generator through the vDSO,
// whose per-thread state the runtime maps and fills on first use: pages a
// one-shot process (the hook) touched for the 10 bytes of its one record
// ID (4 of its page faults). Where the system call is missing (ENOSYS),
// /dev/urandom is read instead, as crypto/rand would; crypto/rand itself
// is not linked, since its package initialisation (its DRBG, AES and
// SHA-512 code registering themselves) costs every hook process pages.
//
// The call is asked not to wait (GRND_NONBLOCK) and made as a raw system
// call: once the kernel's generator is seeded, which is all but the first
// seconds of a boot, it never waits, and through the scheduler
// (unix.Syscall) the first system call of a server idle between questions
// woke the runtime's monitor thread, which then preempted the answering
// thread to poll beside it (one question in 25 refills the pool). Before
// the generator is seeded (EAGAIN) the waiting call is made, through the
// scheduler.
var systemRandom getrandom

type getrandom struct{}

// getrandomNow and getrandomWait are the two calls Read makes: without
// waiting, raw, and waiting, through the scheduler. Each returns the bytes
// read and the errno. Variables, so that a test can stand in for the
// kernel.
var (
	getrandomNow = func(b []byte) (int, unix.Errno) {
		r, _, e := unix.RawSyscall(unix.SYS_GETRANDOM, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), unix.GRND_NONBLOCK)
		return int(r), e
	}
	getrandomWait = func(b []byte) (int, unix.Errno) {
		r, _, e := unix.Syscall(unix.SYS_GETRANDOM, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), 0)
		return int(r), e
	}
)

func (getrandom) Read(b []byte) (int, error) {
	n := 0
	wait := false // the generator is not seeded yet
	for n < len(b) {
		var r int
		var errno unix.Errno
		if wait {
			r, errno = getrandomWait(b[n:])
		} else {
			r, errno = getrandomNow(b[n:])
		}
		switch errno {
		case 0:
			n += r
		case unix.EINTR:
		case unix.EAGAIN:
			wait = true
		case unix.ENOSYS:
			k, err := readURandom(b[n:])
			return n + k, err
		default:
			return n, errno
		}
	}
	return n, nil
}

// readURandom fills b from /dev/urandom.
func readURandom(b []byte) (int, error) {
	f, err := os.Open("/dev/urandom")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.ReadFull(f, b)
}

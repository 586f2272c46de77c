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
var systemRandom getrandom

type getrandom struct{}

func (getrandom) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		r, _, errno := unix.Syscall(unix.SYS_GETRANDOM, uintptr(unsafe.Pointer(&b[n])), uintptr(len(b)-n), 0)
		switch errno {
		case 0:
			n += int(r)
		case unix.EINTR:
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

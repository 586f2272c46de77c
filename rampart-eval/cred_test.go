//go:build linux && !386

package main

import (
	"reflect"
	"syscall"
	"testing"
	"unsafe"
)

// credentialsRef is how the credentials were found before they were read
// in place: what credentials must agree with.
func credentialsRef(oob []byte) *syscall.Ucred {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	for _, m := range msgs {
		if m.Header.Level == syscall.SOL_SOCKET && m.Header.Type == syscall.SCM_CREDENTIALS {
			if u, err := syscall.ParseUnixCredentials(&m); err == nil {
				return u
			}
		}
	}
	return nil
}

// cmsg builds one control message with data of n bytes (the Ucred's
// first, when n holds one), its length field set to len.
func cmsg(level, typ int32, n int, length uint64, u syscall.Ucred) []byte {
	b := make([]byte, syscall.CmsgSpace(n))
	h := (*syscall.Cmsghdr)(unsafe.Pointer(&b[0]))
	h.Level, h.Type = level, typ
	h.SetLen(int(length))
	if n >= int(unsafe.Sizeof(u)) {
		*(*syscall.Ucred)(unsafe.Pointer(&b[syscall.CmsgLen(0)])) = u
	}
	return b
}

func TestCredentialsAgreeWithParseSocketControlMessage(t *testing.T) {
	me := syscall.Ucred{Pid: 42, Uid: 1000, Gid: 1000}
	other := syscall.Ucred{Pid: 7, Uid: 0, Gid: 0}
	size := int(unsafe.Sizeof(me))
	cred := func(u syscall.Ucred) []byte {
		return cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, size, uint64(syscall.CmsgLen(size)), u)
	}
	rights := cmsg(syscall.SOL_SOCKET, syscall.SCM_RIGHTS, 4, uint64(syscall.CmsgLen(4)), me)
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	cases := map[string][]byte{
		"none":               nil,
		"credentials":        cred(me),
		"after rights":       cat(rights, cred(me)),
		"the first of two":   cat(cred(me), cred(other)),
		"short":              cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, 4, uint64(syscall.CmsgLen(4)), me),
		"short, then whole":  cat(cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, 4, uint64(syscall.CmsgLen(4)), me), cred(other)),
		"another level":      cmsg(6, syscall.SCM_CREDENTIALS, size, uint64(syscall.CmsgLen(size)), me),
		"length too long":    cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, size, 1000, me),
		"length too short":   cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, size, 3, me),
		"malformed after":    cat(cred(me), cmsg(syscall.SOL_SOCKET, syscall.SCM_RIGHTS, 4, 1000, me)),
		"truncated header":   cred(me)[:10],
		"trailing bytes":     cat(cred(me), make([]byte, 5)),
		"credentials, space": cat(cred(me), make([]byte, 24)),
	}
	for name, oob := range cases {
		var u syscall.Ucred
		ok := credentials(oob, &u)
		want := credentialsRef(oob)
		if ok != (want != nil) || ok && !reflect.DeepEqual(u, *want) {
			t.Errorf("%s: credentials = %v, %+v; want %+v", name, ok, u, want)
		}
	}
}

func TestCredentialsDoNotAllocate(t *testing.T) {
	oob := cmsg(syscall.SOL_SOCKET, syscall.SCM_CREDENTIALS, int(unsafe.Sizeof(syscall.Ucred{})),
		uint64(syscall.CmsgLen(int(unsafe.Sizeof(syscall.Ucred{})))), syscall.Ucred{Uid: 1})
	var u syscall.Ucred
	if n := testing.AllocsPerRun(100, func() { credentials(oob, &u) }); n != 0 {
		t.Errorf("credentials allocates %v times; want 0", n)
	}
}

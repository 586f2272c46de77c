package effect

import "strings"

// Some programs are told where to listen not by an option named for
// binding but inside a value of their own language:
//
//   - QEMU's character devices (-serial, -monitor, -chardev, -qmp, -gdb):
//     tcp:HOST:PORT,server and telnet:HOST:PORT,server accept a
//     connection on HOST; the monitor and the QMP socket drive the whole
//     virtual machine, the serial port is the guest's root console;
//   - OpenOCD's bindto HOST command (openocd -c "bindto 0.0.0.0"): its
//     GDB, Tcl and telnet servers, which drive the board and run
//     OpenOCD's own commands, on HOST.
//
// An explicit every-interface HOST there is a choice a person confirms,
// as --bind 0.0.0.0 is; an empty host (tcp::4444,server, QEMU's own
// default) and OpenOCD without bindto (loopback) are not read.

// serverSpecAddress returns the listening address an option value gives
// in one of those languages, or "" when it gives none.
func serverSpecAddress(val string) string {
	if len(val) < 8 {
		return ""
	}
	if val[0] == 't' || val[0] == 'w' {
		return chardevServer(val)
	}
	if strings.Contains(val, "bindto") {
		return bindtoAddress(val)
	}
	return ""
}

// chardevServer returns HOST:PORT of a QEMU socket character device that
// is a server (tcp:0.0.0.0:5555,server,nowait; telnet:0.0.0.0:4444,
// server=on), or "".
func chardevServer(val string) string {
	rest, ok := strings.CutPrefix(val, "tcp:")
	if !ok {
		if rest, ok = strings.CutPrefix(val, "telnet:"); !ok {
			if rest, ok = strings.CutPrefix(val, "websocket:"); !ok {
				return ""
			}
		}
	}
	addr, opts, _ := strings.Cut(rest, ",")
	for o := range strings.SplitSeq(opts, ",") {
		if o == "server" || o == "server=on" || o == "server=yes" {
			return addr
		}
	}
	return ""
}

// bindtoAddress returns the host of an OpenOCD bindto command among the
// commands of a -c value ("init; bindto 0.0.0.0"), or "".
func bindtoAddress(val string) string {
	for part := range strings.FieldsFuncSeq(val, func(r rune) bool { return r == ';' || r == '\n' }) {
		f := strings.Fields(part)
		if len(f) == 2 && f[0] == "bindto" {
			return f[1]
		}
	}
	return ""
}

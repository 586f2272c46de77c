package effect

import "strings"

// A serial port passed into a container (docker run --device /dev/ttyUSB0,
// podman run --device=/dev/ttyACM0:/dev/ttyACM0:rwm) is how a containerised
// toolchain flashes and monitors the board on the desk (idf.py flash
// monitor, pio run -t upload): the container reaches one UART and nothing
// else of the host, so it is no privilege. Every other device stays one:
// a disk (/dev/sda, /dev/nvme0n1), memory (/dev/mem, /dev/kmem), the
// terminals a keystroke can be pushed into (/dev/tty, /dev/tty1,
// /dev/console, /dev/pts/*), FUSE, the GPU, a USB bus node.

// serialPortPrefixes are the names under /dev of the serial ports a
// board shows up as: USB serial adapters (ttyUSB), CDC ACM boards
// (ttyACM), on-board UARTs (ttyS, ttyAMA, ttyTHS, ttymxc) and macOS's
// call-out and dial-in nodes of a USB serial adapter.
var serialPortPrefixes = [...]string{"ttyUSB", "ttyACM", "ttyS", "ttyAMA", "ttyTHS", "ttymxc", "cu.usb", "tty.usb", "cu.SLAB", "tty.SLAB", "cu.wchusb", "tty.wchusb"}

// serialDevice reports whether a --device value (HOST[:CONTAINER[:PERMS]])
// passes only a serial port of the host: one of serialPortPrefixes with a
// port number or name after it, or a stable link to one under
// /dev/serial/by-id or /dev/serial/by-path.
func serialDevice(val string) bool {
	host, _, _ := strings.Cut(val, ":")
	if strings.Contains(host, "..") {
		return false
	}
	if rest, ok := strings.CutPrefix(host, "/dev/serial/"); ok {
		link, ok := strings.CutPrefix(rest, "by-id/")
		if !ok {
			link, ok = strings.CutPrefix(rest, "by-path/")
		}
		return ok && link != "" && !strings.Contains(link, "/")
	}
	name, ok := strings.CutPrefix(host, "/dev/")
	if !ok || strings.Contains(name, "/") {
		return false
	}
	for _, p := range serialPortPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return true
		}
	}
	return false
}

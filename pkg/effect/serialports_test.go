package effect

import "testing"

// A serial port passed into a container is no privilege; any other device,
// or a path that climbs out of /dev/serial, stays one.
func TestSerialDevice(t *testing.T) {
	for val, want := range map[string]bool{
		"/dev/ttyUSB0":                     true,
		"/dev/ttyACM1:/dev/ttyACM0:rwm":    true,
		"/dev/ttyAMA0":                     true,
		"/dev/tty.usbserial-0001":          true,
		"/dev/serial/by-id/usb-FTDI-port0": true,
		"/dev/serial/by-path/pci-0:1.0":    true,
		"/dev/tty":                         false,
		"/dev/tty1":                        false,
		"/dev/ttyUSB":                      false,
		"/dev/console":                     false,
		"/dev/sda":                         false,
		"/dev/mem":                         false,
		"/dev/bus/usb":                     false,
		"/dev/serial/../sda":               false,
		"/dev/serial/by-id/":               false,
		"/dev/serial/by-id/x/../../../sda": false,
		"ttyUSB0":                          false,
	} {
		if got := serialDevice(val); got != want {
			t.Errorf("serialDevice(%q) = %v, want %v", val, got, want)
		}
	}
}

// The listening address inside QEMU's character devices and OpenOCD's
// bindto command.
func TestServerSpecAddress(t *testing.T) {
	for val, want := range map[string]string{
		"telnet:0.0.0.0:5555,server,nowait":  "0.0.0.0:5555",
		"tcp:[::]:4444,server=on,wait=off":   "[::]:4444",
		"tcp::4444,server,nowait":            ":4444",
		"tcp:192.168.7.2:4444":               "",
		"tcp:0.0.0.0:4444,nowait":            "",
		"bindto 0.0.0.0":                     "0.0.0.0",
		"init; bindto ::":                    "::",
		"init; reset halt":                   "",
		"program build/app.elf verify reset": "",
		"short":                              "",
	} {
		if got := serverSpecAddress(val); got != want {
			t.Errorf("serverSpecAddress(%q) = %q, want %q", val, got, want)
		}
	}
}

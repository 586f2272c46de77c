package effect

import "testing"

// TestDeviceChanges checks that fuses and lock bits written, a chip erased
// whole and a flash chip written through a programmer change the device,
// while writing the project's firmware to its flash, reading and
// verifying do not.
func TestDeviceChanges(t *testing.T) {
	for cmd, want := range map[string]bool{
		"avrdude -c usbasp -p m328p -U lfuse:w:0xE2:m":                                  true,
		"avrdude -p m328p -c avrisp2 -U efuse:w:0xFD:m":                                 true,
		"avrdude -c usbasp -p m328p -Uhfuse:w:0xD9:m":                                   true,
		"avrdude -c usbasp -p m328p -U flash:w:build/main.hex:i -U lock:w:0x3C:m":       true,
		"avrdude -c usbasp -p m328p -e":                                                 true,
		"flashrom -p ch341a_spi -w build/coreboot.rom":                                  true,
		"flashrom -p ch341a_spi -E":                                                     true,
		"avrdude -c arduino -P /dev/ttyACM0 -p m328p -U flash:w:build/blink.hex:i":      false,
		"avrdude -c usbasp -p m328p -U lfuse:r:-:h":                                     false,
		"avrdude -c usbasp -p m328p -U flash:v:build/main.hex:i":                        false,
		"flashrom -p ch341a_spi -r backup.rom":                                          false,
		"openocd -f board/st_nucleo_f4.cfg -c 'program build/fw.elf verify reset exit'": false,
	} {
		got := false
		for _, ef := range effectsOf(cmd) {
			got = got || ef.Kind == Destroy && ef.Detail == "system"
		}
		if got != want {
			t.Errorf("%s: device changed %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}

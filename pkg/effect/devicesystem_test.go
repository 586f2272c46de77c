package effect

import "testing"

// TestSwitchesAndFlashes checks that switching a machine or a user's
// environment to a new generation, and writing or erasing a device's
// flash or fuses, change what the system runs, while building, listing,
// reading a flash out and site-aliased reads of a CMS change nothing.
func TestSwitchesAndFlashes(t *testing.T) {
	changes := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Destroy || e.Kind == Admin {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"nixos-rebuild switch --flake .#web":                       true,
		"nixos-rebuild switch --target-host root@web1.example.com": true,
		"darwin-rebuild switch --flake .":                          true,
		"home-manager switch -b backup":                            true,
		"fastboot flash boot out/boot.img":                         true,
		"fastboot flashing unlock":                                 true,
		"esptool.py --port /dev/ttyUSB0 erase_flash":               true,
		"espefuse.py --port /dev/ttyUSB0 --do-not-confirm burn_key BLOCK_KEY0 k.pem XTS_AES_128_KEY": true,
		"nixos-rebuild build --flake .#web": false,
		"home-manager build":                false,
		"home-manager news":                 false,
		"fastboot devices":                  false,
		"fastboot getvar all":               false,
		"esptool.py chip_id":                false,
		"esptool.py --port /dev/ttyUSB0 read_flash 0 0x400000 dump.bin": false,
		"espefuse.py --port /dev/ttyUSB0 summary":                       false,
		"wp @staging post list --format=csv":                            false,
	} {
		if got := changes(line); got != want {
			t.Errorf("%s: changes = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestOwnSubVerb checks that an entry listing several subcommands, whose
// own destroy-verbs name the one chosen, destroys (pass rm, keepassxc-cli
// rm), and that its other subcommands do not.
func TestOwnSubVerb(t *testing.T) {
	destroys := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Destroy {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"pass rm prod/old":                           true,
		"gopass rm -f prod/db":                       true,
		"keepassxc-cli rm ~/secrets.kdbx Old/Entry":  true,
		"keepassxc-cli rmdir ~/secrets.kdbx Old":     true,
		"pass ls":                                    false,
		"pass show -c dev/db":                        false,
		"keepassxc-cli ls ~/secrets.kdbx":            false,
		"keepassxc-cli add ~/secrets.kdbx New/Entry": false,
	} {
		if got := destroys(line); got != want {
			t.Errorf("%s: destroys = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

package effect

import "testing"

// TestSystemDestroy checks the catalogue's system-destroying verbs and
// options: firewall flushes, disk encryption headers, RAID superblocks,
// package removals forced past dependencies.
func TestSystemDestroy(t *testing.T) {
	for line, want := range map[string]bool{
		"iptables -F":                       true,
		"ufw disable":                       true,
		"cryptsetup luksErase -q /dev/sda3": true,
		"mdadm --zero-superblock /dev/sdb1": true,
		"dpkg --purge --force-all libc6":    true,
		"iptables -L -n":                    false,
		"ufw status":                        false,
		"cryptsetup status cryptroot":       false,
		"mdadm --detail /dev/md0":           false,
		"apt-get remove -y jq":              false,
		"apt-get purge -y python3*":         true,
		"pacman -Rdd glibc":                 true,
		"rpm -e sudo":                       true,
		"userdel -r dev":                    true,
		"userdel dev":                       false,
		"pacman -R htop":                    false,
		"apt-get install -y python3*":       true, // the machine's packages changed
		"winget install -e --id Git.Git":    true,
		"apt-get update":                    false,
		"apt list --installed":              false,
		"flatpak list --app":                false,
		// into the user's own tree (flatpak --user), not the machine's
		"flatpak install flathub org.gimp.GIMP":           true,
		"flatpak install --system flathub org.gimp.GIMP":  true,
		"flatpak install --user -y flathub org.gimp.GIMP": false,
		"flatpak --user install flathub org.gimp.GIMP":    false,
		// uv's pip told to override the system Python's guard, as pip's
		"uv pip install --break-system-packages psycopg2":       true,
		"uv pip sync --break-system-packages requirements.lock": true,
		"uv pip install --system -r requirements.txt":           false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:system"); got != want {
			t.Errorf("%q: destroy:system = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestRestoreDrops checks that restores which drop what is there first
// destroy, and plain restores do not.
func TestRestoreDrops(t *testing.T) {
	for line, want := range map[string]bool{
		"pg_restore --clean --if-exists -d prod dump.sql": true,
		"mongorestore --drop dump/":                       true,
		"pg_restore -d dev_local dump.sql":                false,
		"mongorestore --uri mongodb://localhost dump/":    false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:remote"); got != want {
			t.Errorf("%q: destroy = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

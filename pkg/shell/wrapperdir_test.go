package shell

import "testing"

// A wrapper that moves its command (env -C DIR, sudo -D DIR) moves the
// files that command names by relative names, for that command only.
func TestWrapperDir(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	unknown := []string{
		"pbpaste > /tmp/s.sh; env -C /tmp bash s.sh",
		"pbpaste > /tmp/s.sh; env --chdir=/tmp bash ./s.sh",
		"pbpaste > /tmp/s.sh; env --chdir /tmp sh s.sh",
		"pbpaste > /tmp/s.sh; env -C/tmp sh s.sh",
		"pbpaste > /tmp/w/s.sh; env -i -C /tmp/w -- bash s.sh",
		"pbpaste > /tmp/w/s.sh; env -iC /tmp/w bash s.sh",
		"pbpaste > sub/s.sh; env -C sub bash s.sh",
		"pbpaste > /tmp/s.sh; sudo -D /tmp bash s.sh",
		"env -C /tmp sh -c 'pbpaste > s.sh'; bash /tmp/s.sh",
		"env -C /tmp tee s.sh < /dev/null; pbpaste > /tmp/s.sh; bash /tmp/s.sh",
	}
	for _, src := range unknown {
		if !runsUnknown(ParseIn(src, at), "s.sh") {
			t.Errorf("ParseIn(%q): running s.sh not seen as unknown code", src)
		}
	}
	known := []string{
		"pbpaste > /tmp/s.sh; env -C /home/dev/project bash s.sh",
		"pbpaste > /tmp/s.sh; env -C /tmp true; bash s.sh",
		"pbpaste > /tmp/s.sh; env -u C /tmp/x bash s.sh",
		"pbpaste > s.sh; env -C /tmp bash s.sh",
		"pbpaste > /tmp/s.sh; env -C $D bash s.sh",
	}
	for _, src := range known {
		if runsUnknown(ParseIn(src, at), "s.sh") {
			t.Errorf("ParseIn(%q): s.sh taken for unknown code", src)
		}
	}
}

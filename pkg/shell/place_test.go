package shell

import (
	"strings"
	"testing"
)

func TestPlaceKey(t *testing.T) {
	project := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	home := Place{Dir: "/home/dev", Home: "/home/dev"}
	cases := []struct {
		at       Place
		key, out string
	}{
		{project, "s.sh", "s.sh"},
		{project, "/home/dev/project/s.sh", "s.sh"},
		{project, "~/project/s.sh", "s.sh"},
		{project, "../project/bin/s.sh", "bin/s.sh"},
		{project, "/home/dev/project", "."},
		{project, "../x.sh", "~/x.sh"},
		{project, "/home/dev/.local/bin/tidy", "~/.local/bin/tidy"},
		{project, "/tmp/s.sh", "/tmp/s.sh"},
		{project, "~", "~"},
		{project, "$X/s.sh", "$X/s.sh"},
		{project, "~dev/project/s.sh", "s.sh"},
		{project, "/proc/self/cwd/s.sh", "s.sh"},
		{project, "//home//dev/./project/s.sh", "s.sh"},
		{project, "~root/s.sh", "/root/s.sh"},
		{home, "s.sh", "~/s.sh"},
		{home, "/home/dev/s.sh", "~/s.sh"},
		{home, "~/.local/bin/tidy", "~/.local/bin/tidy"},
		{Place{Dir: "/", Home: "/root"}, "/etc/x", "etc/x"},
		{Place{}, "/home/dev/project/s.sh", "/home/dev/project/s.sh"},
	}
	for _, c := range cases {
		if got := c.at.key(c.key); got != c.out {
			t.Errorf("%+v.key(%q) = %q, want %q", c.at, c.key, got, c.out)
		}
	}
}

// runsUnknown reports whether a command of r runs name with text
// nobody knows (the walk's Unknown note for it).
func runsUnknown(r Result, name string) bool {
	for _, c := range r.Commands {
		for _, u := range c.Unknown {
			if strings.Contains(u, name) {
				return true
			}
		}
	}
	return false
}

// A file the line writes with unknown text is the same file whatever path
// spells it, once the line's Place is known; and the ways of putting
// unknown text there that only a copy into a directory, a read-write
// redirection or xargs' words reach are seen.
func TestWrittenFileSpellings(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	unknown := []string{
		"pbpaste > /home/dev/project/s.sh; bash s.sh",
		"pbpaste > s.sh; bash /home/dev/project/s.sh",
		"pbpaste > ~/project/s.sh; sh ./s.sh",
		"pbpaste > ../project/s.sh; bash s.sh",
		"echo ls > s.sh; pbpaste > /tmp/s.sh; cp /tmp/s.sh .; bash s.sh",
		"pbpaste > /tmp/s.sh; mv /tmp/s.sh /home/dev/project; bash s.sh",
		"echo ls > s.sh; pbpaste 1<> s.sh; bash s.sh",
		"echo ls > s.sh; pbpaste | xargs -0 printf '%s' > s.sh; bash s.sh",
		"cd sub; pbpaste > s.sh; cd ..; bash sub/s.sh",
		"pbpaste > sub/s.sh; cd sub && bash ./s.sh",
		"pbpaste > s.sh; cd sub; bash ../s.sh",
		"cd /tmp; pbpaste > s.sh; cd; bash /tmp/s.sh",
		"cd; pbpaste > s.sh; cd project; bash ../s.sh",
		"pushd sub; pbpaste > s.sh; popd; bash sub/s.sh",
		"pbpaste > /tmp/s.sh; bash -c 'cd /tmp && bash s.sh'",
		"pbpaste > s.sh; bash -c 'cd sub'; bash s.sh",
		"go() { cd sub; }; go; pbpaste > s.sh; cd ..; bash sub/s.sh",
		"pbpaste > sub/s.sh; pushd sub > /dev/null; bash s.sh",
		"cd -P sub; pbpaste > s.sh; cd ..; bash sub/s.sh",
		"pbpaste > sub/s.sh; cd -- sub && bash s.sh",
		"cd $HOME; pbpaste > s.sh; cd project; bash ../s.sh",
		"pbpaste > /tmp/s.sh; cd /tmp; cd \"${HOME}/project\"; bash /tmp/s.sh",
	}
	for _, src := range unknown {
		if !runsUnknown(ParseIn(src, at), "s.sh") {
			t.Errorf("ParseIn(%q): running s.sh not seen as unknown code", src)
		}
	}
	known := []string{
		"pbpaste > /tmp/s.sh; bash s.sh",
		"pbpaste > /home/dev/other/s.sh; bash s.sh",
		"echo ls > s.sh; pbpaste > /tmp/p; cp /tmp/p .; bash s.sh",
		"echo ls > s.sh; pbpaste < s.sh; bash s.sh",
		"pbpaste > s.sh; cd sub; bash s.sh",
		"(cd sub; pbpaste > s.sh); bash s.sh",
		"pbpaste > s.sh; (cd sub); cd sub | true; bash sub/s.sh",
		"pbpaste > s.sh; bash -c 'cd sub'; bash sub/s.sh",
		"pushd sub; pbpaste > s.sh; popd; bash s.sh",
		"pbpaste > s.sh; pushd sub; bash s.sh",
		"pbpaste > s.sh; cd $HOME; bash s.sh",
		"pbpaste > s.sh; (pushd sub); bash sub/s.sh",
		"pbpaste > /tmp/s.sh; bash -c 'cd /tmp'; bash s.sh",
		"pbpaste > /tmp/s.sh; ssh h 'cd /tmp; bash s.sh'",
	}
	for _, src := range known {
		if runsUnknown(ParseIn(src, at), "s.sh") {
			t.Errorf("ParseIn(%q): s.sh taken for unknown code", src)
		}
	}
	// Without a Place, an absolute spelling is another file.
	if runsUnknown(Parse(unknown[0]), "s.sh") {
		t.Errorf("Parse(%q) matched spellings without knowing the directory", unknown[0])
	}
	// Known text is followed the same way: what runs is what was written.
	r := ParseIn("echo 'rm -rf ~' > /home/dev/project/x.sh; sh x.sh", at)
	found := false
	for _, c := range r.Commands {
		found = found || c.Name == "rm" && c.Depth > 0
	}
	if !found {
		t.Errorf("the text written to /home/dev/project/x.sh was not run as x.sh: %+v", r.Commands)
	}
}

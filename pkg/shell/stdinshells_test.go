package shell

import "testing"

// Programs that start a shell on their standard input, and script paths
// that are standard input, read what the line pipes in as a script.
func TestReadsStdinShells(t *testing.T) {
	cases := []struct {
		words []string
		lang  string
		ok    bool
	}{
		{[]string{"script", "-q", "/dev/null"}, "sh", true},
		{[]string{"script", "-qc", "bash", "/dev/null"}, "sh", true},
		{[]string{"script", "-q", "-c", "bash", "out.log"}, "sh", true},
		{[]string{"script", "--command=zsh", "out.log"}, "sh", true},
		{[]string{"script", "-q", "-c", "make test", "build.log"}, "", false},
		{[]string{"script", "-c", "bash -c ls", "log"}, "", false},
		{[]string{"bash", "/dev/fd/0"}, "sh", true},
		{[]string{"sh", "/proc/self/fd/0"}, "sh", true},
		{[]string{"bash", "./run.sh"}, "", false},
		{[]string{"/dev/stdin"}, "sh", true},
		{[]string{"/dev/fd/0", "--epochs", "3"}, "sh", true},
		{[]string{"/proc/self/fd/0"}, "sh", true},
		{[]string{"-"}, "", false},
		{[]string{"xonsh"}, "sh", true},
		{[]string{"nu"}, "sh", true},
		{[]string{"elvish", "x.elv"}, "", false},
		{[]string{"python3", "/dev/fd/0"}, "python", true},
		{[]string{"source", "/proc/self/fd/0"}, "sh", true},
		{[]string{"bash", "-n"}, "", false},
		{[]string{"sh", "-o", "noexec"}, "", false},
		{[]string{"bash", "-ni"}, "sh", true},
		{[]string{"bash", "-n", "+n"}, "sh", true},
		{[]string{"sh", "-o", "noexec", "+o", "noexec"}, "sh", true},
	}
	for _, c := range cases {
		lang, ok := readsStdin(c.words)
		if ok != c.ok || ok && lang != c.lang {
			t.Errorf("readsStdin(%q) = %q, %v; want %q, %v", c.words, lang, ok, c.lang, c.ok)
		}
	}
}

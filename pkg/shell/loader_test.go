package shell

import (
	"slices"
	"testing"
)

// The dynamic loader run directly is a wrapper: the program it loads is
// reported as a command of its own, past the loader's options.
func TestLoaderIsAWrapper(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string // name and args of the command the loader runs; nil for none
	}{
		{"/lib64/ld-linux-x86-64.so.2 /bin/rm -rf /tmp/x", []string{"rm", "-rf", "/tmp/x"}},
		{"/lib/ld-linux-aarch64.so.1 --library-path /tmp/l --argv0 ls /bin/rm -rf /tmp/x", []string{"rm", "-rf", "/tmp/x"}},
		{"ld.so --preload /tmp/x.so --audit /tmp/a.so /usr/bin/touch /tmp/m", []string{"touch", "/tmp/m"}},
		{"/lib/ld-musl-x86_64.so.1 /bin/busybox rm -rf /tmp/x", []string{"busybox", "rm", "-rf", "/tmp/x"}},
		{"/lib64/ld64.so.2 --library-path=/x /bin/rm /tmp/x", []string{"rm", "/tmp/x"}},
		{"sudo /lib64/ld-linux-x86-64.so.2 /bin/rm -rf /tmp/x", []string{"rm", "-rf", "/tmp/x"}},
		{"/lib64/ld-linux-x86-64.so.2 --list /bin/rm", nil},
		{"/lib64/ld-linux-x86-64.so.2 --verify /bin/rm", nil},
	} {
		r := Parse(tc.line)
		var names []string
		var got []string
		for _, c := range r.Commands {
			names = append(names, c.Name)
			if len(c.Via) > 0 && isLoader(c.Via[len(c.Via)-1]) {
				got = append([]string{c.Name}, c.Args...)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Parse(%q): the loaded program is %q, want %q (commands %q)", tc.line, got, tc.want, names)
		}
	}
	if plain("ld-linux-x86-64.so.2") {
		t.Error("the loader takes the fast path as a plain program")
	}
}

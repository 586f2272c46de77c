package effect

import "testing"

func TestSocatParam(t *testing.T) {
	for in, want := range map[string]string{
		`/srv/data.bin`:          "/srv/data.bin",
		`"/srv/data.bin"`:        "/srv/data.bin",
		`'/srv/data.bin',rdonly`: "/srv/data.bin",
		`"my file",creat`:        "my file",
		`"a,b",append`:           "a,b",
		`my\ file`:               "my file",
		`notes.txt,ignoreeof`:    "notes.txt",
		`"unterminated`:          "unterminated",
		`x"y"z`:                  "xyz",
	} {
		if got := socatParam(in); got != want {
			t.Errorf("socatParam(%q) = %q, want %q", in, got, want)
		}
	}
}

package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestCompilerOutputNames checks the file a compiler's -o names, through a
// launcher, a versioned or cross compiler's name, and zig; and that
// programs that are no compiler (sort -o, grep -o, a name with a dash)
// name none.
func TestCompilerOutputNames(t *testing.T) {
	for line, want := range map[string]string{
		"gcc -o app main.c":                     "app",
		"gcc -oapp main.c":                      "app",
		"gcc -o a.o -o app main.c":              "app",
		"clang --output=app main.c":             "app",
		"gcc-12 -o app main.c":                  "app",
		"x86_64-linux-gnu-gcc -o app main.c":    "app",
		"musl-gcc -o app main.c":                "app",
		"ccache gcc -o app main.c":              "app",
		"distcc cc -o app main.c":               "app",
		"zig cc -o app main.c":                  "app",
		"zig build-exe -femit-bin=app main.zig": "app",
		"rustc -o app main.rs":                  "app",
		"ccache":                                "",
		"sort -o out.txt in.txt":                "",
		"grep -o x f":                           "",
		"my-tool -o out":                        "",
		"tool-12 -o out":                        "",
		"gccx -o out":                           "",
	} {
		res := shell.Parse(line)
		if len(res.Commands) == 0 {
			t.Fatalf("Parse(%q): no command", line)
		}
		if got := compilerOutput(&res.Commands[0]); got != want {
			t.Errorf("compilerOutput(%q) = %q, want %q", line, got, want)
		}
	}
}

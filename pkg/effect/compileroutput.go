package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a C compiler, an assembler, a linker or rustc builds lands where
// -o names (-o FILE, -oFILE, --output=FILE): a Write of that file, judged
// as any other write is, so a library or program built over Rampart's own
// (gcc -shared -o ~/.rampart/lib/librampart.so, rustc -o
// ~/.local/bin/rampart-hook) is the replacement of the guard it is. The
// compilers are not in the program catalogue, whose unknown-program reading
// of their operands the download checks rely on; only -o is read here.

// compilerPrograms are the compilers, assemblers and linkers whose -o
// names the file they write.
var compilerPrograms = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"gcc", "cc", "c++", "g++", "clang", "clang++", "tcc", "icx", "icpx", "icc", "emcc", "musl-gcc",
		"ld", "ld.lld", "ld.gold", "ld.bfd", "lld", "as", "nasm", "yasm", "rustc", "gfortran", "nvcc"} {
		m[n] = true
	}
	return m
}}

// compilerOutput returns the file command c's -o names when c is a
// compiler, an assembler or a linker (a versioned or cross one too:
// gcc-12, x86_64-linux-gnu-gcc), or "".
func compilerOutput(c *shell.Command) string {
	name := c.Name
	if !compilerPrograms.Get(name) {
		base := name
		if k := strings.LastIndexByte(base, '-'); k > 0 && strings.Trim(base[k+1:], "0123456789.") == "" {
			base = base[:k] // gcc-12
		}
		if k := strings.LastIndexByte(base, '-'); k > 0 {
			base = base[k+1:] // x86_64-linux-gnu-gcc
		}
		if !compilerPrograms.Get(base) {
			return ""
		}
	}
	for k, w := range c.Args {
		switch {
		case w == "-o" && k+1 < len(c.Args):
			return c.Args[k+1]
		case strings.HasPrefix(w, "--output="):
			return w[len("--output="):]
		case strings.HasPrefix(w, "-o") && len(w) > 2:
			return w[2:]
		}
	}
	return ""
}

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
var compilerPrograms = table.Map[string, bool]{Words: `gcc cc c++ g++ clang clang++ tcc icx icpx icc emcc musl-gcc ld ld.lld ld.gold ld.bfd lld as nasm
	yasm rustc gfortran nvcc swiftc ghc gccgo strip`}

// compilerOutput returns the file command c's -o names when c is a
// compiler, an assembler or a linker (a versioned or cross one too:
// gcc-12, x86_64-linux-gnu-gcc), or "".
func compilerOutput(c *shell.Command) string {
	name, args := c.Name, c.Args
	if compilerLauncher(name) && len(args) > 0 {
		// ccache gcc -o F, zig cc -o F: the compiler is the first word
		name, args = args[0], args[1:]
		if c.Name == "zig" {
			if name == "cc" || name == "c++" {
				name = "cc"
			} else {
				return zigOutput(args)
			}
		}
	}
	if !compilerPrograms.Get(name) {
		base := name
		if k := strings.LastIndexByte(base, '-'); k > 0 && strings.Trim(base[k+1:], "0123456789.") == "" {
			base = base[:k] // gcc-12
		}
		if k := strings.LastIndexByte(base, '-'); k > 0 {
			base = base[k+1:] // x86_64-linux-gnu-gcc
		}
		if base == name || !compilerPrograms.Get(base) {
			return "" // (a name with no '-' was looked up already)
		}
	}
	out := "" // the last -o is the one that counts (gcc -o a.o -o F)
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case (w == "-o" || w == "--output") && k+1 < len(args):
			out, k = args[k+1], k+1
		case strings.HasPrefix(w, "--output="):
			out = w[len("--output="):]
		case strings.HasPrefix(w, "-o") && len(w) > 2:
			out = w[2:]
		}
	}
	return out
}

// compilerLaunchers run the compiler named by their first word (ccache
// gcc, distcc cc), or are a toolchain whose first word is a compiler
// mode (zig cc, zig build-exe). A switch, not a map: every command's
// name is asked.
func compilerLauncher(name string) bool {
	switch name {
	case "ccache", "sccache", "distcc", "icecc", "zig":
		return true
	}
	return false
}

// zigOutput returns the file zig build-exe, build-lib or build-obj emits
// (-femit-bin=F), or "".
func zigOutput(args []string) string {
	out := ""
	for _, w := range args {
		if v, ok := strings.CutPrefix(w, "-femit-bin="); ok {
			out = v
		}
	}
	return out
}

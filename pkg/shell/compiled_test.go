package shell

import (
	"strings"
	"testing"
)

// TestCompiledSources checks that source the line writes in a compiled
// language and then builds and runs is judged by its text, and that a
// build of sources the line did not write is not.
func TestCompiledSources(t *testing.T) {
	for _, src := range []string{
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc x.c -o x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && gcc -ox x.c && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && clang x.c && ./a.out",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && tcc -run x.c",
		"printf 'func main(){ exec.Command(\"rm\", \"-rf\", \"/x\").Run() }' > m.go && go run m.go",
		"printf 'func main(){ exec.Command(\"rm\", \"-rf\", \"/x\").Run() }' > m.go && go build m.go && ./m",
		"printf 'fn main(){ Command::new(\"sh\").arg(\"-c\").arg(\"rm -rf /x\"); }' > m.rs && rustc m.rs && ./m",
		"printf 'int main(){return system(\"rm -rf /x\");}' | cc -x c - -o y && ./y",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc x.c -o x && cp x z && ./z",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc -c x.c -o x.o && cc x.o -o x && ./x",
		"printf 'func main(){ exec.Command(\"rm\", \"-rf\", \"/x\").Run() }' > /tmp/p/main.go && cd /tmp/p && go run .",
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > m.rs && rustc -o m m.rs && ./m",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && gcc-12 x.c -o x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && clang-17.0 x.c -o x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && aarch64-linux-gnu-g++ x.c -o x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && musl-gcc x.c && ./a.out",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && zig cc x.c -o x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && zig c++ -o x x.c && ./x",
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > src/main.rs && cargo run",
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > /tmp/c/src/main.rs && cd /tmp/c && cargo run --release",
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > src/bin/t.rs && cargo run --bin t",
		// make's built-in rule builds x from x.c; $PWD/x is ./x
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && make x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && make -s CC=clang x && ./x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > sub/x.c && make -C sub x && sub/x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc -o x x.c && $PWD/x",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc -o x x.c && \"${PWD}\"/x",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm" && strings.Contains(strings.Join(c.Args, " "), "/x")
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant the source's rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	for _, src := range []string{
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && cc x.c -o x && ./y",
		"gcc -o app main.c && ./app",
		"go build -o bin/api ./cmd/api && ./bin/api",
		"printf 'int main(){return system(\"rm -rf /x\");}' > x.c && my-go x.c && ./x",
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > src/main.rs && cargo check",
		"cargo run --bin migrate",
	} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" {
				t.Errorf("Parse(%q): %s", src, describe(c))
			}
		}
	}
}

// TestCompilerNameFound checks compilerName's ok: a name it finds no
// compiler for comes back as it was, and shapeOf has no shape for it (so
// compiledCode may stop there).
func TestCompilerNameFound(t *testing.T) {
	for _, line := range []string{
		"gcc x.c", "gcc-12 x.c", "clang-17 x.c", "g++-13 x.cc", "x86_64-linux-gnu-gcc x.c", "musl-gcc x.c",
		"zig cc x.c", "zig c++ x.cc", "zig build", "go run x.go", "javac X.java", "java X", "rustc x.rs",
		"grep x", "cat f", "foo-bar x", "foo-12 x", "gcc- x", "-gcc x", "cc", "sort -", "",
	} {
		words := strings.Fields(line)
		name := ""
		if len(words) > 0 {
			name = words[0]
		}
		got, gotWords, ok := compilerName(name, words)
		_, _, shaped := shapeOf(got, gotWords)
		if !ok && (got != name || len(gotWords) != len(words) || shaped) {
			t.Errorf("compilerName(%q) = %q, %q, false; shapeOf finds a shape: %v", line, got, gotWords, shaped)
		}
	}
}

// TestCompilerNamesListed checks that compilerNames lists exactly the
// programs of the source languages' shapes, and that the table finds no
// compiler for a name mayBeCompiler rules out.
func TestCompilerNamesListed(t *testing.T) {
	shapes := sourceIdx.Get().shapes
	for prog := range shapes {
		if !compilerNames.Get(prog) {
			t.Errorf("compilerNames does not list %q", prog)
		}
	}
	for _, prog := range strings.Fields(compilerNames.Words) {
		if _, ok := shapes[prog]; !ok {
			t.Errorf("compilerNames lists %q, a program of no shape", prog)
		}
	}
	for _, name := range []string{"rm", "git", "gcc-12", "x86_64-linux-gnu-gcc", "musl-gcc", "clang-17", "zig", "go", "ls-1", "a-b-c", "-", "cc-", "", "swift-sh", "swift-5.9", "arm-none-eabi-g++"} {
		_, _, ok := compilerNameIn(shapes, name, []string{name, "cc"})
		if ok && !mayBeCompiler(name) {
			t.Errorf("compilerName finds a compiler for %q, which mayBeCompiler rules out", name)
		}
	}
}

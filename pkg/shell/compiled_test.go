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
		"printf 'fn main(){ Command::new(\"rm\").args(&[\"-rf\", \"/x\"]).status(); }' > m.rs && rustc -o m m.rs && ./m",
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
	} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" {
				t.Errorf("Parse(%q): %s", src, describe(c))
			}
		}
	}
}

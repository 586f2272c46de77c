package shell

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// execLines are the command lines of every exec row of the engine's
// tables and of the peers' suites beside the project, when present.
func execLines(t testing.TB) []string {
	files, err := filepath.Glob("../engine/testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tables: %v", err)
	}
	var lines []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for row := range strings.SplitSeq(string(data), "\n") {
			f := strings.SplitN(row, "\t", 4)
			if len(f) == 4 && f[2] == "exec" {
				lines = append(lines, f[3])
			}
		}
	}
	peers, _ := filepath.Glob("../../../shared/benchmarks/peers/*.jsonl")
	for _, name := range peers {
		fh, err := os.Open(name)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var row struct {
				Tool  string
				Input struct{ Command string }
			}
			if json.Unmarshal(sc.Bytes(), &row) == nil && row.Tool == "exec" && row.Input.Command != "" {
				lines = append(lines, row.Input.Command)
			}
		}
		fh.Close()
	}
	return lines
}

// lightLines are lines in and just outside the light parser's subset.
var lightLines = []string{
	"cat $(ls src/*.go | head -1) | grep -v test | sed 's/a/b/g' | awk '{print $1}' | sort | uniq -c | sort -rn | head -20 | tee /tmp/out.txt | wc -l | xargs echo | tr a-z A-Z | cut -d' ' -f1 | grep -E '^[0-9]+' | sed -n '1,5p' | echo $(date +%s) | cat - | rev | fold -w 80 | tail -n 3",
	"a x | b 'y' && c -d' ' \"\" || e $(f g;h) ; k",
	"go test ./... 2>&1 | tail -5", "make >/dev/null 2>/dev/null", "ls &>/tmp/x", "ls &>> x", "cat < in > out",
	"echo hi>f", "echo {fd}>f", "ls 12>x", "ls 2> x", "ls >| x", "ls <> x", "ls >& 2", "ls 2<&-",
	"git commit -m \"fix the thing\"", "echo \"\"", "echo ''", "echo a\"b\"'c'd", "echo \"a$b\"",
	"bash -c 'rm -rf /'", "sh -c \"ls -la\"", "sudo $(which rm) -rf /", "echo $(echo $(echo rm))",
	"ls;", "ls ;ls", "ls;;", "ls &", "a && b || c | d", "a | b | c && d", "$(echo rm) -rf /",
	"x=1 ls", "if true", "{ ls; }", "(ls)", "ls $HOME", "ls `pwd`", "ls \\x", "ls # c", "ls\nls",
	"ls *.go ?.c [ab] {a,b} ~ ~/x", "ls @(a)", "ls !(a)", "f() { ls; }", "echo $((1+2))", "cat <(ls)",
	"ls | ", "&& ls", "ls |& cat", "time ls", "export A=b", "[[ -f x ]]", "[ -f x ]", "echo ]]",
	"echo $HOME ${HOME} \"$HOME/x\" \"a $X b\" \"$(pwd)\" $a:x $a{b} $_x1", "echo ${a:-b}", "echo ${#a}", "echo $1 \"$@\"",
	"echo $a[1] \"$a[1]\"", "cd $DIR && rm -rf $DIR/build", "$CC -o x x.c", "echo \"${HOME}\"x", "echo \"$(echo \"$(ls)\")\"",
	"A=1 ls", "A=1", "A=1 B=2", "A= ls", "A+=x ls", "A=b=c ls", "a.b=c ls", "1a=b ls", "A=1 if", "A=1 >f ls", "A=\"x\" ls",
	"A=$HOME ls", "A=*.go ls", "A=1;ls", "A=1&& ls", "LD_PRELOAD=x.so make", "A=1 export B=2", "A=x( ls", "A=1&>f ls",
	"find . -exec rm {} \\;", "echo \\$HOME \\ x \\'a \\\"b", "ls\\", "\\rm -rf /", "r\\m x", "echo a\\(b", "i\\f true", "A=\\x ls", "echo \\|x",
	"echo }", "echo $( ls )", "echo $(ls;)", "echo $()", "echo $(ls", "echo 'a", "echo \"a",
	// quoting, escapes and comments against words
	"r''m -rf ~", "\"rm\" -rf ~", "r\\m -rf ~", "echo a#b", "echo a #b", "ls;#x", "echo \\#", "echo '#'", "echo \"#\"",
	"echo \\ ", "echo a\\", "echo \\\\", "echo \\'", "echo \\\"a", "echo \"a\\\"b\"", "echo 'a\\'", "echo \"a\\$b\"",
	// operators, redirections and descriptors against words
	"ls&&ls", "ls||ls", "ls|ls", "ls&ls", "ls&", "ls &>f&&ls", "ls 2>&1|cat", "ls>f", "ls 2>f 1>&2", "ls 0<f", "ls 01>f",
	"ls 99999999999>f", "ls 2&>f", "ls &> f", "ls >&f", "ls >& f", "ls 2>&-", "ls <&3", "ls 3<&-", "ls >|f", "ls > >(x)",
	"ls >$(pwd)/x", "ls > \"$HOME\"/x", "ls 1>&2 2>&1", "ls |& cat", "ls;;x", "ls; &", "; ls", "ls &&", "ls | | x",
	// assignments, reserved words and blocks
	"A=~ ls", "A=~/x ls", "A=a:~/b ls", "A=1{ ls", "A[1]=x ls", "A=(1 2)", "A=1 B=2 C=3 ls", "A=1\\ 2 ls", "A=\"$B\" ls",
	"then ls", "ls; then", "do ls", "esac", "! ls", "ls !x", "{ls", "ls {", "ls }", "{ ls;}", "if", "in", "coproc ls",
	"declare -x A=1", "local a", "readonly a", "typeset a", "let a=1", "function f", "select x", "until ls",
	// parameters, substitutions, arithmetic, globs, tilde
	"echo $_", "echo ${_}", "echo $a-b", "echo ${a}b", "echo $aé", "echo \"$a\"b", "echo $(ls)x", "echo $(a)$(b)",
	"echo $(echo ')')", "echo \"$(\"", "echo \"$\"", "echo \"a$\"", "echo $", "echo ${1}", "echo $((1))", "echo $( (ls) )",
	"echo $((ls) )", "ls ~+ ~- ~+/x ~root ~root/x", "ls *(a) ?(a) +(a)", "ls [a]", "ls a[b]c", "ls {a,b}{c,d}", "ls %1 ^a^b",
	// unicode, NUL, CR, line continuations, heredoc markers
	"echo é", "echo 'é'", "echo \"é\"", "echo '\xff'", "echo \"\xff\"", "ls\x00", "echo 'a\x00b'", "ls\r", "echo 'a\rb'",
	"ls \\\n-la", "ls\\\n", "cat <<EOF", "cat <<'EOF'", "cat << EOF", "cat <<-EOF", "cat <<<x", "ls\t-la\t", "\tls",
}

// TestLightParseMatchesParser holds the light parser's tree against the
// shell parser's on every exec line of the tables and the peers' suites
// it takes, and the whole walk's Result with and without it on every
// line (strings a line runs, bash -c '…', go through both too).
func TestLightParseMatchesParser(t *testing.T) {
	lines := append(execLines(t), lightLines...)
	light := 0
	for _, src := range lines {
		if checkLight(t, src) {
			light++
		}
	}
	t.Logf("%d lines compared, %d taken by the light parser", len(lines), light)
}

// checkLight compares the light parser with the shell parser on src, and
// the walk's Result with and without it; it reports whether the light
// parser took src.
func checkLight(t *testing.T, src string) bool {
	t.Helper()
	f, ok := lightParse(src)
	if ok {
		want, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "")
		if err != nil {
			t.Fatalf("lightParse takes %q, which the parser rejects: %v", src, err)
		}
		if !reflect.DeepEqual(f, want) {
			var got, exp strings.Builder
			syntax.DebugPrint(&got, f)
			syntax.DebugPrint(&exp, want)
			t.Fatalf("lightParse(%q) differs from the parser:\nlight:\n%s\nparser:\n%s", src, got.String(), exp.String())
		}
	}
	if got, want := walkLine(src, true, Place{}), walkLine(src, false, Place{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("the walk differs with the light parser on %q:\nlight:  %+v\nparser: %+v", src, got, want)
	}
	return ok
}

// FuzzLightParse checks on random lines that whatever the light parser
// takes, the shell parser reads to the same tree, and that the walk's
// Result is the same with and without it.
func FuzzLightParse(f *testing.F) {
	for _, s := range lightLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkLight(t, src)
	})
}

// TestLeadWordLength checks that no lead word is longer than the light
// parser looks up.
func TestLeadWordLength(t *testing.T) {
	for w := range leadWords.All() {
		if len(w) > maxLeadWord {
			t.Errorf("lead word %q is longer than maxLeadWord (%d)", w, maxLeadWord)
		}
	}
}

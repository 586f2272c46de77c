package shell

import (
	"path"
	"strings"
	"testing"
)

// TestUnversioned holds unversioned to strings.TrimRight with the cutset
// it stands in for.
func TestUnversioned(t *testing.T) {
	for _, name := range []string{"", "python", "python3", "python3.12", "perl5.36.0", "3.12", "...", "node18", "lua5.4", "gawk", "a1b2", "x.", "é9"} {
		if got, want := unversioned(name), strings.TrimRight(name, "0123456789."); got != want {
			t.Errorf("unversioned(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestInterpreterLang checks the language a #! line's or a runner's
// program name runs a file in.
func TestInterpreterLang(t *testing.T) {
	for name, want := range map[string]string{
		"bash": "shell", "ash": "shell", "mksh": "shell", "fish": "shell", "bash5.2": "shell",
		"python3.12": "python", "pypy3": "python", "python2": "python",
		"node18": "node", "nodejs": "node", "bun": "node", "deno": "node", "tsx": "node",
		"ruby3.2": "ruby", "perl5.36": "perl", "php8.2": "php", "Rscript": "r",
		"make": "", "env": "", "busybox": "",
	} {
		if got := InterpreterLang(name); got != want {
			t.Errorf("InterpreterLang(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestUnversionedQuickExit holds unversioned to its steps taken one by
// one (without the quick exit for names no step changes), over every name
// of up to four bytes from the bytes the steps look at.
func TestUnversionedQuickExit(t *testing.T) {
	steps := func(name string) string {
		for _, mark := range [...]string{"-dbg", "-debug", "_d"} {
			if b, ok := strings.CutSuffix(name, mark); ok && b != "" && isDigit(b[len(b)-1]) {
				name = b
				break
			}
		}
		if n := len(name); n >= 2 && strings.IndexByte("tmdu", name[n-1]) >= 0 && isDigit(name[n-2]) {
			name = name[:n-1]
		}
		return strings.TrimRight(name, "0123456789.")
	}
	const alphabet = "3.tmdugb-_ex"
	var names []string
	var grow func(prefix string)
	grow = func(prefix string) {
		names = append(names, prefix, "python"+prefix)
		if len(prefix) < 4 {
			for k := 0; k < len(alphabet); k++ {
				grow(prefix + alphabet[k:k+1])
			}
		}
	}
	grow("")
	names = append(names, "python3.12-dbg", "python3.12-debug", "python3.7m", "python3.13t", "python3_d", "sort", "go", "g")
	for _, name := range names {
		if got, want := unversioned(name), steps(name); got != want {
			t.Fatalf("unversioned(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestProgName holds progName's own base name to path.Base's.
func TestProgName(t *testing.T) {
	for _, p := range []string{"rm", "/bin/rm", "./x.sh", "a/b/", "/", "//", "a//", "/usr//bin/SUDO", "RM", "../", ".", "x/.", "é/Ü", "é/Ab", "A/b", "A/", "a/B/", "/A//"} {
		want := path.Base(p) // lower-cased when it holds an ASCII capital
		if strings.IndexFunc(want, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0 {
			want = strings.ToLower(want)
		}
		if got := progName(p); got != want {
			t.Errorf("progName(%q) = %q, want %q", p, got, want)
		}
	}
	// Windows paths, as cmd.exe and PowerShell are handed them
	for p, want := range map[string]string{
		`C:\Windows\System32\cmd.exe`:   "cmd",
		`%SystemRoot%\System32\CMD.EXE`: "cmd",
		`\\host\share\tool.exe`:         "tool",
		`a\b`:                           `a\b`, // a POSIX name with a backslash in it
	} {
		if got := progName(p); got != want {
			t.Errorf("progName(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestSageIsPython: sage -c CODE runs SageMath's Python, scanned as
// python -c is.
func TestSageIsPython(t *testing.T) {
	if got := scriptLang("sage"); got != "python" {
		t.Errorf("scriptLang(sage) = %q, want python", got)
	}
	res := Parse(`sage -c "import os; os.system('rm -rf /home/dev')"`)
	found := false
	for _, c := range res.Commands {
		found = found || c.Name == "rm"
	}
	if !found {
		t.Errorf("sage -c: the shell command it runs is not seen: %+v", res.Commands)
	}
}

// TestEditorExFunctions checks Vim script's and Neovim Lua's functions
// given as an editor's ex commands: delete() of the home read as its
// removal, system() as the command it runs, a delete of a build tree as
// that tree's.
func TestEditorExFunctions(t *testing.T) {
	for src, want := range map[string]string{
		`vim -Es +'call delete(expand("~"), "rf")' +q`:                "rm -r -f ~",
		`nvim --headless +'lua vim.fn.delete(vim.env.HOME, "rf")' +q`: "rm -r -f ~",
		`vim -Es +'call system("rm -rf /x")' +q`:                      "rm -rf /x",
		`vim -Es +'call delete("build", "rf")' +q`:                    "rm -r -f build",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || strings.HasPrefix(c.Name+" "+strings.Join(c.Args, " "), want)
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant %s", src, strings.Join(describeAll(Parse(src)), "\n\t"), want)
		}
	}
}

// TestRubyRequiresJoinCode: a library ruby -r loads is part of the code
// of its -e one-liner, and gives no code to a script run with it.
func TestRubyRequiresJoinCode(t *testing.T) {
	_, code, ok := interpCode([]string{"ruby", "-ropen-uri", "-e", "URI(u).read"})
	if !ok || code != "require 'open-uri'\nURI(u).read" {
		t.Errorf("ruby -ropen-uri -e: code %q, %v", code, ok)
	}
	_, code, ok = interpCode([]string{"ruby", "-r", "net/http", "-e", "p 1"})
	if !ok || code != "require 'net/http'\np 1" {
		t.Errorf("ruby -r net/http -e: code %q, %v", code, ok)
	}
	if _, code, ok := interpCode([]string{"ruby", "-rfileutils", "x.rb"}); ok {
		t.Errorf("ruby -rfileutils x.rb: code %q, want none", code)
	}
}

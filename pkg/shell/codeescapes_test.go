package shell

import (
	"slices"
	"strings"
	"testing"
)

// TestCodeEscape checks each language's numeric and letter escapes.
func TestCodeEscape(t *testing.T) {
	for _, c := range []struct {
		lang, code, want string
		ok               bool
	}{
		{"python", `x2f`, "/", true},
		{"python", `057`, "/", true},
		{"python", `u002f`, "/", true},
		{"python", `U0000002f`, "/", true},
		{"python", `0`, "\x00", true},
		{"node", `u{2f}`, "/", true},
		{"node", `x2F`, "/", true},
		{"ruby", `u{2f}`, "/", true},
		{"ruby", `e`, "\x1b", true},
		{"perl", `x{2f}`, "/", true},
		{"perl", `u002f`, "", false}, // perl's \u upper-cases the next letter
		{"lua", `47`, "/", true},
		{"lua", `u{2F}`, "/", true},
		{"python", `N{SOLIDUS}`, "/", true},
		{"python", `N{tilde}`, "~", true},
		{"python", `N{LATIN SMALL LETTER R}`, "r", true},
		{"python", `N{DIGIT SEVEN}`, "7", true},
		{"python", `N{SNOWMAN}`, "", false}, // a name not in the table
		{"perl", `N{U+2F}`, "/", true},
		{"perl", `o{57}`, "/", true},
		{"node", `o{57}`, "", false},
		{"ruby", `u{2f 68 6f}`, "/ho", true},
		{"node", `u{2f 68}`, "", false},
		{"lua", "z \n  ", "", true},
		{"python", `xZZ`, "", false},
		{"python", `u00`, "", false},
		{"node", `u{110000}`, "", false},
		{"python", `"`, "", false},
		{"python", `\`, "", false},
	} {
		got, _, ok := codeEscape(c.lang, c.code, 0)
		if ok != c.ok || got != c.want {
			t.Errorf("codeEscape(%s, %q) = %q, %v; want %q, %v", c.lang, c.code, got, ok, c.want, c.ok)
		}
	}
}

// TestCodeSpelledCommands checks that commands a one-liner spells with
// escapes, Ruby's << append, a Lua sequence, Vim script's luaeval() and
// py3eval(), and IPython's shell lines are read as the commands they run.
func TestCodeSpelledCommands(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string // a command the line must hold: its program and arguments
	}{
		{`python3 -c "import os; os.system('touch \x2ftmp\x2fm')"`, []string{"touch", "/tmp/m"}},
		{`python3 -c "import os; os.system('touch \057tmp\057m')"`, []string{"touch", "/tmp/m"}},
		{`node -e "require('child_process').execSync('touch \u{2f}tmp\u002fm')"`, []string{"touch", "/tmp/m"}},
		{`ruby -e 'system("touch \x2ftmp/m")'`, []string{"touch", "/tmp/m"}},
		{`ruby -e 'system("touch " << "/tmp/m")'`, []string{"touch", "/tmp/m"}},
		{`lua -e 'os.execute("touch \47tmp\47m")'`, []string{"touch", "/tmp/m"}},
		{`lua -e "os.execute('touch \47tmp\47m')"`, []string{"touch", "/tmp/m"}}, // Lua's single quotes read escapes
		{`python3 -c "import os; os.system('touch \N{SOLIDUS}tmp\N{SOLIDUS}m')"`, []string{"touch", "/tmp/m"}},
		{`perl -e 'system "touch \o{57}tmp\N{U+2F}m"'`, []string{"touch", "/tmp/m"}},
		{`ruby -e 'system "touch \u{2f 74 6d 70 2f}m"'`, []string{"touch", "/tmp/m"}},
		{`ruby -e "system 'touch \x2ftmp'"`, []string{"touch", "x2ftmp"}}, // Ruby's single quotes keep them
		{`nvim --headless -c 'lua vim.system({"touch", "/tmp/m"})' -c q`, []string{"touch", "/tmp/m"}},
		{`nvim --headless -c 'lua vim.uv.spawn("touch", {args = {"/tmp/m"}, stdio = {nil, nil, nil}})' -c q`, []string{"touch", "/tmp/m"}},
		{`nvim --headless -c 'lua vim.loop.spawn("sh", {cwd = "/", args = {"-c", "touch /tmp/m"}})' -c q`, []string{"touch", "/tmp/m"}},
		{`vim -c 'call luaeval("os.execute(\"touch /tmp/m\")")' -c q`, []string{"touch", "/tmp/m"}},
		{`vim -c 'call py3eval("__import__(\"os\").system(\"touch /tmp/m\")")' -c q`, []string{"touch", "/tmp/m"}},
		{`ipython -c "!touch /tmp/m"`, []string{"touch", "/tmp/m"}},
		{`ipython -c "x = 1; y = !touch /tmp/m"`, nil}, // one line: no assignment leads it
		{"ipython -c 'files = !touch /tmp/m'", []string{"touch", "/tmp/m"}},
		{"ipython -c '%system touch /tmp/m'", []string{"touch", "/tmp/m"}},
		{"ipython -c 'if 1 != 2: print(1)'", nil},
		{`ipython -c "out, err = !touch /tmp/m"`, []string{"touch", "/tmp/m"}},
		{`ipython -c "self.x = !touch /tmp/m"`, []string{"touch", "/tmp/m"}},
		{`ipython -c "%sc -l x=touch /tmp/m"`, []string{"touch", "/tmp/m"}},
		{"ipython -c '%%script --bg /bin/bash\ntouch /tmp/m'", []string{"touch", "/tmp/m"}},
		{"ipython -c '%system\ttouch /tmp/m'", []string{"touch", "/tmp/m"}},
		{`ipython -c "sx touch /tmp/m"`, []string{"touch", "/tmp/m"}},
		{`ipython -c "get_ipython().run_line_magic('system', 'touch /tmp/m')"`, []string{"touch", "/tmp/m"}},
		{`ipython -c "get_ipython().run_cell_magic('bash', '', 'touch /tmp/m')"`, []string{"touch", "/tmp/m"}},
		{"ipython -c '%alias t touch /tmp/m\nt'", []string{"touch", "/tmp/m"}},
		{"ipython -c '!touch \\\n /tmp/m'", []string{"touch", "/tmp/m"}},
		{"ipython -c '%%perl\nsystem(\"touch /tmp/m\")'", []string{"touch", "/tmp/m"}},
		{"ipython -c 'sx = 1\nprint(sx)\nsystem(2)'", nil},
		{"ipython -c '%%capture\nprint(1)'", nil},
	} {
		r := Parse(c.line)
		found := false
		for _, cmd := range r.Commands {
			if len(c.want) > 0 && cmd.Name == c.want[0] && slices.Equal(cmd.Args, c.want[1:]) {
				found = true
			}
			if c.want == nil && cmd.Name == "touch" {
				t.Errorf("Parse(%q): unexpected command %s %s", c.line, cmd.Name, strings.Join(cmd.Args, " "))
			}
		}
		if c.want != nil && !found {
			t.Errorf("Parse(%q): no command %q", c.line, c.want)
		}
	}
}

// TestIPythonShell checks IPython's shell lines and cells.
func TestIPythonShell(t *testing.T) {
	for code, want := range map[string]string{
		"!ls\nx = 1\n!!pwd":                      "ls\npwd\n",
		"out = !git status":                      "git status\n",
		"%sx whoami":                             "whoami\n",
		"%%bash\nmake test\nmake lint":           "make test\nmake lint",
		"%%script sh --no-raise\necho hi":        "echo hi",
		"import os\nif a != b:\n    print('%s')": "",
		"print('hi!')":                           "",
		// an aliased magic, a wrapped %%script, %%writefile, keywords
		"%alias_magic nuke system\n%nuke make clean":                     "make clean\n",
		"%alias_magic -c cell bash\n%%cell\nmake":                        "make",
		"%%script --bg env sh\nmake":                                     "env sh <<'__IPYTHON_CELL__'\nmake\n__IPYTHON_CELL__\n",
		"%%writefile -a notes.md\nok":                                    "cat >> notes.md <<'__IPYTHON_CELL__'\nok\n__IPYTHON_CELL__\n",
		"get_ipython().run_line_magic(magic_name='system', line='make')": "make\n",
		"get_ipython().run_line_magic(line='make', magic_name='system')": "make\n",
		"get_ipython().system_piped('make')":                             "make\n",
	} {
		if got := IPythonShell(code); got != want {
			t.Errorf("IPythonShell(%q) = %q, want %q", code, got, want)
		}
	}
}

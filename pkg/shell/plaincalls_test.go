package shell

import (
	"strings"
	"testing"
)

func TestPlainProcessCalls(t *testing.T) {
	for _, c := range []struct {
		code  string
		lines []string
		rest  string // a substring rest must hold ("" for none)
	}{
		{`System.cmd("git", ["status"])`, []string{"git status"}, "nil"},
		{`{out, 0} = System.cmd("git", ["rev-parse", "HEAD"]); IO.puts(out)`, []string{"git rev-parse HEAD"}, "IO.puts(out)"},
		{`System.cmd("mix", ["test"], into: IO.stream())`, []string{"mix test"}, ""},
		{`io:format("~s", [os:cmd("ls -la")]), halt().`, []string{"ls -la"}, "halt()"},
		{`ignore (Sys.command "make test")`, []string{"make test"}, "ignore"},
		{`System.Process.readProcess "git" ["rev-parse", "HEAD"] "" >>= putStr`, []string{"git rev-parse HEAD"}, ">>= putStr"},
		{`run "ls", "-la"`, []string{"ls -la"}, ""},
		{`(clojure.java.shell/sh "git" "status")`, []string{"git status"}, ""},
		{`"git status".execute().text`, []string{"git status"}, ".text"},
		{`puts ` + "`date`", []string{"date"}, "puts"},
		{`d = "_build"; System.cmd("rm", ["-rf", d])`, []string{"rm -rf _build"}, ""},
		{`System.cmd("rm", ~w(-rf /home/dev))`, []string{"rm -rf /home/dev"}, ""},
		{`(babashka.process/shell "rm -rf" (System/getenv "HOME"))`, []string{"rm -rf ~"}, ""},
		// not plain: a variable, input, a concatenation, an interpolation
		{`System.cmd(cmd, [])`, nil, "System.cmd(cmd"},
		{`System.shell(IO.gets(""))`, nil, "IO.gets"},
		{`Sys.command ("rm -rf " ^ d)`, nil, "Sys.command"},
		{`callCommand "rm -rf " ++ dir`, nil, "callCommand"},
		{`System.shell("rm -rf #{d}")`, nil, "System.shell"},
		{`System.cmd("rm", ["-rf", "."], cd: System.get_env("TARGET"))`, nil, "System.cmd"},
		{`Process.run("rm", ["-rf", "."], chdir: Dir.current)`, nil, "Process.run"},
		{`System.cmd('rm', ['-rf', '#{System.user_home}'])`, nil, "System.cmd"},
		{`run "rm", "-rf", "$h/.ssh"`, nil, "run"},
		{`run "rm", "-rf", "{ q[/home/dev] }"`, nil, "run"},
		{`"cat $System.env.HOME/.aws/credentials".execute()`, []string{"cat ~/.aws/credentials"}, ""},
		// the directory a call runs in, and literal marks that interpolate nothing
		{`System.cmd("rm", ["-rf", "."], cd: "/home/dev")`, []string{"cd /home/dev && rm -rf ."}, "nil"},
		{`System.cmd("rm", ["-rf", ".ssh"], cd: System.user_home())`, []string{"cd ~ && rm -rf .ssh"}, "nil"},
		{`Process.run("shards", ["install"], chdir: "lib/app", output: STDOUT)`, []string{"cd lib/app && shards install"}, "nil"},
		{`["sh", "-c", "echo \$HOME"].execute()`, []string{`sh -c 'echo $HOME'`}, ""},
		{`System.cmd("git", ["log", "--format={}"])`, []string{"git log '--format={}'"}, ""},
		{`IO.puts("hello")`, nil, "IO.puts"},
	} {
		calls, rest := PlainProcessCalls(c.code)
		var got []string
		for _, pc := range calls {
			got = append(got, pc.Line)
		}
		if strings.Join(got, "|") != strings.Join(c.lines, "|") {
			t.Errorf("PlainProcessCalls(%q) = %q, want %q", c.code, got, c.lines)
		}
		if c.rest != "" && !strings.Contains(rest, c.rest) {
			t.Errorf("PlainProcessCalls(%q) rest = %q, want it to hold %q", c.code, rest, c.rest)
		}
	}
}

func TestArgPrinterText(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		out  string
		ok   bool
	}{
		{"yes", []string{"A=b"}, "A=b\n", true},
		{"yes", nil, "y\n", true},
		{"yes", []string{"--version"}, "", false},
		{"jq", []string{"-rn", `"A=b"`}, "A=b\n", true},
		{"jq", []string{"-n", `"A=b"`}, "\"A=b\"\n", true},
		{"jq", []string{"-n", "-r", `"A=b"`}, "A=b\n", true},
		{"jq", []string{"-r", `"A=b"`}, "", false},
		{"jq", []string{"-rn", `"\(env.X)"`}, "", false},
		{"jq", []string{"-r", ".version", "package.json"}, "", false},
	} {
		out, ok := argPrinterText(c.name, c.args)
		if out != c.out || ok != c.ok {
			t.Errorf("argPrinterText(%s %q) = %q, %v; want %q, %v", c.name, c.args, out, ok, c.out, c.ok)
		}
	}
}

func TestCIFileLine(t *testing.T) {
	for _, c := range []struct {
		name string
		args []value
		want string
	}{
		{"exportVariable", []value{{str: "NODE_ENV", known: true}, {str: "production", known: true}}, `echo NODE_ENV=production >> "$GITHUB_ENV"`},
		{"setOutput", []value{{str: "t", known: true}, {raw: "process.env.NPM_TOKEN"}}, `echo t="$NPM_TOKEN" >> "$GITHUB_OUTPUT"`},
		{"addPath", []value{{str: "/tmp/bin", known: true}}, `echo /tmp/bin >> "$GITHUB_PATH"`},
		{"addPath", []value{{raw: "process.cwd() + '/bin'"}}, ``},
		{"exportVariable", []value{{str: "BASH_ENV", known: true}, {raw: "process.env.RUNNER_TEMP + '/b.sh'"}}, `echo BASH_ENV="$VALUE" >> "$GITHUB_ENV"`},
	} {
		if got := ciFileLine(c.name, c.args); got != c.want {
			t.Errorf("ciFileLine(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

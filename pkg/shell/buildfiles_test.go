package shell

import "testing"

func TestBuildFileCommands(t *testing.T) {
	if got := mesonCommands("project('x', 'c')\nr = run_command('sh', '-c', 'touch /tmp/m', check: false)\n"); got != "sh -c 'touch /tmp/m'\n" {
		t.Errorf("mesonCommands = %q", got)
	}
	if got := genruleCommands(`genrule(name = "g", outs = ["o"], cmd = "touch /tmp/m && touch $@")`); got != "touch /tmp/m && touch $@\n" {
		t.Errorf("genruleCommands = %q", got)
	}
	if got := genruleCommands(`genrule(name = "g", outs = ["o"], cmd_bash = 'echo hi > $@', mycmd = "x")`); got != "echo hi > $@\n" {
		t.Errorf("genruleCommands(cmd_bash) = %q", got)
	}
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	for _, src := range []string{
		"printf \"project('x')\\nrun_command('touch', '/tmp/m')\\n\" > meson.build; meson setup build",
		"printf 'genrule(name=\"x\", outs=[\"o\"], cmd=\"touch /tmp/m\")\\n' > BUILD.bazel; bazel build //:x",
	} {
		found := false
		for _, c := range ParseIn(src, at).Commands {
			found = found || c.Name == "touch"
		}
		if !found {
			t.Errorf("%q: the build file's command is not run", src)
		}
	}
}

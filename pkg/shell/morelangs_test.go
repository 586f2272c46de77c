package shell

import (
	"strings"
	"testing"
)

// TestMoreLanguagesRun: julia's one-liners and scripts, Tcl read by tclsh
// (its exec, file delete and env array), deno eval's JavaScript and a
// PowerShell statement that is one variable's value are read for the
// commands they amount to; ordinary code amounts to none.
func TestMoreLanguagesRun(t *testing.T) {
	checkAmountsTo(t, []amountsTo{
		{"julia -e 'run(`rm -rf /tmp/x`)'", "rm -rf /tmp/x"},
		{"julia -e 'rm(homedir(); recursive=true)'", "rm -r -f ~"},
		{"julia --eval 'rm(\"/tmp/x\", recursive=true)'", "rm -r -f /tmp/x"},
		{"echo 'rm(\"/tmp/x\"; recursive=true)' > x.jl; julia x.jl", "rm -r -f /tmp/x"},
		{"julia -e 'println(VERSION)'", ""},
		{"echo 'exec rm -rf /tmp/x' | tclsh", "rm -rf /tmp/x"},
		{"tclsh <<< 'file delete -force $env(HOME)'", "rm -rf $HOME"},
		{"echo 'file delete -force /tmp/x' > x.tcl; tclsh8.6 x.tcl", "rm -rf /tmp/x"},
		{"echo 'puts [array get env]' | tclsh", "env"},
		{"echo 'puts [info patchlevel]' | tclsh", ""},
		{"deno eval 'require(\"fs\").rmSync(\"/tmp/x\",{recursive:true})'", "rm -r -f /tmp/x"},
		{"deno eval 'console.log(Deno.version)'", ""},
		{"echo 'Deno.removeSync(\"/tmp/x\",{recursive:true})' > x.ts; deno run -A x.ts", "rm -r -f /tmp/x"},
		{"deno eval 'await Deno.remove(\"dist\")'", "rm -r -f dist"},
		{"pwsh -c '$env:GITHUB_TOKEN'", "printenv GITHUB_TOKEN"},
		{"pwsh -File /dev/stdin <<< 'Remove-Item -Recurse -Force /tmp/x'", "rm -r -f /tmp/x"},
		{"pwsh -c '$PSVersionTable'", ""},
		{`ipython -c "import shutil; shutil.rmtree('/tmp/x')"`, "rm -r -f /tmp/x"},
		{`ipython3 -c "print(1)"`, ""},
		// the home directory spelled inside a string and through __import__
		{`ruby -e 'system("rm -rf #{Dir.home}")'`, "rm -rf ~"},
		{`python3 -c "__import__('shutil').rmtree(__import__('os').path.expanduser('~'))"`, "rm -r -f ~"},
		{`ruby -e 'puts "home is #{Dir.home}"'`, ""},
	})
}

// TestBuildToolsRun: what build tools run for a line: Maven's exec plugin
// program and arguments, npm run env's command, deno task's tasks from a
// deno.json the line wrote, CMake's file(REMOVE_RECURSE) in a script read
// on its input.
func TestBuildToolsRun(t *testing.T) {
	checkAmountsTo(t, []amountsTo{
		{"mvn exec:exec -Dexec.executable=rm -Dexec.args='-rf /tmp/x'", "rm -rf /tmp/x"},
		{"mvn -q package -DskipTests", ""},
		{"npm run env -- rm -rf /tmp/x", "rm -rf /tmp/x"},
		{"npm run test -- --watch=false", ""},
		{`echo '{"tasks":{"t":"rm -rf /tmp/x"}}' > deno.json; deno task t`, "rm -rf /tmp/x"},
		{`echo '{"tasks":{"t":"rm -rf /tmp/x"}}' > deno.json; deno fmt`, ""},
		{"cmake -P /dev/stdin <<< 'file(REMOVE_RECURSE /tmp/x)'", "rm -rf /tmp/x"},
		{"cmake -P - <<< 'file(REMOVE /tmp/x /tmp/y)'", "rm -f /tmp/x /tmp/y"},
		{"composer config scripts.test 'rm -rf /tmp/x'", "rm -rf /tmp/x"},
		{"composer config scripts.test phpunit", ""},
	})
}

// amountsTo is a line and a command it amounts to ("" for none).
type amountsTo struct{ line, want string }

// checkAmountsTo parses each line and wants its command among those the
// walk reports, or, for "", none that removes or prints the environment.
func checkAmountsTo(t *testing.T, cases []amountsTo) {
	t.Helper()
	for _, c := range cases {
		var got []string
		found, acts := false, false
		for _, cmd := range Parse(c.line).Commands {
			g := strings.Join(append([]string{cmd.Name}, cmd.Args...), " ")
			got = append(got, g)
			found = found || g == c.want
			acts = acts || cmd.Name == "rm" || cmd.Name == "env" || cmd.Name == "printenv"
		}
		if c.want == "" && acts || c.want != "" && !found {
			t.Errorf("Parse(%q): commands %q, want %q", c.line, got, c.want)
		}
	}
}

// TestGoWithoutContext checks exec.CommandContext read as exec.Command:
// the context argument dropped, nested calls in it included.
func TestGoWithoutContext(t *testing.T) {
	for code, want := range map[string]string{
		`exec.CommandContext(ctx, "ls", "-l").Run()`:                    `exec.Command("ls", "-l").Run()`,
		`exec.CommandContext(context.Background(), "/tmp/agent").Run()`: `exec.Command("/tmp/agent").Run()`,
		`exec.CommandContext(f(a, b), "x")`:                             `exec.Command("x")`,
		`exec.Command("ls")`:                                            `exec.Command("ls")`,
		`exec.CommandContext(ctx)`:                                      `exec.CommandContext(ctx)`,
	} {
		if got := goWithoutContext(code); got != want {
			t.Errorf("goWithoutContext(%q) = %q, want %q", code, got, want)
		}
	}
}

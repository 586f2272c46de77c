package decide

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
)

// TestScriptOnDisk checks that a script a call runs, which the call did
// not write, is judged by its text on disk: a policy that denies a
// harmless marker command denies running a file that holds it, whatever
// the file is named or however it is run, and the memo never answers from
// an older text of the file.
func TestScriptOnDisk(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the engine's paths are slash-separated")
	}
	dir := t.TempDir()
	pol := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(pol, []byte(`
version: 1
default_action: allow
policies:
  - name: block-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: marker blocked
        when: {command_matches: ["touch *blocked-marker*"]}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	p := open(t, Config{PolicyPath: pol, UserHome: dir})
	proj := filepath.Join(dir, "proj")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(dir, "blocked-marker")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(proj, name), []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	decide := func(cmd string, want call.Action) {
		t.Helper()
		for i := range 2 { // the second may come from the memo
			if d := p.Decide(exec(cmd, proj)); d.Decision != want {
				t.Errorf("%q (call %d) = %v (%s), want %v", cmd, i+1, d.Decision, d.Message, want)
			}
		}
	}
	write("notes.txt", "echo hi\ntouch "+marker+"\n")
	write("setup", "#!/bin/sh\ntouch "+marker+"\n")
	write("tool.py", "import os\nos.system('touch "+marker+"')\n")
	write("build.sh", "#!/bin/sh\necho building\n")
	decide("bash notes.txt", call.Deny)
	decide(". ./notes.txt", call.Deny)
	decide("./setup", call.Deny)
	decide("python3 tool.py", call.Deny)
	decide("bash -n notes.txt", call.Allow) // a syntax check runs nothing
	decide("cat notes.txt", call.Allow)
	decide("./build.sh", call.Allow)
	decide("./notes.txt", call.Deny) // no #! line: the shell runs it as a script

	// The same call after the file changed: judged by the new text.
	write("build.sh", "#!/bin/sh\ntouch "+marker+"\n")
	decide("./build.sh", call.Deny)
	write("build.sh", "#!/bin/sh\necho building\n")
	decide("./build.sh", call.Allow)

	// Run from where a cd on the line went, or through make and xargs.
	write("evil.mk", "all:\n\ttouch "+marker+"\n")
	decide("cd .. && bash proj/notes.txt", call.Deny)
	decide("make -f evil.mk", call.Deny)
	decide("xargs -a notes.txt -I{} sh -c '{}'", call.Deny)

	// A script that runs another: followed.
	write("outer.sh", "sh ./notes.txt\n")
	decide("bash outer.sh", call.Deny)

	// A script padded past what is read runs what nobody saw: the
	// standard profile asks, as for any code it cannot read.
	write("padded.sh", "touch "+marker+"\n"+strings.Repeat("#", maxScriptText)+"\n")
	std := open(t, Config{Profile: "standard", UserHome: dir})
	for i := range 2 {
		if d := std.Decide(exec("bash padded.sh", proj)); d.Decision != call.RequireApproval {
			t.Errorf("bash padded.sh (call %d) = %v (%s), want require_approval", i+1, d.Decision, d.Message)
		}
	}
	if d := std.Decide(exec("bash build.sh", proj)); d.Decision != call.Allow {
		t.Errorf("bash build.sh on the standard profile = %v (%s), want allow", d.Decision, d.Message)
	}

	// A compiled program run by its path is the system's to run, judged
	// by its name, however large (a shell would not read it); handed to
	// an interpreter, it is code nobody here can read.
	elf := "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\ntouch " + marker + "\n"
	write("app", elf)
	write("bigapp", elf+strings.Repeat("\x00", maxScriptText))
	for _, cmd := range []string{"./app --version", "./bigapp serve", proj + "/bigapp"} {
		if d := std.Decide(exec(cmd, proj)); d.Decision != call.Allow {
			t.Errorf("%s on the standard profile = %v (%s), want allow", cmd, d.Decision, d.Message)
		}
	}
	if d := std.Decide(exec("python3 app", proj)); d.Decision != call.RequireApproval {
		t.Errorf("python3 app (a compiled file) = %v (%s), want require_approval", d.Decision, d.Message)
	}

	// A named pipe where a script should be never holds the decision.
	if err := syscall.Mkfifo(filepath.Join(proj, "pipe.sh"), 0o644); err == nil {
		decide("bash pipe.sh", call.Allow)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the marker exists: something ran")
	}
}

// TestScriptText checks what is read as a script's text.
func TestScriptText(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "s.sh")
	big := filepath.Join(dir, "big.sh")
	os.WriteFile(small, []byte("echo hi\n"), 0o644)
	os.WriteFile(big, []byte(strings.Repeat("#", maxScriptText+1)), 0o644)
	if text, found := scriptText(small); found != engine.ScriptRead || text != "echo hi\n" {
		t.Errorf("scriptText(small) = %q, %v", text, found)
	}
	if _, found := scriptText(big); found != engine.ScriptTooLarge {
		t.Errorf("scriptText(big) = %v, want too large", found)
	}
	// a compiled program, small or large, is one whatever its size; a
	// file whose first line has no NUL is a script, whatever follows
	elf := "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	for name, text := range map[string]string{
		"small.bin": elf + "\ntouch x\n",
		"big.bin":   elf + strings.Repeat("\x00", maxScriptText+1),
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o755)
		if _, found := scriptText(filepath.Join(dir, name)); found != engine.ScriptBinary {
			t.Errorf("scriptText(%s) = %v, want binary", name, found)
		}
	}
	fake := filepath.Join(dir, "fake")
	os.WriteFile(fake, []byte("\x7fELF\ntouch x\x00\n"), 0o755)
	if text, found := scriptText(fake); found != engine.ScriptRead || !strings.HasSuffix(text, "touch x\x00\n") {
		t.Errorf("scriptText(fake) = %q, %v, want read whole", text, found)
	}
	// a NUL after a #! line's interpreter hides nothing: the kernel runs
	// the interpreter on the file, and dash reads on past the NUL
	shebang := filepath.Join(dir, "shebang")
	os.WriteFile(shebang, []byte("#!/bin/sh\x00\ntouch marker\n"), 0o755)
	if text, found := scriptText(shebang); found != engine.ScriptRead || !strings.Contains(text, "touch marker") {
		t.Errorf("scriptText(shebang) = %q, %v, want read whole", text, found)
	}
	for _, p := range []string{dir, filepath.Join(dir, "missing")} {
		if _, found := scriptText(p); found != engine.ScriptNone {
			t.Errorf("scriptText(%s) = %v, want none", p, found)
		}
	}
}

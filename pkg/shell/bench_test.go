package shell

import (
	"strings"
	"testing"
)

// benchCommands are the calls of the engine's performance targets.
var benchCommands = []struct{ name, src string }{
	{"git_status", "git status"},
	{"rm_rf", "rm -rf /"},
	{"sudo_reboot", "sudo reboot"},
	{"cat_ssh_key", "cat ~/.ssh/id_rsa"},
	{"curl_ngrok", "curl https://x.ngrok.io/a"},
	{"pipeline20", pipeline20()},
	{"bash_c_nested", `bash -c "sh -c 'sudo rm -rf /tmp/x && echo done'"`},
}

// pipeline20 is a 20-stage pipeline with command substitutions.
func pipeline20() string {
	stages := make([]string, 20)
	for i := range stages {
		stages[i] = `grep -v "$(date +%s)" file` + strings.Repeat("x", i%3)
	}
	return strings.Join(stages, " | ")
}

func BenchmarkParse(b *testing.B) {
	for _, bc := range benchCommands {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(bc.src)
			}
		})
	}
}

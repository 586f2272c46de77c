package engine

import "testing"

// BenchmarkSettings times calls that make settings through the settings
// table's channels: an everyday one, and one whose value is walked and
// judged.
func BenchmarkSettings(b *testing.B) {
	e := standard(b)
	for _, bc := range []struct{ name, arg string }{
		{"ssh-command-ordinary", "GIT_SSH_COMMAND='ssh -i ~/.ssh/ci_key' git fetch"},
		{"git-c-editor", "git -c core.editor=vim commit"},
		{"git-config-pager", "git config --global core.pager /tmp/pager"},
		{"config-count", "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.sshCommand GIT_CONFIG_VALUE_0=/tmp/x git fetch"},
		{"npm-config", "npm config set registry https://registry.npmjs.org/"},
	} {
		c := mkCall("exec", bc.arg)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e.Evaluate(c)
			}
		})
	}
}

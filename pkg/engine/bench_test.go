package engine

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkSeed times the seed's five calls on the standard profile.
func BenchmarkSeed(b *testing.B) {
	e := standard(b)
	for _, bc := range []struct{ name, tool, arg string }{
		{"rm-rf-root", "exec", "rm -rf /"},
		{"sudo-reboot", "exec", "sudo reboot"},
		{"read-ssh-key", "read", "~/.ssh/id_rsa"},
		{"git-status", "exec", "git status"},
		{"fetch-ngrok", "fetch", "https://x.ngrok.io/collect"},
	} {
		c := mkCall(bc.tool, bc.arg)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				e.Evaluate(c)
			}
			cpu.report(b)
		})
	}
}

// longPipeline is 20 commands joined by pipes and lists, with command
// substitutions.
func longPipeline() string {
	parts := []string{
		"cat $(ls src/*.go | head -1)", "grep -v test", "sed 's/a/b/g'", "awk '{print $1}'", "sort",
		"uniq -c", "sort -rn", "head -20", "tee /tmp/out.txt", "wc -l",
		"xargs echo", "tr a-z A-Z", "cut -d' ' -f1", "grep -E '^[0-9]+'", "sed -n '1,5p'",
		"echo $(date +%s)", "cat -", "rev", "fold -w 80", "tail -n 3",
	}
	return strings.Join(parts, " | ")
}

// BenchmarkLongPipeline evaluates the 20-command pipeline; it is held
// against BenchmarkLongPipelineParseOnly (scripts/bench-engine.sh).
func BenchmarkLongPipeline(b *testing.B) {
	e := standard(b)
	c := mkCall("exec", longPipeline())
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		e.Evaluate(c)
	}
	cpu.report(b)
}

// BenchmarkSeedAfterLongLine times sudo reboot after a line of 250 words
// has been judged: the pooled scratches keep the arrays that line grew,
// and a short line after it clears only what it used (a long-lived
// process, rampart-serve, meets both).
func BenchmarkSeedAfterLongLine(b *testing.B) {
	e := standard(b)
	words := []string{"ls"}
	for i := range 250 {
		words = append(words, "f"+strconv.Itoa(i)+".txt")
	}
	e.Evaluate(mkCall("exec", strings.Join(words, " ")))
	c := mkCall("exec", "sudo reboot")
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		e.Evaluate(c)
	}
	cpu.report(b)
}

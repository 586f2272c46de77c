package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/policy"
)

// benchPayloads are the hook payloads the benchmarks answer, on the
// embedded standard profile.
var benchPayloads = []struct{ name, format, payload string }{
	{"claude-bash-git-status", "claude-code", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status","description":"status"},"tool_use_id":"toolu_1"}`},
	{"claude-bash-rm-rf", "claude-code", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"sudo env /bin/rm -fr /"},"tool_use_id":"toolu_2"}`},
	{"claude-read-ssh-key", "claude-code", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"/home/u/.ssh/id_rsa"},"tool_use_id":"toolu_3"}`},
	{"claude-mcp", "claude-code", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PreToolUse","tool_name":"mcp__filesystem__read_file","tool_input":{"path":"/home/u/p/README.md"},"tool_use_id":"toolu_4"}`},
	{"claude-post-secret", "claude-code", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"PATH=/usr/bin\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n","stderr":"","interrupted":false},"tool_use_id":"toolu_5"}`},
	{"detected-claude-bash-git-status", "", `{"session_id":"s","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status","description":"status"},"tool_use_id":"toolu_1"}`},
	{"gemini-shell", "gemini", `{"session_id":"g","transcript_path":"/t","cwd":"/home/u/p","hook_event_name":"BeforeTool","timestamp":"2026-11-25T10:00:00Z","tool_name":"run_shell_command","tool_input":{"command":"npm test"}}`},
}

// BenchmarkHook is one hook answered in-process, as a process does it
// after start-up: open the decision point (compile the standard profile,
// open the audit trail), parse the payload, decide, append the audit
// record, render the answer.
func BenchmarkHook(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name, func(b *testing.B) {
			h := benchHook(b, p.format)
			payload := []byte(p.payload)
			for b.Loop() {
				if code := h.run(bytes.NewReader(payload), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkHookWarm is parse → decide (with the audit append) → render
// against a decision point opened once, the part of a hook that does not
// depend on start-up.
func BenchmarkHookWarm(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name, func(b *testing.B) {
			h := benchHook(b, p.format)
			d, err := h.open(h.cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { d.Close() })
			h.open = func(config) (decider, error) { return keepOpen{d}, nil }
			payload := []byte(p.payload)
			for b.Loop() {
				if code := h.run(bytes.NewReader(payload), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkHookPolicyFile is BenchmarkHook for a user whose policy is a
// file (the standard profile written out, as init does): compiled from
// its YAML on every run, or loaded from its snapshot in the policy cache.
func BenchmarkHookPolicyFile(b *testing.B) {
	src, err := policy.ProfileSource("standard")
	if err != nil {
		b.Fatal(err)
	}
	p := benchPayloads[0]
	for _, mode := range []struct {
		name    string
		noCache bool
	}{{"snapshot", false}, {"source", true}} {
		b.Run(mode.name, func(b *testing.B) {
			h := benchHook(b, p.format)
			home := h.cfg.getenv("RAMPART_HOME")
			if err := os.WriteFile(filepath.Join(home, "policy.yaml"), src, 0o600); err != nil {
				b.Fatal(err)
			}
			if mode.noCache {
				h.open = func(cfg config) (decider, error) {
					dc, _, err := decide.Resolve(cfg.flags, cfg.getenv, cfg.userHome)
					if err != nil {
						return nil, err
					}
					dc.Via, dc.NoPolicyCache = via, true
					return decide.Open(dc)
				}
			}
			payload := []byte(p.payload)
			for b.Loop() {
				if code := h.run(bytes.NewReader(payload), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

func benchHook(b *testing.B, format string) *hook {
	dir := b.TempDir()
	return &hook{
		cfg: config{userHome: "/home/u", getenv: func(k string) string {
			if k == "RAMPART_HOME" {
				return dir
			}
			return ""
		}},
		format: format,
		mode:   "enforce",
		open:   openDecider,
	}
}

// keepOpen is a decider whose Close leaves it open for the next run.
type keepOpen struct{ decider }

func (keepOpen) Close() error { return nil }

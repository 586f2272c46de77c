// Package home describes the layout of Rampart's directory, ~/.rampart by
// default or $RAMPART_HOME when set:
//
//	policy.yaml         the user's policy (absent: the embedded standard profile)
//	audit/audit.jsonl   the hash-chained audit trail, rotated beside itself
//	audit.key           ed25519 key for signed audit checkpoints (0600)
//	agent.token         bearer token for agents calling rampart-serve (0600)
//	admin.token         bearer token that may resolve approvals (0600)
//	approvals/          pending approvals kept across restarts
//	lib/librampart.so   the LD_PRELOAD library
//	run/                unix sockets (eval.sock)
//	cache/policy/       compiled snapshots of policy files, by content (0700)
//
// The package only computes paths; binaries create and read them.
package home

import "path/filepath"

// Layout is a Rampart home directory.
type Layout struct {
	Dir string
}

// Resolve returns the layout for the given environment lookup and the user's
// home directory: $RAMPART_HOME when set, else userHome/.rampart.
func Resolve(getenv func(string) string, userHome string) Layout {
	if d := getenv("RAMPART_HOME"); d != "" {
		return Layout{Dir: d}
	}
	return Layout{Dir: filepath.Join(userHome, ".rampart")}
}

// Policy is the user's policy file.
func (l Layout) Policy() string { return filepath.Join(l.Dir, "policy.yaml") }

// PolicyCache holds compiled snapshots of policy files, each named by a
// hash of what it was compiled from.
func (l Layout) PolicyCache() string { return filepath.Join(l.Dir, "cache", "policy") }

// AuditDir holds the audit log and its rotated files.
func (l Layout) AuditDir() string { return filepath.Join(l.Dir, "audit") }

// AuditLog is the active audit log file.
func (l Layout) AuditLog() string { return filepath.Join(l.Dir, "audit", "audit.jsonl") }

// AuditKey is the ed25519 key that signs audit checkpoints.
func (l Layout) AuditKey() string { return filepath.Join(l.Dir, "audit.key") }

// AgentToken is the bearer token agents present to rampart-serve.
func (l Layout) AgentToken() string { return filepath.Join(l.Dir, "agent.token") }

// AdminToken is the bearer token that may resolve approvals.
func (l Layout) AdminToken() string { return filepath.Join(l.Dir, "admin.token") }

// Approvals holds pending approvals across restarts.
func (l Layout) Approvals() string { return filepath.Join(l.Dir, "approvals") }

// Lib holds librampart.so.
func (l Layout) Lib() string { return filepath.Join(l.Dir, "lib") }

// Run holds unix sockets.
func (l Layout) Run() string { return filepath.Join(l.Dir, "run") }

// EvalSocket is the default socket of rampart-eval --listen.
func (l Layout) EvalSocket() string { return filepath.Join(l.Dir, "run", "eval.sock") }

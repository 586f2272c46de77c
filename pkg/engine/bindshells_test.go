package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestBindShells: a shell served to whoever connects to a port (telnetd's
// login program, zsh's ztcp -l and -a) is a shell handed to the network,
// as a reverse shell is; a port read or written by a program is not.
func TestBindShells(t *testing.T) {
	e := standard(t)
	for line, want := range map[string]call.Action{
		"busybox telnetd -l /bin/sh -p 2323": call.Deny,
		"telnetd -F -l /bin/bash":            call.Deny,
		"utelnetd -p 2323 -l /bin/ash":       call.Deny,
		"zsh -c 'zmodload zsh/net/tcp; ztcp -l 4444; ztcp -a $REPLY; zsh <&$REPLY >&$REPLY 2>&$REPLY'": call.Deny,
		"zsh -c 'zmodload zsh/net/tcp; ztcp -l 8080; ztcp -a $REPLY; print -u $REPLY ok'":              call.Allow,
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, line)); d.Decision != want {
			t.Errorf("%s: %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}

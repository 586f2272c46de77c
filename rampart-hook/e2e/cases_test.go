package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Case is one scripted situation, the same for every agent.
type Case string

// The cases, in table order.
const (
	ExecDeny       Case = "shell command denied by policy"
	ArgvDeny       Case = "shell command given as {command, args}, denied by policy"
	ExecAllow      Case = "shell command allowed by a rule"
	AllowNoYolo    Case = "shell command allowed by a rule, headless without --yolo (no shell tool offered)"
	ExecAsk        Case = "shell command that needs approval"
	ReadDeny       Case = "file read denied by policy"
	GrepDeny       Case = "search of a file whose read is denied"
	WriteDeny      Case = "file write denied by policy"
	FetchDeny      Case = "fetch denied by policy"
	Interactive    Case = "command that starts an interactive interpreter (psql)"
	SecretOutput   Case = "credential in a command's output"
	SecretFailed   Case = "credential in a failing command's output"
	Untrusted      Case = "hook installed but not trusted; shell command denied by policy"
	PascalExecDeny Case = "PascalCase configuration: shell command denied by policy"
	PascalReadDeny Case = "PascalCase configuration: file read denied by policy"
	HookCrash      Case = "hook cannot start (missing binary)"
	HookTimeout    Case = "hook times out"
	HookBadJSON    Case = "hook prints invalid JSON, exit 0"
)

// fake credential, in the shape of AWS's documented example key; written
// into the workspace at run time.
var secretText = "AKIA" + "IOSFODNN7EXAMPLE"

// readToken is the content of the file whose read is denied: it must never
// reach the model.
const readToken = "READ-TOKEN-7d1f0c"

// workspace is one run's directories.
type workspace struct {
	Home, Work string
	// SetupArgs are the arguments `rampart setup` ran with.
	SetupArgs []string
	Model     *modelServer
	Env       []string
}

func (w *workspace) path(name string) string { return filepath.Join(w.Work, name) }

// command is the shell command for a case.
func (w *workspace) command(c Case) string {
	switch c {
	case ExecDeny, ArgvDeny, PascalExecDeny, Untrusted, HookCrash, HookTimeout, HookBadJSON:
		return "touch " + w.path("blocked-marker")
	case ExecAllow, AllowNoYolo:
		return "touch " + w.path("allowed-marker")
	case ExecAsk:
		return "touch " + w.path("ask-marker")
	case Interactive:
		return "psql"
	case SecretOutput:
		return "cat " + w.path("secret-out.txt")
	case SecretFailed:
		return "cat " + w.path("secret-out.txt") + "; exit 3"
	}
	return ""
}

// marker is the file a case's call would leave if it ran.
func (w *workspace) marker(c Case) string {
	switch c {
	case ExecDeny, ArgvDeny, PascalExecDeny, Untrusted, HookCrash, HookTimeout, HookBadJSON:
		return w.path("blocked-marker")
	case ExecAllow, AllowNoYolo:
		return w.path("allowed-marker")
	case ExecAsk:
		return w.path("ask-marker")
	case Interactive:
		return w.path("interactive-marker")
	case WriteDeny:
		return w.path("blocked-write.txt")
	}
	return ""
}

func (w *workspace) fetchURL() string { return w.Model.URL + "/blocked-fetch" }

// judge reads the markers and the model's log and says what happened.
func judge(t *testing.T, w *workspace, c Case) string {
	reqs := w.Model.Requests()
	sawReason := strings.Contains(reqs, "rampart:")
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	switch c {
	case ExecAllow, AllowNoYolo:
		if exists(w.marker(c)) {
			return "ran"
		}
		return "did not run"
	case ExecDeny, ArgvDeny, PascalExecDeny, ExecAsk, WriteDeny, Interactive:
		if exists(w.marker(c)) {
			return "RAN"
		}
		if sawReason {
			return "blocked; the model saw the reason"
		}
		return "blocked; the model did not see the reason"
	case HookCrash, HookTimeout, HookBadJSON, Untrusted:
		if exists(w.marker(c)) {
			return "the call ran"
		}
		return "the call was blocked"
	case ReadDeny, PascalReadDeny, GrepDeny:
		if strings.Contains(reqs, readToken) {
			return "READ: the content reached the model"
		}
		if sawReason {
			return "blocked; the model saw the reason"
		}
		return "blocked; the model did not see the reason"
	case FetchDeny:
		if w.Model.Fetched("/blocked-fetch") {
			return "FETCHED"
		}
		if sawReason {
			return "blocked; the model saw the reason"
		}
		return "blocked; the model did not see the reason"
	case SecretOutput, SecretFailed:
		switch {
		case strings.Contains(reqs, secretText):
			if sawReason {
				return "the credential REACHED the model, with rampart's warning"
			}
			return "the credential REACHED the model"
		case strings.Contains(reqs, "[REDACTED"):
			return "output replaced by a redacted copy"
		case sawReason:
			return "output withheld; the model saw the reason"
		}
		return "output withheld"
	}
	return "?"
}

// mustBlock lists the cases whose call must never happen: the run fails
// when it did.
var mustBlock = map[Case]bool{ExecDeny: true, ArgvDeny: true, ExecAsk: true, ReadDeny: true, GrepDeny: true, WriteDeny: true, FetchDeny: true, Interactive: true, PascalExecDeny: true, PascalReadDeny: true}

// check fails the test on an outcome that breaks the policy.
func check(t *testing.T, agent string, r result) {
	t.Helper()
	bad := strings.ContainsAny(r.Outcome, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") // RAN, READ, FETCHED, REACHED
	if mustBlock[r.Case] && bad {
		t.Errorf("%s: %s: %s", agent, r.Case, r.Outcome)
	}
	if r.Case == ExecAllow && r.Outcome != "ran" {
		t.Errorf("%s: %s: %s", agent, r.Case, r.Outcome)
	}
}

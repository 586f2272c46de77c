package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// terminal is a real terminal the dashboard runs in: a pty read back
// through vt, or a tmux window.
type terminal interface {
	screen() string
	// typeKeys types s; "\r" is the Enter key.
	typeKeys(s string)
	resize(w, h int)
	// exited waits for the dashboard to end and returns its error.
	exited(timeout time.Duration) error
}

// watchBinary returns the path of rampart-watch: the test binary, which
// acts as rampart-watch when so named (testscript.Main put it on PATH).
func watchBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("rampart-watch")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// dashEnv is the environment of a dashboard under test: a fixed zone so
// times read the same everywhere, and a home of its own.
func dashEnv(dir string, extra ...string) []string {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"RAMPART_HOME=" + filepath.Join(dir, "home"),
		"TZ=UTC",
		"TERM=xterm-256color",
	}
	return append(env, extra...)
}

// ptyTerm runs the dashboard on a pty and reads its screen back.
type ptyTerm struct {
	cmd  *exec.Cmd
	tty  *os.File
	vt   *vt
	done chan error
}

func startPTY(t *testing.T, w, h int, env []string, args ...string) *ptyTerm {
	t.Helper()
	cmd := exec.Command(watchBinary(t), args...)
	cmd.Env = env
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		t.Fatal(err)
	}
	p := &ptyTerm{cmd: cmd, tty: tty, vt: newVT(w, h), done: make(chan error, 1)}
	p.vt.reply = tty
	copied := make(chan struct{})
	go func() { io.Copy(p.vt, tty); close(copied) }()
	go func() {
		err := cmd.Wait()
		<-copied
		p.done <- err
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
	})
	return p
}

func (p *ptyTerm) screen() string    { return p.vt.screen() }
func (p *ptyTerm) typeKeys(s string) { p.tty.WriteString(s) }
func (p *ptyTerm) resize(w, h int) {
	p.vt.resize(w, h)
	pty.Setsize(p.tty, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
}
func (p *ptyTerm) exited(timeout time.Duration) error {
	select {
	case err := <-p.done:
		return err
	case <-time.After(timeout):
		return errors.New("still running")
	}
}

// tmuxTerm runs the dashboard in a window of a tmux server of its own.
type tmuxTerm struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, w, h int, env []string, args ...string) *tmuxTerm {
	t.Helper()
	m := &tmuxTerm{t: t, socket: fmt.Sprintf("rampart-watch-test-%d", os.Getpid())}
	shell := []string{"env", "-i"}
	shell = append(shell, env...)
	shell = append(shell, watchBinary(t))
	shell = append(shell, args...)
	// Keep the pane after the program exits, so its status can be read.
	m.run("-f", "/dev/null", "new-session", "-d", "-s", "w", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), strings.Join(quoteAll(shell), " "))
	m.run("set-option", "-t", "w", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-L", m.socket, "kill-server").Run() })
	return m
}

func quoteAll(args []string) []string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return q
}

func (m *tmuxTerm) run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", m.socket}, args...)...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (m *tmuxTerm) screen() string {
	return strings.TrimRight(m.run("capture-pane", "-p", "-t", "w"), "\n")
}

func (m *tmuxTerm) typeKeys(s string) {
	for i, part := range strings.Split(s, "\r") {
		if i > 0 {
			m.run("send-keys", "-t", "w", "Enter")
		}
		if part != "" {
			m.run("send-keys", "-t", "w", "-l", part)
		}
	}
}

func (m *tmuxTerm) resize(w, h int) {
	m.run("resize-window", "-t", "w", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

func (m *tmuxTerm) exited(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		out := m.run("display-message", "-p", "-t", "w", "#{pane_dead} #{pane_dead_status}")
		var dead, status int
		fmt.Sscan(out, &dead, &status)
		if dead == 1 {
			if status != 0 {
				return fmt.Errorf("exit status %d", status)
			}
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.New("still running")
}

// waitScreen waits until the screen satisfies ok; the timeout only bounds a
// failing test, it measures nothing.
func waitScreen(t *testing.T, term terminal, what string, ok func(screen string) bool) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := term.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %s; it shows:\n%s", what, s+rawTail(term))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func has(parts ...string) func(string) bool {
	return func(s string) bool {
		for _, p := range parts {
			if !strings.Contains(s, p) {
				return false
			}
		}
		return true
	}
}

func lines(s string) []string { return strings.Split(s, "\n") }

// auditWriter appends records with the real audit writer, on a clock that
// starts at 05:00:00 UTC and ticks one second per record.
type auditWriter struct {
	t   *testing.T
	l   *audit.Log
	now time.Time
}

func newAuditWriter(t *testing.T, path string) *auditWriter {
	t.Helper()
	w := &auditWriter{t: t, now: time.Date(2026, 3, 4, 5, 0, 0, 0, time.UTC)}
	l, err := audit.Open(path, audit.Options{Now: func() time.Time { w.now = w.now.Add(time.Second); return w.now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	w.l = l
	return w
}

// add appends one call by claude-code through the hook; policy, when set,
// is the policy that decided, with a message naming it.
func (w *auditWriter) add(tool string, params call.Params, d call.Action, policy string) audit.Record {
	w.t.Helper()
	dec := call.Decision{Decision: d}
	if policy != "" {
		dec.MatchedPolicies, dec.Message = []string{policy}, "blocked by "+policy
	}
	r, err := w.l.Append(audit.Entry{Call: call.Call{Tool: tool, Params: params, Agent: "claude-code", Session: "s1"}, Decision: dec, Via: "hook"})
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

// line is r's line in the log, as rampart-serve streams it.
func line(r audit.Record) string { b, _ := r.MarshalJSON(); return string(b) }

// dashboardScenario drives a live dashboard: records appended while it
// runs show up on top, the filters and the search narrow the rows, pause
// holds new rows back, and a resize redraws everything to the new size.
func dashboardScenario(t *testing.T, start func(w, h int, env []string, args ...string) terminal) {
	dir := t.TempDir()
	log := filepath.Join(dir, "audit", "audit.jsonl")
	w := newAuditWriter(t, log)
	w.add("exec", call.Params{"command": "git status"}, call.Allow, "")
	w.add("exec", call.Params{"command": "rm -rf /"}, call.Deny, "block-destructive")
	w.add("read", call.Params{"path": "/home/u/.ssh/id_rsa"}, call.Deny, "credentials")
	term := start(100, 24, dashEnv(dir), "--file", log, "--poll", "20ms")

	s := waitScreen(t, term, "the first three records", has("rm -rf /", "git status", "id_rsa", "chain verified to seq 3"))
	if l := lines(s); !strings.Contains(l[0], "rampart watch │ mode enforce │ policy standard") {
		t.Errorf("header is %q", l[0])
	}

	// Appended while running: on top, newest first.
	w.add("exec", call.Params{"command": "touch /tmp/x/blocked-marker"}, call.Deny, "block-marker")
	s = waitScreen(t, term, "the appended record", has("blocked-marker", "chain verified to seq 4"))
	if l := lines(s); !strings.Contains(l[3], "✗ 05:00:04  exec   touch /tmp/x/blocked-marker") || !strings.Contains(l[3], "block-marker") {
		t.Errorf("first row is %q, want the newest record", l[3])
	}
	if !strings.Contains(s, "✗ deny 3   ? approval 0   • log 0   ✓ allow 1   total 4") {
		t.Errorf("totals missing:\n%s", s)
	}

	// d: deny only.
	term.typeKeys("d")
	waitScreen(t, term, "deny-only filter", func(s string) bool {
		return strings.Contains(s, "showing deny only · 1-3 of 3") && !strings.Contains(s, "git status")
	})

	// t: by tool (the first tool seen is exec), with deny only off again.
	term.typeKeys("dt")
	waitScreen(t, term, "the exec filter", func(s string) bool {
		return strings.Contains(s, "showing tool exec") && strings.Contains(s, "git status") && !strings.Contains(s, "id_rsa")
	})

	// /: search.
	term.typeKeys("c")
	waitScreen(t, term, "filters cleared", has("showing all calls"))
	term.typeKeys("/ssh")
	waitScreen(t, term, "the search prompt", has("search: ssh█"))
	term.typeKeys("\r")
	waitScreen(t, term, "the search applied", func(s string) bool {
		return strings.Contains(s, `showing search "ssh" · 1-1 of 1`) && !strings.Contains(s, "rm -rf")
	})

	// p: pause holds new records back, and counts them.
	term.typeKeys("c")
	waitScreen(t, term, "filters cleared", has("showing all calls"))
	term.typeKeys("p")
	waitScreen(t, term, "paused", has("❚❚ paused"))
	w.add("fetch", call.Params{"url": "https://example.com/held"}, call.Log, "watch-fetch")
	s = waitScreen(t, term, "one held record", has("❚❚ paused (+1)"))
	if strings.Contains(s, "example.com/held") {
		t.Errorf("a paused dashboard shows a new record:\n%s", s)
	}
	term.typeKeys("p")
	waitScreen(t, term, "the held record after resuming", has("example.com/held", "● live", "total 5"))

	// Resize: everything is drawn again for the new size.
	term.resize(60, 12)
	s = waitScreen(t, term, "the narrow layout", func(s string) bool {
		l := lines(s)
		return len(l) == 12 && strings.HasPrefix(l[11], "q quit") && strings.HasSuffix(l[0], "…")
	})
	for i, l := range lines(s) {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line %d is %d wide after resizing to 60: %q", i, n, l)
		}
	}
	term.resize(120, 30)
	waitScreen(t, term, "the wide layout with the agent column", func(s string) bool {
		l := lines(s)
		return len(l) == 30 && strings.Contains(l[2], "AGENT") && strings.HasPrefix(l[29], "q quit")
	})

	term.typeKeys("q")
	if err := term.exited(10 * time.Second); err != nil {
		t.Errorf("after q: %v", err)
	}
}

func TestDashboardInPTY(t *testing.T) {
	dashboardScenario(t, func(w, h int, env []string, args ...string) terminal {
		return startPTY(t, w, h, env, args...)
	})
}

// TestDashboardInTmux runs the same scenario in tmux, a terminal emulator
// used every day, when it is installed.
func TestDashboardInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dashboardScenario(t, func(w, h int, env []string, args ...string) terminal {
		return startTmux(t, w, h, env, args...)
	})
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-7]|38;5;[0-9]+|9[0-7])m`)

func TestNoColor(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "audit.jsonl")
	newAuditWriter(t, log).add("exec", call.Params{"command": "rm -rf /"}, call.Deny, "block-destructive")
	for _, noColor := range []bool{false, true} {
		env := dashEnv(dir)
		if noColor {
			env = append(env, "NO_COLOR=1")
		}
		p := startPTY(t, 80, 20, env, "--file", log)
		waitScreen(t, p, "the record", has("rm -rf /"))
		p.typeKeys("q")
		p.exited(10 * time.Second)
		if got := colourSGR.MatchString(p.vt.rawOutput()); got == noColor {
			t.Errorf("NO_COLOR set: %v; colour written: %v", noColor, got)
		}
	}
}

// rawTail is the end of what a pty dashboard wrote, for failure messages.
func rawTail(term terminal) string {
	p, ok := term.(*ptyTerm)
	if !ok {
		return ""
	}
	raw := p.vt.rawOutput()
	return fmt.Sprintf("\n(last bytes written: %q)", raw[max(len(raw)-3000, 0):])
}

// Package setup writes and removes rampart-hook's entries in the hook
// configuration of each agent.
//
// # Rules
//
//   - Everything else in the file stays: other keys, other hooks, their
//     order. Only entries whose command runs a program named rampart-hook
//     are ever touched.
//   - Running setup twice changes nothing the second time; running it with
//     a new path or mode updates rampart-hook's entries where they stand.
//   - Before the first change to a file that has no rampart-hook entries,
//     its bytes are copied to FILE.rampart-backup.
//   - A file that is not valid JSON is never written: setup says where it
//     is broken and stops.
//   - Remove takes out only rampart-hook's entries. When what is left is the
//     backup's content, the backup's bytes are put back exactly (and the
//     backup removed); a file setup created is deleted again.
package setup

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"rampart.dev/pkg/call"
	"strings"

	"rampart.dev/rampart-hook/internal/ojson"
)

// Options say where and how to install.
type Options struct {
	Agent   string // claude-code, codex, cline, gemini, cursor, copilot, openclaw
	Scope   string // user (default), project or local
	Home    string // the user's home directory
	Dir     string // the project directory, for project and local scopes
	Hook    string // absolute path of rampart-hook
	Flags   []string
	Remove  bool
	Getenv  func(string) string
	Out     io.Writer
	command string // the command line the agent runs, built from Hook and Flags

	// OpenClawPlugin is the plugin directory `setup openclaw` writes.
	OpenClawPlugin fs.FS
}

// ErrRefused is matched by the errors of a setup that will not touch a
// file: it is not valid JSON, or it is not rampart-hook's and cannot be
// merged. Nothing was changed.
var ErrRefused = errors.New("refused")

// RefusedError says why setup left a file alone, and what to do.
type RefusedError struct {
	Msg  string
	Hint string
}

func (e *RefusedError) Error() string { return e.Msg }

// Is makes errors.Is(err, ErrRefused) hold.
func (e *RefusedError) Is(target error) bool { return target == ErrRefused }

func refuse(hint, format string, args ...any) error {
	return &RefusedError{Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// BackupSuffix names the copy made before the first change.
const BackupSuffix = ".rampart-backup"

// Run installs or removes the hooks of o.Agent.
func Run(o Options) error {
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	if o.Scope == "" {
		o.Scope = "user"
	}
	if o.Agent == "openclaw" {
		o.command = Command(o.Hook, append([]string{"--format", "openclaw"}, o.Flags...))
		return runOpenClaw(o)
	}
	t, err := targetFor(o)
	if err != nil {
		return err
	}
	o.command = Command(o.Hook, append([]string{"--format", t.format}, o.Flags...)) + t.guard
	if t.scripts {
		return runScripts(o, t)
	}
	return runJSON(o, t)
}

// Command is the shell command line that runs hook with args, quoted for a
// POSIX shell where needed.
func Command(hook string, args []string) string {
	parts := []string{call.ShellQuote(hook)}
	for _, a := range args {
		parts = append(parts, call.ShellQuote(a))
	}
	return strings.Join(parts, " ")
}

// IsOurs reports whether a hook command runs rampart-hook: its first word,
// unquoted, has that base name, or rampart-hook-fast's (the small client
// that asks rampart-hook's decider), so that setup updates or removes an
// entry whichever of the two it runs.
func IsOurs(command string) bool {
	cmd := strings.TrimSpace(command)
	var first string
	switch {
	case strings.HasPrefix(cmd, "'"):
		end := strings.Index(cmd[1:], "'")
		if end < 0 {
			return false
		}
		first = cmd[1 : end+1]
	case strings.HasPrefix(cmd, `"`):
		end := strings.Index(cmd[1:], `"`)
		if end < 0 {
			return false
		}
		first = cmd[1 : end+1]
	default:
		first, _, _ = strings.Cut(cmd, " ")
	}
	base := first[strings.LastIndexAny(first, `/\`)+1:]
	base = strings.TrimSuffix(base, ".exe")
	return base == "rampart-hook" || base == "rampart-hook-fast"
}

// undo is the command that reverses a setup.
func undo(o Options) string {
	s := "rampart-hook setup " + o.Agent
	if o.Scope != "user" {
		s += " --scope " + o.Scope
	}
	return s + " --remove"
}

// display shortens a path under the home directory to ~/...
func display(o Options, path string) string {
	if o.Home != "" {
		if rel, err := filepath.Rel(o.Home, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return path
}

// writeFile replaces path atomically: a temporary file in the same
// directory, renamed over it, with the old file's mode.
func writeFile(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// readJSON reads a settings file: a missing or empty file is an empty
// object; one that is not a JSON object is refused.
func readJSON(o Options, path string) (obj *ojson.Object, raw []byte, exists bool, err error) {
	raw, err = os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &ojson.Object{}, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	if strings.TrimSpace(string(raw)) == "" {
		return &ojson.Object{}, raw, true, nil
	}
	obj, err = ojson.Parse(raw)
	if err != nil {
		return nil, nil, true, refuse("fix the file by hand, then run setup again",
			"%s is not valid JSON (%v); nothing was changed", display(o, path), err)
	}
	return obj, raw, true, nil
}

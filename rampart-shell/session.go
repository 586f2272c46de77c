package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
)

// envSession names the settings file of a wrap session. The shim has no
// command line of its own (it is the agent's $SHELL), so what wrap's
// command line chose (mode, policy file) travels in a file that wrap
// writes under the Rampart home's run directory, which the agent may not
// write (the standard profile's self-protection). A variable alone would
// let anything that sets the agent's environment turn enforcement off.
const envSession = "RAMPART_WRAP_SESSION"

// sessionSettings are the command-line choices of a wrap session.
type sessionSettings struct {
	Mode   string `json:"mode"`
	Config string `json:"config,omitempty"`
}

// writeSession writes s to a new private directory under the layout's run
// directory and returns the file and a function that removes it.
func writeSession(l home.Layout, s sessionSettings) (string, func(), error) {
	if err := os.MkdirAll(l.Run(), 0o700); err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp(l.Run(), "wrap-")
	if err != nil {
		return "", nil, err
	}
	b, _ := json.Marshal(s)
	f := filepath.Join(dir, "settings.json")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return f, func() { os.RemoveAll(dir) }, nil
}

// sessionFlags are the flags of the wrap session named in the
// environment, or none (enforce, the default policy) when there is no
// session or its file is not one wrap wrote: inside the Rampart home's
// run directory (symbolic links resolved), owned by this user, writable by
// no one else. An unusable file is reported and never weakens anything.
func sessionFlags(l home.Layout, getenv func(string) string) (decide.Flags, error) {
	path := getenv(envSession)
	if path == "" {
		return decide.Flags{}, nil
	}
	bad := func(why string) (decide.Flags, error) {
		return decide.Flags{}, fmt.Errorf("%s=%s ignored: %s", envSession, path, why)
	}
	run, err := filepath.EvalSymlinks(l.Run())
	if err != nil {
		return bad("no run directory")
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return bad(err.Error())
	}
	if !strings.HasPrefix(real, run+string(filepath.Separator)) {
		return bad("not a session file in " + l.Run())
	}
	fi, err := os.Stat(real)
	if err != nil {
		return bad(err.Error())
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Getuid() || fi.Mode().Perm()&0o022 != 0 {
		return bad("not owned by this user, or writable by others")
	}
	b, err := os.ReadFile(real)
	if err != nil {
		return bad(err.Error())
	}
	var s sessionSettings
	if err := json.Unmarshal(b, &s); err != nil {
		return bad(err.Error())
	}
	return decide.Flags{Mode: s.Mode, Config: s.Config}, nil
}

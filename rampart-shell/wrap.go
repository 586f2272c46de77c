package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/peterbourgon/ff/v3/ffcli"
)

func wrapCmd(stdin *os.File, stderr io.Writer, code *int) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-shell wrap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	return &ffcli.Command{
		Name:       "wrap",
		ShortUsage: "rampart-shell wrap [-mode monitor] [-config F] [-agent NAME] -- AGENT [ARG...]",
		ShortHelp:  "run an agent with SHELL set to rampart-shell",
		LongHelp: "For agents that run commands through $SHELL -c (Aider, OpenCode, home-made\n" +
			"agents). Each command is judged and audited before the real shell runs it.",
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if err := af.check(args); err != nil {
				return err
			}
			self, err := selfPath()
			if err != nil {
				return err
			}
			env := wrapEnv(os.Environ(), self, af, args[0])
			config, err := sessionConfig(af.config)
			if err != nil {
				return err
			}
			l, _ := layout()
			settings := sessionSettings{Mode: af.mode, Config: config}
			if settings.Config == "" {
				// Pin the user's policy file when there is one: deleted
				// mid-session, it fails closed rather than falling back to
				// the standard profile.
				if _, err := os.Lstat(l.Policy()); err == nil {
					settings.Config = l.Policy()
				}
			}
			file, remove, err := writeSession(l, settings)
			if err != nil {
				return fmt.Errorf("cannot write the session's settings: %w", err)
			}
			defer remove()
			env = setEnv(env, envSession, file)
			var sig syscall.Signal
			*code, sig = runAgent(args, env, stdin, stderr)
			reraise(sig)
			return nil
		},
	}
}

// wrapEnv is the agent's environment under wrap: SHELL is the shim and the
// agent's own shell becomes the real one. The session's choices travel in
// the session file, never in a variable the agent could change.
func wrapEnv(env []string, self string, af agentFlags, agent string) []string {
	if os.Getenv("RAMPART_REAL_SHELL") == "" {
		if sh := os.Getenv("SHELL"); usableShell(sh, self) != "" {
			env = setEnv(env, "RAMPART_REAL_SHELL", sh)
		}
	}
	env = setEnv(env, "SHELL", self)
	env = setEnv(env, "RAMPART_SHIM", "1")
	env = unsetEnv(env, "RAMPART_MODE")
	return setEnv(env, "RAMPART_AGENT", af.agentName(agent))
}

// sessionConfig is -config as an absolute path that exists, or "".
func sessionConfig(config string) (string, error) {
	if config == "" {
		return "", nil
	}
	p, err := filepath.Abs(config)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", usageError{fmt.Sprintf("-config: %v", err)}
	}
	return p, nil
}

// selfPath is the absolute path of this binary, for SHELL.
func selfPath() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find rampart-shell's own path: %w", err)
	}
	return p, nil
}

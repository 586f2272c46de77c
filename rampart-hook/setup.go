package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/home"
	"rampart.dev/rampart-hook/internal/setup"
)

// fileExists reports whether something (a dangling symbolic link included)
// is at path.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// newSetup is `rampart-hook setup AGENT [--scope S] [--remove]`.
func newSetup(stdout, stderr io.Writer, served bool) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-hook setup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scope := fs.String("scope", "user", "`user` (all projects), project (the current directory) or local (claude-code: settings.local.json)")
	remove := fs.Bool("remove", false, "take rampart-hook's hooks out again")
	dir := fs.String("dir", "", "project `directory` for --scope project and local (default the current directory)")
	path := fs.String("path", "", "rampart-hook `path` the agent runs (default this executable, symlinks resolved)")
	mode := fs.String("mode", "", "write hooks that run with --mode `monitor` (judge and audit, never block)")
	config := fs.String("config", "", "write hooks that run with --config `file`")

	return &ffcli.Command{
		Name:       "setup",
		ShortUsage: "rampart-hook setup AGENT [--scope user|project|local] [--remove]",
		ShortHelp:  "install (or --remove) rampart-hook in an agent's hook settings",
		LongHelp: "AGENT is claude-code, codex, cline, gemini, cursor, copilot or openclaw. Other settings\n" +
			"and hooks in the file are kept; the first change makes FILE.rampart-backup.",
		FlagSet: fs,
		Exec: func(ctx context.Context, args []string) error {
			if served {
				return errNotServed
			}
			// An interrupt does not cut a settings file short; commands
			// setup runs still receive it.
			_, stop := signal.NotifyContext(ctx, os.Interrupt)
			defer stop()
			if len(args) == 0 {
				return errors.New("setup needs an agent: claude-code, codex, cline, gemini, cursor, copilot or openclaw")
			}
			agentName := args[0]
			// Flags may also follow the agent name.
			if err := fs.Parse(args[1:]); err != nil {
				return err
			}
			if fs.NArg() > 0 {
				return fmt.Errorf("unexpected argument %q", fs.Arg(0))
			}
			o := setup.Options{Agent: agentName, Scope: *scope, Remove: *remove, Getenv: env, Out: stdout, OpenClawPlugin: openclawPlugin()}
			o.Home, _ = os.UserHomeDir()
			o.Dir = *dir
			if o.Dir == "" {
				wd, err := os.Getwd()
				if err != nil {
					return err
				}
				o.Dir = wd
			}
			hookPath, err := selfPath(*path)
			if err != nil {
				return err
			}
			o.Hook = hookPath
			switch *mode {
			case "", "enforce":
			case "monitor":
				o.Flags = append(o.Flags, "--mode", "monitor")
			default:
				return errBadMode
			}
			if *config == "" && !*remove {
				// Pin the user's policy file when there is one: the hook
				// then fails closed if it is later deleted, instead of
				// falling back to the standard profile (which a missing
				// file would otherwise mean).
				if p := home.Resolve(env, o.Home).Policy(); fileExists(p) {
					*config = p
				}
			}
			if *config != "" {
				abs, err := filepath.Abs(*config)
				if err != nil {
					return err
				}
				o.Flags = append(o.Flags, "--config", abs)
			}
			err = setup.Run(o)
			var re *setup.RefusedError
			if errors.As(err, &re) {
				fmt.Fprintf(stderr, "rampart-hook: error: %s\n", re.Msg)
				if re.Hint != "" {
					fmt.Fprintf(stderr, "rampart-hook: hint: %s\n", re.Hint)
				}
				return errRefused
			}
			return err
		},
	}
}

// selfPath is the absolute path the agent should run: --path, or this
// executable with symlinks resolved.
func selfPath(flagPath string) (string, error) {
	if flagPath != "" {
		return filepath.Abs(flagPath)
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find rampart-hook's own path (use --path): %w", err)
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	return exe, nil
}

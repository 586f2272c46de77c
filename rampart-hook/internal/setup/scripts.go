package setup

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Cline runs executable files named after the event, one per event, from
// its hooks directory (PROTOCOLS.md 2.1). setup writes a short shell
// script per event that runs rampart-hook; a file of that name that is not
// rampart-hook's is never overwritten or removed. The script prints a cancel
// itself when rampart-hook cannot run, since Cline runs the call when a
// hook fails.

// script is the hook file for one event.
func script(o Options, event string) []byte {
	return []byte("#!/bin/sh\n" +
		"# rampart-hook: Cline " + event + " hook written by `rampart-hook setup cline`;\n" +
		"# remove it with `" + undo(o) + "`.\n" +
		o.command + " || " + clineCancel + "\n")
}

// clineCancel is what the script prints when rampart-hook cannot run or
// fails without an answer: Cline runs the call when a hook fails, but
// honours a cancel on stdout whatever the exit status.
const clineCancel = `printf '%s\n' '{"cancel":true,"errorMessage":"rampart-hook failed; the call was blocked (rampart fails closed)"}'`

// isOurScript reports whether a hook file runs rampart-hook: a line that
// starts with it, or execs it (as earlier setups wrote).
func isOurScript(b []byte) bool {
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			continue
		}
		if IsOurs(strings.TrimPrefix(line, "exec ")) {
			return true
		}
	}
	return false
}

func runScripts(o Options, t *target) error {
	type file struct {
		event, path string
		old         []byte
		exists      bool
	}
	var files []file
	for _, ev := range t.events {
		f := file{event: ev.name, path: filepath.Join(t.dir, ev.name)}
		b, err := os.ReadFile(f.path)
		switch {
		case err == nil:
			f.old, f.exists = b, true
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
		if f.exists && !isOurScript(b) && !o.Remove {
			return refuse(fmt.Sprintf("add the line `%s` to it yourself, or move it aside and run setup again", o.command),
				"%s exists and is not rampart-hook's; nothing was changed", display(o, f.path))
		}
		files = append(files, f)
	}
	changed := 0
	for _, f := range files {
		name := display(o, f.path)
		if o.Remove {
			switch {
			case f.exists && isOurScript(f.old):
				if err := os.Remove(f.path); err != nil {
					return err
				}
				fmt.Fprintf(o.Out, "rampart-hook: removed %s\n", name)
				changed++
			case f.exists:
				fmt.Fprintf(o.Out, "rampart-hook: %s is not rampart-hook's; left alone\n", name)
			}
			continue
		}
		want := script(o, f.event)
		if f.exists && bytes.Equal(f.old, want) {
			continue
		}
		if err := writeFile(f.path, want, 0o755); err != nil {
			return err
		}
		// writeFile keeps an old file's mode; the hook must be executable
		// (Cline's toggle clears the bit to disable a hook).
		if err := os.Chmod(f.path, 0o755); err != nil {
			return err
		}
		verb := "created"
		if f.exists {
			verb = "updated"
		}
		fmt.Fprintf(o.Out, "rampart-hook: %s %s\n", verb, name)
		changed++
	}
	switch {
	case changed == 0 && o.Remove:
		fmt.Fprintf(o.Out, "rampart-hook: no rampart-hook hooks in %s; nothing changed\n", display(o, t.dir))
	case changed == 0:
		fmt.Fprintf(o.Out, "rampart-hook: %s already runs rampart-hook; nothing changed\n", display(o, t.dir))
	case !o.Remove:
		fmt.Fprintf(o.Out, "  command: %s\n", o.command)
		fmt.Fprintf(o.Out, "  undo:    %s\n", undo(o))
		for _, n := range t.notes {
			fmt.Fprintf(o.Out, "  note:    %s\n", n)
		}
	}
	return nil
}

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
// its hooks directory (PROTOCOLS.md 2.1). setup writes a two-line shell
// script per event that execs rampart-hook; a file of that name that is not
// rampart-hook's is never overwritten or removed.

// script is the hook file for one event.
func script(o Options, event string) []byte {
	return []byte("#!/bin/sh\n" +
		"# rampart-hook: Cline " + event + " hook written by `rampart-hook setup cline`;\n" +
		"# remove it with `" + undo(o) + "`.\n" +
		"exec " + o.command + "\n")
}

// isOurScript reports whether a hook file execs rampart-hook.
func isOurScript(b []byte) bool {
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "exec "); ok && IsOurs(rest) {
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

package setup

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"rampart.dev/rampart-hook/internal/ojson"
)

// runJSON installs or removes hooks in a JSON settings file.
func runJSON(o Options, t *target) error {
	root, raw, exists, err := readJSON(o, t.path)
	if err != nil {
		return err
	}
	if o.Remove {
		return removeJSON(o, t, root, exists)
	}
	pristine := !hasOurs(root, t)
	changes, err := install(o, root, t)
	if err != nil {
		return err
	}
	name := display(o, t.path)
	if len(changes) == 0 {
		fmt.Fprintf(o.Out, "rampart-hook: %s already runs rampart-hook; nothing changed\n", name)
		if t.verify != nil {
			t.verify(o, t)
		}
		return nil
	}
	backup := t.path + BackupSuffix
	if exists && pristine {
		if err := writeFile(backup, raw, 0o600); err != nil {
			return fmt.Errorf("cannot write backup: %w", err)
		}
	}
	if err := writeFile(t.path, ojson.Marshal(root), 0o644); err != nil {
		return err
	}
	verb := "updated"
	if !exists {
		verb = "created"
	}
	fmt.Fprintf(o.Out, "rampart-hook: %s %s\n", verb, name)
	for _, c := range changes {
		fmt.Fprintf(o.Out, "  %s\n", c)
	}
	fmt.Fprintf(o.Out, "  command: %s\n", o.command)
	if _, err := os.Stat(backup); err == nil {
		fmt.Fprintf(o.Out, "  backup:  %s\n", display(o, backup))
	}
	fmt.Fprintf(o.Out, "  undo:    %s\n", undo(o))
	for _, n := range t.notes {
		fmt.Fprintf(o.Out, "  note:    %s\n", n)
	}
	if t.verify != nil {
		t.verify(o, t)
	}
	return nil
}

// hooksOf returns the file's hooks object, creating it when create is set.
func hooksOf(o Options, root *ojson.Object, t *target, create bool) (*ojson.Object, error) {
	v, ok := root.Get("hooks")
	if !ok {
		if !create {
			return nil, nil
		}
		h := &ojson.Object{}
		root.Set("hooks", h)
		return h, nil
	}
	h, ok := v.(*ojson.Object)
	if !ok {
		return nil, refuse("make \"hooks\" an object, or move it aside", "%s: \"hooks\" is not an object; nothing was changed", display(o, t.path))
	}
	return h, nil
}

// install adds or updates rampart-hook's handler for each event and
// reports what it changed.
func install(o Options, root *ojson.Object, t *target) ([]string, error) {
	var changes []string
	var missing []ojson.Member
	for _, m := range t.skeleton {
		if _, ok := root.Get(m.Key); !ok {
			missing = append(missing, m)
			changes = append(changes, fmt.Sprintf("set %s: %v", m.Key, m.Value))
		}
	}
	root.Members = append(missing, root.Members...)
	hooks, err := hooksOf(o, root, t, true)
	if err != nil {
		return nil, err
	}
	want := t.handler(o.command)
	for _, ev := range t.events {
		v, _ := hooks.Get(ev.name)
		list, ok := v.([]any)
		if v != nil && !ok {
			return nil, refuse("make it a list, or move it aside", "%s: hooks.%s is not a list; nothing was changed", display(o, t.path), ev.name)
		}
		list, what := placeHandler(list, t, want)
		if what != "" {
			changes = append(changes, fmt.Sprintf("%s %s hook: %s", what, ev.name, ev.what))
			hooks.Set(ev.name, list)
		}
	}
	return changes, nil
}

// placeHandler puts want into an event's list: the first rampart-hook
// handler found is replaced by it, further ones are dropped, and with none
// it is appended in a group of its own. It reports "added", "updated" or
// "" when the list already had exactly want.
func placeHandler(list []any, t *target, want *ojson.Object) ([]any, string) {
	found, changed := false, false
	var out []any
	for _, item := range list {
		entry, ok := item.(*ojson.Object)
		if !ok {
			out = append(out, item)
			continue
		}
		if !t.grouped {
			if !t.ours(entry) {
				out = append(out, item)
				continue
			}
			if found {
				changed = true
				continue
			}
			found = true
			if !ojson.Equal(entry, want) {
				changed = true
				item = ojson.Clone(want)
			}
			out = append(out, item)
			continue
		}
		handlers, _ := entry.Get("hooks")
		hs, ok := handlers.([]any)
		if !ok {
			out = append(out, item)
			continue
		}
		var kept []any
		mine := false
		for _, h := range hs {
			ho, ok := h.(*ojson.Object)
			if !ok || !t.ours(ho) {
				kept = append(kept, h)
				continue
			}
			mine = true
			if found {
				changed = true
				continue
			}
			found = true
			if !ojson.Equal(ho, want) {
				changed = true
				h = ojson.Clone(want)
			}
			kept = append(kept, h)
		}
		if k, ok := single(kept); mine && ok && t.ours(k) {
			// A group of rampart-hook's own: keep its matcher right too.
			m, _ := entry.Get("matcher")
			if t.matcher != "" && m != t.matcher {
				entry.Set("matcher", t.matcher)
				changed = true
			}
		}
		if mine && len(kept) == 0 {
			continue
		}
		if mine {
			entry.Set("hooks", kept)
		}
		out = append(out, item)
	}
	if !found {
		if t.grouped {
			g := &ojson.Object{}
			if t.matcher != "" {
				g.Set("matcher", t.matcher)
			}
			g.Set("hooks", []any{ojson.Clone(want)})
			out = append(out, g)
		} else {
			out = append(out, ojson.Clone(want))
		}
		if out == nil {
			out = []any{}
		}
		return out, "added"
	}
	if changed {
		if out == nil {
			out = []any{}
		}
		return out, "updated"
	}
	return list, ""
}

// single returns the one handler of a list that holds exactly one object.
func single(l []any) (*ojson.Object, bool) {
	if len(l) != 1 {
		return nil, false
	}
	o, ok := l[0].(*ojson.Object)
	return o, ok
}

// ours reports whether a handler runs rampart-hook.
func (t *target) ours(h *ojson.Object) bool {
	v, _ := h.Get(t.commandKey)
	s, _ := v.(string)
	if s == "" && t.commandKey != "command" {
		v, _ = h.Get("command")
		s, _ = v.(string)
	}
	return IsOurs(s)
}

// hasOurs reports whether any event of the file runs rampart-hook.
func hasOurs(root *ojson.Object, t *target) bool {
	c := ojson.Clone(root).(*ojson.Object)
	return strip(c, t, nil) > 0
}

// strip removes every rampart-hook handler from every event and returns
// how many it removed. A group left without handlers goes too; so do an
// event list and the hooks object left empty by the removal, unless ref
// (the file before setup, when known) has them.
func strip(root *ojson.Object, t *target, ref *ojson.Object) int {
	v, _ := root.Get("hooks")
	hooks, ok := v.(*ojson.Object)
	if !ok {
		return 0
	}
	var refHooks *ojson.Object
	if ref != nil {
		rv, _ := ref.Get("hooks")
		refHooks, _ = rv.(*ojson.Object)
	}
	removed := 0
	kept := hooks.Members[:0]
	for _, m := range hooks.Members {
		list, ok := m.Value.([]any)
		if !ok {
			kept = append(kept, m)
			continue
		}
		before := removed
		out := []any{}
		for _, item := range list {
			entry, ok := item.(*ojson.Object)
			if !ok {
				out = append(out, item)
				continue
			}
			if t.ours(entry) {
				removed++
				continue
			}
			hv, _ := entry.Get("hooks")
			hs, ok := hv.([]any)
			if !ok {
				out = append(out, item)
				continue
			}
			rest := []any{}
			for _, h := range hs {
				if ho, ok := h.(*ojson.Object); ok && t.ours(ho) {
					removed++
					continue
				}
				rest = append(rest, h)
			}
			if len(rest) != len(hs) {
				if len(rest) == 0 {
					continue
				}
				entry.Set("hooks", rest)
			}
			out = append(out, item)
		}
		if removed > before {
			m.Value = out
			if len(out) == 0 && !refHas(refHooks, m.Key) {
				continue
			}
		}
		kept = append(kept, m)
	}
	hooks.Members = kept
	if removed > 0 && hooks.Len() == 0 && (ref == nil || !refHas(ref, "hooks")) {
		root.Delete("hooks")
	}
	return removed
}

func refHas(o *ojson.Object, key string) bool {
	if o == nil {
		return false
	}
	_, ok := o.Get(key)
	return ok
}

// removeJSON takes rampart-hook's handlers out of a settings file,
// restoring the backup byte for byte when nothing else changed since.
func removeJSON(o Options, t *target, root *ojson.Object, exists bool) error {
	name := display(o, t.path)
	if !exists {
		fmt.Fprintf(o.Out, "rampart-hook: %s does not exist; nothing to remove\n", name)
		return nil
	}
	backup := t.path + BackupSuffix
	braw, err := os.ReadFile(backup)
	var ref *ojson.Object
	switch {
	case err == nil:
		ref = &ojson.Object{}
		if strings.TrimSpace(string(braw)) != "" {
			if ref, err = ojson.Parse(braw); err != nil {
				ref = nil
			}
		}
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("cannot read backup: %w", err)
	}
	n := strip(root, t, ref)
	if n == 0 {
		fmt.Fprintf(o.Out, "rampart-hook: %s has no rampart-hook entries; nothing changed\n", name)
		return nil
	}
	switch {
	case ref != nil && ojson.Equal(ref, root):
		if err := writeFile(t.path, braw, 0o644); err != nil {
			return err
		}
		os.Remove(backup)
		fmt.Fprintf(o.Out, "rampart-hook: restored %s from %s, byte for byte\n", name, display(o, backup))
		return nil
	case braw == nil && onlySkeleton(root, t):
		if err := os.Remove(t.path); err != nil {
			return err
		}
		fmt.Fprintf(o.Out, "rampart-hook: removed %s (setup had created it)\n", name)
		return nil
	}
	if err := writeFile(t.path, ojson.Marshal(root), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "rampart-hook: removed %d rampart-hook hook(s) from %s; everything else is as it was\n", n, name)
	if braw != nil {
		fmt.Fprintf(o.Out, "  the file before setup is still in %s\n", display(o, backup))
	}
	return nil
}

// onlySkeleton reports whether nothing but the keys setup adds is left.
func onlySkeleton(root *ojson.Object, t *target) bool {
	for _, m := range root.Members {
		keep := false
		for _, s := range t.skeleton {
			if m.Key == s.Key && ojson.Equal(m.Value, s.Value) {
				keep = true
			}
		}
		if !keep {
			return false
		}
	}
	return true
}

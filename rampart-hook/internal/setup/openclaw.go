package setup

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"rampart.dev/rampart-hook/internal/ojson"
)

// OpenClaw has no hook settings file: Rampart ships a plugin (a directory
// with openclaw.plugin.json and index.js, in Options.OpenClawPlugin) that
// runs in the gateway's before_tool_call hook. Setup writes it to
// $OPENCLAW_STATE_DIR/rampart-plugin (default ~/.openclaw), with
// rampart.json naming the hook command, and selects it in the gateway's
// config ($OPENCLAW_CONFIG_PATH, default STATE/openclaw.json):
// plugins.load.paths gains the directory and plugins.entries.rampart is
// enabled. Remove takes both out again and deletes the directory. A config
// in JSON5 (comments, unquoted keys) is not rewritten: setup says what to
// add by hand.

// openclawPluginID is the plugin's id in openclaw.plugin.json.
const openclawPluginID = "rampart"

type openclawPaths struct{ state, config, plugin string }

func openclawPathsFor(o Options) (openclawPaths, error) {
	var p openclawPaths
	p.state = o.Getenv("OPENCLAW_STATE_DIR")
	if p.state == "" {
		if o.Home == "" {
			return p, fmt.Errorf("cannot find the home directory (set HOME or OPENCLAW_STATE_DIR)")
		}
		p.state = filepath.Join(o.Home, ".openclaw")
	}
	p.config = o.Getenv("OPENCLAW_CONFIG_PATH")
	if p.config == "" {
		p.config = filepath.Join(p.state, "openclaw.json")
	}
	p.plugin = filepath.Join(p.state, "rampart-plugin")
	return p, nil
}

func runOpenClaw(o Options) error {
	if o.Scope != "user" {
		return fmt.Errorf("--scope %s: OpenClaw plugins are per gateway; use --scope user", o.Scope)
	}
	p, err := openclawPathsFor(o)
	if err != nil {
		return err
	}
	if o.Remove {
		return removeOpenClaw(o, p)
	}
	if o.OpenClawPlugin == nil {
		return errors.New("this rampart-hook was built without the OpenClaw plugin")
	}
	if err := writePlugin(o, p.plugin); err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "rampart-hook: wrote the OpenClaw plugin to %s\n", display(o, p.plugin))
	fmt.Fprintf(o.Out, "  command: %s\n", o.command)
	root, raw, exists, err := readJSON(o, p.config)
	if err != nil {
		var re *RefusedError
		if errors.As(err, &re) {
			re.Hint = fmt.Sprintf("add %q to plugins.load.paths and set plugins.entries.rampart.enabled to true in %s, or run: openclaw plugins install --link %s --force && openclaw plugins enable rampart",
				p.plugin, display(o, p.config), p.plugin)
		}
		return err
	}
	if !selectPlugin(root, p.plugin) {
		fmt.Fprintf(o.Out, "  %s already loads it; nothing changed there\n", display(o, p.config))
	} else {
		if exists && !hasRampartEntry(raw) {
			if err := writeFile(p.config+BackupSuffix, raw, 0o600); err != nil {
				return fmt.Errorf("cannot write backup: %w", err)
			}
		}
		if err := writeFile(p.config, ojson.Marshal(root), 0o600); err != nil {
			return err
		}
		fmt.Fprintf(o.Out, "  %s: plugins.load.paths has the plugin and plugins.entries.rampart is enabled\n", display(o, p.config))
	}
	fmt.Fprintf(o.Out, "  undo:    %s\n", undo(o))
	fmt.Fprintf(o.Out, "  note:    restart the gateway (openclaw gateway restart) to load it\n")
	return nil
}

// writePlugin copies the embedded plugin into dir with rampart.json.
func writePlugin(o Options, dir string) error {
	err := fs.WalkDir(o.OpenClawPlugin, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(o.OpenClawPlugin, path)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, filepath.FromSlash(path)), b, 0o644)
	})
	if err != nil {
		return err
	}
	cmd := append([]string{o.Hook, "--format", "openclaw"}, o.Flags...)
	b, _ := json.MarshalIndent(map[string]any{"command": cmd}, "", "  ")
	return writeFile(filepath.Join(dir, "rampart.json"), append(b, '\n'), 0o644)
}

// selectPlugin adds dir to plugins.load.paths and enables the entry. It
// reports whether anything changed.
func selectPlugin(root *ojson.Object, dir string) bool {
	plugins := child(root, "plugins")
	load := child(plugins, "load")
	paths, _ := load.Get("paths")
	list, _ := paths.([]any)
	changed := false
	if !containsString(list, dir) {
		load.Set("paths", append(list, dir))
		changed = true
	}
	entries := child(plugins, "entries")
	entry := child(entries, openclawPluginID)
	if v, _ := entry.Get("enabled"); v != true {
		entry.Set("enabled", true)
		changed = true
	}
	return changed
}

// child returns o[key] as an object, creating it when missing or not one.
func child(o *ojson.Object, key string) *ojson.Object {
	if v, ok := o.Get(key); ok {
		if c, ok := v.(*ojson.Object); ok {
			return c
		}
	}
	c := &ojson.Object{}
	o.Set(key, c)
	return c
}

func containsString(list []any, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func hasRampartEntry(raw []byte) bool {
	return bytes.Contains(raw, []byte("rampart-plugin"))
}

func removeOpenClaw(o Options, p openclawPaths) error {
	removed := false
	manifest := filepath.Join(p.plugin, "openclaw.plugin.json")
	if b, err := os.ReadFile(manifest); err == nil {
		var m struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(b, &m) != nil || m.ID != openclawPluginID {
			return refuse("remove it by hand if it is not needed", "%s is not Rampart's plugin; nothing was changed", display(o, p.plugin))
		}
		if err := os.RemoveAll(p.plugin); err != nil {
			return err
		}
		fmt.Fprintf(o.Out, "rampart-hook: removed %s\n", display(o, p.plugin))
		removed = true
	}
	root, raw, exists, err := readJSON(o, p.config)
	if err != nil || !exists {
		if !removed {
			fmt.Fprintf(o.Out, "rampart-hook: the OpenClaw plugin is not installed; nothing to remove\n")
		}
		return err
	}
	if !deselectPlugin(root, p.plugin) {
		if !removed {
			fmt.Fprintf(o.Out, "rampart-hook: the OpenClaw plugin is not installed; nothing to remove\n")
		}
		return nil
	}
	backup := p.config + BackupSuffix
	if braw, err := os.ReadFile(backup); err == nil {
		if ref, err := ojson.Parse(braw); err == nil && ojson.Equal(ref, root) {
			if err := writeFile(p.config, braw, 0o600); err != nil {
				return err
			}
			os.Remove(backup)
			fmt.Fprintf(o.Out, "rampart-hook: restored %s from %s, byte for byte\n", display(o, p.config), display(o, backup))
			return nil
		}
	}
	_ = raw
	if err := writeFile(p.config, ojson.Marshal(root), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "rampart-hook: took the plugin out of %s; everything else is as it was\n", display(o, p.config))
	return nil
}

// deselectPlugin undoes selectPlugin, dropping objects it leaves empty.
func deselectPlugin(root *ojson.Object, dir string) bool {
	v, ok := root.Get("plugins")
	plugins, isObj := v.(*ojson.Object)
	if !ok || !isObj {
		return false
	}
	changed := false
	if lv, ok := plugins.Get("load"); ok {
		if load, ok := lv.(*ojson.Object); ok {
			if pv, ok := load.Get("paths"); ok {
				if list, ok := pv.([]any); ok && containsString(list, dir) {
					var kept []any
					for _, x := range list {
						if x != dir {
							kept = append(kept, x)
						}
					}
					if len(kept) == 0 {
						load.Delete("paths")
					} else {
						load.Set("paths", kept)
					}
					changed = true
				}
			}
			if load.Len() == 0 {
				plugins.Delete("load")
			}
		}
	}
	if ev, ok := plugins.Get("entries"); ok {
		if entries, ok := ev.(*ojson.Object); ok {
			if entries.Delete(openclawPluginID) {
				changed = true
			}
			if entries.Len() == 0 {
				plugins.Delete("entries")
			}
		}
	}
	if plugins.Len() == 0 {
		root.Delete("plugins")
	}
	return changed
}

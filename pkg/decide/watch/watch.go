// Package watch reloads a decision point's policy when its files change
// (inotify, kqueue and the like, through fsnotify). It is a package of its
// own so that a one-shot process, which never watches, does not link
// fsnotify (its initialisation and its functions, which the runtime checks
// at every start).
package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"rampart.dev/pkg/decide"
)

// reloadDelay lets an editor finish writing (write, rename, chmod) before
// the policy is read again.
const reloadDelay = 100 * time.Millisecond

// Policy reloads p whenever one of its policy files (WatchedFiles: the
// user's and the managed one) is written, created, replaced or removed,
// until ctx is done; every long-lived adapter uses it. It watches the
// files' directories, so an editor that saves by renaming a new file over
// the old one is seen, and so is a file that does not exist yet; for a
// symlinked file, its target's directory too. A reload that fails keeps
// the last good policy and is written to the audit trail (by Reload). Each outcome is
// reported (err nil on success). Project layers need no watching: they
// are checked at every call (see Tiers).
func Policy(ctx context.Context, p *decide.Point, report func(error)) error {
	return Files(ctx, p.WatchedFiles(), p.Reload, report)
}

// Files calls reload when one of files changes (see Policy), until ctx
// is done, and reports each outcome.
func Files(ctx context.Context, files []string, reload func() error, report func(error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	want := map[string]bool{}
	dirs := map[string]bool{}
	for _, f := range files {
		f, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		want[f] = true
		dirs[filepath.Dir(f)] = true
		if t, err := filepath.EvalSymlinks(f); err == nil && t != f {
			want[t] = true
			dirs[filepath.Dir(t)] = true
		}
	}
	added := 0
	var addErr error
	for dir := range dirs {
		if err := w.Add(dir); err == nil {
			added++
		} else {
			addErr = err
		}
	}
	if added == 0 && len(dirs) > 0 {
		w.Close()
		return fmt.Errorf("none of the policy directories can be watched: %w", addErr)
	}
	go func() {
		defer w.Close()
		var timer *time.Timer
		var fire <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if !want[filepath.Clean(ev.Name)] {
					continue
				}
				if timer == nil {
					timer = time.NewTimer(reloadDelay)
				} else {
					timer.Reset(reloadDelay)
				}
				fire = timer.C
			case <-fire:
				fire = nil
				report(reload())
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return nil
}

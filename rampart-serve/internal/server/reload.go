package server

import (
	"context"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long a burst of file events must be quiet before the policy
// is read again: editors write a file in several steps.
const settle = 100 * time.Millisecond

// WatchPolicy calls reload whenever the file at path is written, created,
// replaced or removed, until ctx is done, and reports each outcome through
// report (err is nil on success). It watches the file's directory, so an
// editor that saves by renaming a new file over the old one is seen, and so
// is a file that does not exist yet.
func WatchPolicy(ctx context.Context, path string, reload func() error, report func(error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	dir, base := filepath.Dir(path), filepath.Base(path)
	if err := w.Add(dir); err != nil {
		w.Close()
		return err
	}
	go func() {
		defer w.Close()
		var fire <-chan time.Time
		var t *time.Timer
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Base(ev.Name) != base {
					continue
				}
				if t == nil {
					t = time.NewTimer(settle)
				} else {
					t.Reset(settle)
				}
				fire = t.C
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

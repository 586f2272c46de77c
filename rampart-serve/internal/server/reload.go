package server

import (
	"context"

	"rampart.dev/pkg/decide/watch"
)

// WatchPolicy calls reload whenever the file at path is written, created,
// replaced or removed, until ctx is done, and reports each outcome through
// report (err is nil on success): pkg/decide/watch's watcher, which every
// long-lived adapter shares.
func WatchPolicy(ctx context.Context, path string, reload func() error, report func(error)) error {
	return watch.Files(ctx, []string{path}, reload, report)
}

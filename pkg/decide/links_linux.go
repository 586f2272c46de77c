//go:build linux

package decide

import (
	"errors"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Kept answers that a path has no symbolic link on it.
//
// A call answered from the memo (memo.go) has every path it named
// resolved again, so that a link made since is seen; most of those paths
// hold no link, and the kernel can only say so by opening the path
// (noLinksRaw: openat2 and close). projectWalks keeps that answer instead,
// under the inotify watch it already reads before every decision: every
// directory from the root down to the path's own directory is watched
// (with the watch, as a walk's, refused unless the directory is one, not
// a link, on a local file system), and the answer depends on the name of
// the next component in each. A component renamed, removed, created (a
// link put where a directory or file was) or given other permissions
// queues an event on its parent's watch before the call that made the
// change returns, and the next poll drops the answer. A mount on the way
// changes the mount table, which drops every answer, as a lost event does.
//
// A kept answer is used only after a poll that began after the call
// arrived (since: the polls begun before it), so a change made before
// the call has been read when it is used; otherwise that poll is made
// first. The answer is kept only when realPath, asked after the watches
// are in place, gives the path itself.

// maxLinkPaths bounds the paths whose answer a point keeps.
const maxLinkPaths = 256

// polled is the number of polls of the watch begun so far: a call reads
// it when it arrives and passes it to keptRealPath.
func (c *projectWalks) polled() uint64 { return c.polls.Load() }

// keptRealPath is realPath(path, raw) for a path whose last answer was
// path itself: answered from the kept answer when there is one and a poll
// began after since, and otherwise resolved, and the answer kept when it
// is path and every directory on the way can be watched. A path that is
// not kept is resolved without the cache's lock.
func (c *projectWalks) keptRealPath(path string, raw bool, since uint64) (string, bool) {
	if real, ok, done := c.keptAnswer(path, raw, since); done {
		return real, ok
	}
	return realPath(path, raw)
}

// keptAnswer is keptRealPath under the lock; done is false when path is
// to be resolved without it.
func (c *projectWalks) keptAnswer(path string, raw bool, since uint64) (real string, ok, done bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off || c.closed || !isClean(path) {
		return "", false, false
	}
	if c.w != nil && c.links[path] != nil {
		if c.polls.Load() <= since {
			c.sync() // no poll since the call arrived: this one
		}
		if e := c.links[path]; e != nil {
			e.used = true
			return path, true, true
		}
	}
	if n, refused := c.noLinks[path]; refused {
		// A path refused (a directory on the way that cannot be
		// watched) is resolved every time, and tried again after a
		// while.
		if c.noLinks[path] = n + 1; n+1 != 0 {
			return "", false, false
		}
		delete(c.noLinks, path)
	}
	return c.fillLink(path, raw)
}

// fillLink resolves path with the directories on its way watched first,
// and keeps the answer when it is path itself; done is false when path
// is to be resolved without the lock.
func (c *projectWalks) fillLink(path string, raw bool) (real string, ok, done bool) {
	if c.w == nil {
		w, err := openDirWatch()
		if err != nil {
			return "", false, false
		}
		c.setWatch(w)
	}
	var dirs []string
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	for len(c.links) >= maxLinkPaths || len(c.w.watches)+len(dirs) > maxWatches {
		if !c.evictLink() {
			return "", false, false // every kept answer in use: not this one
		}
	}
	e := &walk{cwd: path, link: true}
	// From the root down, before the path is resolved: a change made
	// from then on is reported.
	for i := len(dirs) - 1; i >= 0; i-- {
		wd, err := c.watch(dirs[i], dirEvents)
		if err != nil {
			c.release(e)
			// A link or a file where a directory is on the way, or
			// nothing there, is no reason to refuse the path once
			// that has changed; a directory that cannot be watched (a
			// file system whose changes are not all reported, no
			// watches left) is.
			if !errors.Is(err, unix.ENOTDIR) && !errors.Is(err, unix.ENOENT) {
				if len(c.noLinks) >= maxLinkPaths {
					clear(c.noLinks)
				}
				c.noLinks[path] = 1
			}
			return "", false, false
		}
		next := path
		if i > 0 {
			next = dirs[i-1]
		}
		c.depend(e, wd, filepath.Base(next))
	}
	real, ok = realPath(path, raw)
	if !ok || real != path {
		// A link on the way now: the memo keeps the new answer, and does
		// not ask here again while it holds.
		c.release(e)
		return real, ok, true
	}
	c.links[path] = e
	c.sync() // a change made meanwhile drops e at once
	return real, ok, true
}

// evictLink forgets a kept answer not used since the last eviction, if
// there is one.
func (c *projectWalks) evictLink() bool {
	for _, e := range c.links {
		if !e.used {
			c.forget(e)
			return true
		}
	}
	for _, e := range c.links {
		e.used = false
	}
	return false
}

package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a transfer client's own language removes on the other machine
// (lftp -e 'mirror -R --delete /tmp/empty /var/www/html', ftp's mdelete,
// sftp's rm), and a sync that deletes what the source lacks onto another
// machine (rsync --delete DIR/ host:/path/): the remote files are
// destroyed, as a cloud store's sync with --delete is (destroy:remote).
// A mirror that downloads (without -R) changes only this machine.

// transferDeleteVerbs are a transfer language's commands that remove
// remote files.
var transferDeleteVerbs = table.Map[string, bool]{Words: "rm mrm rmdir delete mdelete del rmtree"}

// transferDeletes adds destroy:remote for a transfer client's commands
// that remove remote files or mirror a local directory over a remote one
// with deletion.
func (a *analysis) transferDeletes(i int, c *shell.Command) {
	scan := func(t string) bool {
		for _, stmt := range strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == '\n' }) {
			fs := strings.Fields(stmt)
			if len(fs) < 2 {
				continue
			}
			verb := strings.ToLower(fs[0])
			if transferDeleteVerbs.Get(verb) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + ": " + strings.TrimSpace(stmt)})
				return true
			}
			if verb == "mirror" {
				reverse, deletes := false, false
				for _, o := range fs[1:] {
					switch {
					case o == "-R" || o == "--reverse":
						reverse = true
					case o == "--delete" || o == "--delete-first" || o == "-e":
						deletes = true
					case strings.HasPrefix(o, "-") && !strings.HasPrefix(o, "--") && strings.Contains(o, "R") && strings.Contains(o, "e"):
						reverse, deletes = true, true // -Re
					}
				}
				if reverse && deletes {
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + ": " + strings.TrimSpace(stmt)})
					return true
				}
			}
		}
		return false
	}
	for _, w := range c.Args {
		if strings.ContainsAny(w, " ;\n") && scan(w) {
			return
		}
	}
	for _, r := range c.Redirects {
		if (r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-") && scan(r.Target) {
			return
		}
	}
}

// remoteMirrorDelete judges a sync with deletion onto another machine
// (rsync --delete SRC/ host:/path/): from an empty or fresh temporary
// directory (/var/empty, /tmp/empty, $(mktemp -d)) it empties the remote
// path, destroy:remote; onto a host whose name says production it
// changes production. A deploy of a build to a server is everyday work.
func (a *analysis) remoteMirrorDelete(i int, c *shell.Command, cl *catalog.Classified, dest string) {
	host, _, _ := strings.Cut(dest, ":")
	if _, h, ok := strings.Cut(host, "@"); ok {
		host = h
	}
	for _, w := range cl.Words {
		if (w.Option == "--exclude" || w.Option == "-f" || w.Option == "--filter") && (w.Text == "*" || w.Text == "- *" || w.Text == "/*" || w.Text == "**") {
			// --delete-excluded --exclude='*': nothing is kept
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " that excludes everything over " + dest})
			return
		}
		if w.Option != "" || w.Role != catalog.Read {
			continue
		}
		if p := a.clean(w.Text, i); emptySource(p, w.Text) || a.madeOnLine(i, p) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " of an empty directory over " + dest})
			return
		}
	}
	if namesProduction(host) {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " that deletes what the source lacks on " + dest})
	}
}

// emptySource reports a source directory that holds nothing to keep: the
// system's empty directory, a fresh or scratch one under /tmp, or one
// anywhere whose own name says it is empty (empty/, ./empty-dir/): made
// to be synced over what it should clear.
func emptySource(p, raw string) bool {
	p = strings.TrimSuffix(p, "/")
	return p == "/var/empty" || p == "/var/lib/empty" || p == "/dev/null" || strings.HasPrefix(p, "/tmp/") && strings.Contains(p, "empty") ||
		strings.Contains(raw, "mktemp") || strings.Contains(strings.ToLower(path.Base(p)), "empty")
}

// madeOnLine reports a directory a mkdir before command i on the line
// makes (mkdir /tmp/x && rsync --delete /tmp/x/ host:…): new, so empty.
func (a *analysis) madeOnLine(i int, p string) bool {
	p = strings.TrimSuffix(p, "/")
	for k := 0; k < i; k++ {
		d := &a.res.Commands[k]
		if d.Name != "mkdir" {
			continue
		}
		for _, w := range d.Args {
			if !strings.HasPrefix(w, "-") && strings.TrimSuffix(a.clean(w, k), "/") == p {
				return true
			}
		}
	}
	return false
}

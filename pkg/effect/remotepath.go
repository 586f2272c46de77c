package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
)

// A copy from another host or a pod (scp HOST:PATH ., rsync HOST:PATH DIR,
// kubectl cp NS/POD:PATH F) reads PATH there: a credential file on that
// host is a credential taken as surely as one here. The remote path is
// judged as a read of the same path, a relative one (scp's, from the login
// directory) under the home directory, so the read rules that name
// credential files name it too. The last operand is where the copy goes,
// not what it reads.

// remoteRead adds a read of the path a remote operand names, unless it is
// the last operand (the destination) or names no path.
func (a *analysis) remoteRead(i int, cl *catalog.Classified, w catalog.Word) {
	if w.Option != "" || isLastPositional(cl, w) {
		return
	}
	p, ok := remotePath(w.Text)
	if !ok || p == "" || unresolved(p) {
		return
	}
	switch {
	case strings.HasPrefix(p, "/"):
	case strings.HasPrefix(p, "~/"):
		p = a.env.Home + p[1:]
	default:
		p = a.env.Home + "/" + p
	}
	a.add(Effect{Kind: Read, Cmd: i, Path: path.Clean(p), Detail: "remote"})
}

// remotePath returns the path of a remote operand: [user@]host:path, or a
// pod's namespace/pod:path.
func remotePath(w string) (string, bool) {
	if strings.Contains(w, "://") || strings.HasPrefix(w, "/") || strings.HasPrefix(w, ".") || strings.HasPrefix(w, "~") {
		return "", false
	}
	c := strings.IndexByte(w, ':')
	if c <= 0 || strings.ContainsAny(w[:c], " =") {
		return "", false
	}
	return w[c+1:], true
}

// isLastPositional reports whether w is the last positional word of a
// command with two or more.
func isLastPositional(cl *catalog.Classified, w catalog.Word) bool {
	last, n := -1, 0
	for _, x := range cl.Words {
		if x.Option == "" {
			last = x.Index
			n++
		}
	}
	return n >= 2 && w.Index == last
}

// copiesDatabaseHere reports a copy whose last operand is a local path
// and whose earlier operands include a remote one (HOST:PATH,
// NS/POD:PATH) naming a database's files: its data directory or a dump
// (databaseFile). Production's logs copied here are everyday work; its
// database's rows are its customers'.
func copiesDatabaseHere(cl *catalog.Classified) bool {
	remote, last := false, ""
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if last != "" {
			if p, ok := remotePath(last); ok && databaseFile(p) {
				remote = true
			}
		}
		last = w.Text
	}
	_, lastRemote := remotePath(last)
	return remote && last != "" && !lastRemote
}

// databaseDirs are where database servers keep their data.
var databaseDirs = [...]string{"/var/lib/postgresql", "/var/lib/pgsql", "/var/lib/mysql", "/var/lib/mariadb", "/var/lib/mongodb", "/var/lib/redis", "/data/db", "/bitnami/postgresql", "/bitnami/mysql", "/var/opt/mssql"}

// dumpExts are the endings of a database dump's file.
var dumpExts = [...]string{".sql", ".sql.gz", ".sql.zst", ".dump", ".pgdump", ".bak", ".rdb", ".bson", ".archive"}

// databaseFile reports a path in a database server's data directory or
// named as a dump.
func databaseFile(p string) bool {
	for _, d := range databaseDirs {
		if p == d || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	l := strings.ToLower(p)
	for _, x := range dumpExts {
		if strings.HasSuffix(l, x) {
			return true
		}
	}
	return false
}

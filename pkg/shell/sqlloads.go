package shell

import (
	"path"
	"strings"
)

// SQLite's and DuckDB's clients load a shared library into themselves by
// a dot-command (.load FILE) or SQL (load_extension('FILE')): its code
// runs there, as a program run by path does. A library downloaded on the
// line is a download run; one in a temporary directory or the downloads
// is code nobody here has read. SQLite adds the platform's ending to a
// name without one (.load /tmp/ext loads /tmp/ext.so).

// sqlLibraryClients are the clients that load libraries so.
var sqlLibraryClients = [...]string{"sqlite3", "sqlite", "duckdb", "spatialite", "litecli"}

// sqlLibraryLoads returns the libraries a SQL client's words load, each
// with the endings it may be found under; nil for any other program.
func sqlLibraryLoads(name string, words []string) []string {
	client := false
	for _, c := range sqlLibraryClients {
		client = client || name == c
	}
	if !client {
		return nil
	}
	var libs []string
	for _, w := range words[1:] {
		if !strings.Contains(w, "load") {
			continue // the cheap gate
		}
		for line := range strings.SplitSeq(w, "\n") {
			for st := range strings.SplitSeq(line, ";") {
				st = strings.TrimSpace(st)
				if rest, ok := strings.CutPrefix(st, ".load"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
					if f := strings.Fields(rest); len(f) > 0 {
						libs = appendLibrary(libs, strings.Trim(f[0], `'"`))
					}
				}
			}
			for rest := line; ; {
				k := strings.Index(rest, "load_extension(")
				if k < 0 {
					break
				}
				rest = strings.TrimLeft(rest[k+len("load_extension("):], " ")
				if rest != "" && (rest[0] == '\'' || rest[0] == '"') {
					if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
						libs = appendLibrary(libs, rest[1:1+end])
					}
				}
			}
		}
	}
	return libs
}

// appendLibrary appends lib, and lib with the platforms' endings when it
// has none.
func appendLibrary(libs []string, lib string) []string {
	if lib == "" {
		return libs
	}
	libs = append(libs, lib)
	if path.Ext(lib) == "" {
		libs = append(libs, lib+".so", lib+".dylib", lib+".dll")
	}
	return libs
}

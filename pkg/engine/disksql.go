package engine

import (
	"maps"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A program the catalogue does not know, given a file of SQL that is
// already on disk (dbq --dsn … --file fix.sql, -f fix.sql, --sql=@fix.sql,
// < fix.sql), runs what the file holds. When the caller lets the engine
// read files (Env.ScriptText), the file's text is read as if the line had
// written it: the statements an unknown program is handed are judged by
// the effects' own reading of them (effect/handedsql.go), against the
// database the line names. A file the line wrote is already read there.

// judgeDiskSQL judges the files of SQL on disk that res's unknown programs
// are given, with cwds the directories its commands run in; tool is the
// call's.
func (ev *evaluation) judgeDiskSQL(res *shell.Result, cwds []string, tool string) {
	read := ev.e.env.ScriptText
	if read == nil || ev.denied() {
		return
	}
	var files map[string]string
	var cmds []shell.Command
	cat := catalog.Default()
	for i := range res.Commands {
		c := &res.Commands[i]
		if c.Name == "" || !namesSQLFile(c) {
			continue
		}
		if e, _ := cat.Lookup(c.Name, c.Args); e != nil {
			continue // a known client's files are read by its entry's roles
		}
		cwd := ev.c.Cwd
		if i < len(cwds) && cwds[i] != "" {
			cwd = cwds[i]
		}
		text := func(w string) (string, bool) {
			if _, seen := res.Files[strings.TrimPrefix(w, "./")]; seen || ev.diskRead >= maxDiskScripts || strings.ContainsAny(w, "$`*?[") {
				return "", false
			}
			ev.diskRead++
			t, found := read(match.CleanPath(w, cwd, ev.e.env.Home))
			return t, found == ScriptRead
		}
		for _, w := range c.Args {
			if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "-") {
				w = v
			}
			w = strings.TrimPrefix(w, "@")
			if !sqlFileName(w) {
				continue
			}
			if t, ok := text(w); ok {
				if files == nil {
					files = maps.Clone(res.Files)
					if files == nil {
						files = map[string]string{}
					}
				}
				files[strings.TrimPrefix(w, "./")] = t
			}
		}
		for _, r := range c.Redirects {
			if r.Op != "<" || r.FD != "" && r.FD != "0" || !sqlFileName(r.Target) {
				continue
			}
			if t, ok := text(r.Target); ok {
				if cmds == nil {
					cmds = append([]shell.Command(nil), res.Commands...)
				}
				cmds[i].Stdin = append(cmds[i].Stdin[:len(cmds[i].Stdin):len(cmds[i].Stdin)], t)
			}
		}
	}
	if files == nil && cmds == nil {
		return
	}
	r := *res
	if files != nil {
		r.Files = files
	}
	if cmds != nil {
		r.Commands = cmds
	}
	for _, ef := range effect.Of(&r, cwds, effect.Env{Home: ev.e.env.Home, Cwd: ev.c.Cwd}) {
		if ef.Kind != effect.SQL && ef.Kind != effect.Destroy {
			continue
		}
		if ev.judgeEffect(ef, tool); ev.denied() {
			return
		}
	}
}

// namesSQLFile reports whether a command names a file of SQL among its
// words or as its standard input.
func namesSQLFile(c *shell.Command) bool {
	for _, w := range c.Args {
		if sqlFileName(w) {
			return true
		}
	}
	for _, r := range c.Redirects {
		if r.Op == "<" && sqlFileName(r.Target) {
			return true
		}
	}
	return false
}

// sqlFileName reports a word that ends in a file of SQL's name.
func sqlFileName(w string) bool {
	return len(w) > 4 && strings.EqualFold(w[len(w)-4:], ".sql")
}

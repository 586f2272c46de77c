package effect

import (
	"encoding/hex"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Files SQL reads and writes by name: MySQL's LOAD DATA [LOCAL] INFILE
// (LOCAL: the client reads this machine's file and sends it to the
// server) and SELECT … INTO OUTFILE / DUMPFILE, PostgreSQL's COPY … FROM /
// TO 'file' and \copy, pg_read_file, pg_read_binary_file, lo_import and
// lo_export, SQLite's readfile and writefile and ATTACH, MySQL's
// LOAD_FILE. A server on this machine
// reads and writes this machine's files; one elsewhere may too (LOCAL
// INFILE, \copy), so each is judged as a read or write here.

// sqlFileWords are the words a file name follows, with whether the file
// is read.
var sqlFileWords = []struct {
	word string
	read bool
}{
	{"INFILE", true}, {"OUTFILE", false}, {"DUMPFILE", false}, {"PG_READ_FILE(", true}, {"PG_READ_BINARY_FILE(", true},
	{"LO_IMPORT(", true}, {"READFILE(", true}, {"WRITEFILE(", false}, {"LOAD_FILE(", true},
	// DuckDB's readers and ClickHouse's file() table function read a
	// file of the machine the engine runs on; Hive and Spark's LOAD DATA
	// LOCAL INPATH one of the client's.
	{"READ_TEXT(", true}, {"READ_BLOB(", true}, {"READ_CSV(", true}, {"READ_CSV_AUTO(", true}, {"READ_JSON(", true},
	{"READ_JSON_AUTO(", true}, {"READ_NDJSON(", true}, {"READ_PARQUET(", true}, {" FILE(", true}, {",FILE(", true},
	{"INPATH", true},
}

// SQLFiles returns the files a SQL text reads and writes by name.
func SQLFiles(text string) (reads, writes []string) {
	if len(text) < 10 {
		return nil, nil
	}
	if dir, ok := redisDumpDir(text); ok {
		// Redis's CONFIG SET dir D: its next save writes D/dbfilename
		// (the old way into ~/.ssh/authorized_keys).
		writes = append(writes, strings.TrimRight(dir, "/")+"/dump.rdb")
	}
	if !strings.ContainsAny(text, "'\"") && !strings.Contains(text, "0x") && !strings.Contains(text, "0X") {
		return nil, writes
	}
	u := strings.ToUpper(text)
	for _, fw := range sqlFileWords {
		for off := 0; ; {
			i := strings.Index(u[off:], fw.word)
			if i < 0 {
				break
			}
			i += off + len(fw.word)
			off = i
			if name, ok := sqlLiteralAt(text, i); ok {
				if fw.read {
					reads = append(reads, name)
				} else {
					writes = append(writes, name)
				}
			}
		}
	}
	// lo_export(oid, 'file') writes its second argument.
	for i := range substrs.Occurrences(u, "LO_EXPORT(") {
		i += len("LO_EXPORT(")
		if c := topLevelComma(text[i:]); c >= 0 {
			if name, ok := sqlLiteralAt(text, i+c+1); ok {
				writes = append(writes, name)
			}
		}
	}
	// SQLite's and DuckDB's ATTACH [DATABASE] 'file' open a file for
	// reading and writing: what the statement reads comes from it, what
	// it creates or inserts is written into it.
	for i := range substrs.Occurrences(u, "ATTACH ") {
		i += len("ATTACH ")
		j := i
		if strings.HasPrefix(u[j:], "DATABASE ") {
			j += len("DATABASE ")
		}
		if strings.HasPrefix(u[j:], "IF NOT EXISTS ") {
			j += len("IF NOT EXISTS ")
		}
		if name, ok := sqlLiteralAt(text, j); ok && name != ":memory:" && name != "" {
			name = sqliteURIPath(name)
			reads = append(reads, name)
			writes = append(writes, name)
		}
	}
	// DuckDB reads a file named as a table: SELECT * FROM 'data.csv'.
	for off := 0; ; {
		i := strings.Index(u[off:], "FROM '")
		if i < 0 {
			break
		}
		i += off + len("FROM ")
		off = i
		if name, ok := sqlLiteralAt(text, i); ok && strings.ContainsAny(name, "/.") {
			reads = append(reads, name)
		}
	}
	// COPY t FROM 'file' / COPY t TO 'file', \copy alike.
	for stmt := range strings.SplitSeq(text, ";") {
		s := strings.TrimSpace(stmt)
		us := strings.ToUpper(s)
		if !strings.HasPrefix(us, "COPY ") && !strings.HasPrefix(us, "\\COPY ") {
			continue
		}
		for _, dir := range []string{" FROM ", " TO "} {
			if k := strings.LastIndex(us, dir); k >= 0 {
				if name, ok := sqlLiteralAt(s, k+len(dir)); ok {
					if dir == " FROM " {
						reads = append(reads, name)
					} else {
						writes = append(writes, name)
					}
				}
			}
		}
	}
	return reads, writes
}

// topLevelComma is the index of the first comma of s outside brackets and
// quotes opened in s (the end of a call's first argument: lo_export(
// lo_from_bytea(0, '…'), 'file')), or -1.
func topLevelComma(s string) int {
	if i, c := substrs.TopLevelEnd(s, 0, ","); c == ',' {
		return i
	}
	return -1
}

// sqliteURIPath is the file a SQLite URI filename names
// ("file:/home/u/x.db?mode=rwc" is /home/u/x.db); another name is itself.
func sqliteURIPath(name string) string {
	rest, ok := strings.CutPrefix(name, "file:")
	if !ok {
		return name
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	if r, ok := strings.CutPrefix(rest, "//"); ok { // file://localhost/x, file:///x
		if k := strings.IndexByte(r, '/'); k >= 0 {
			rest = r[k:]
		}
	}
	return rest
}

// sqlLiteralAt reads a quoted string literal starting at i (after spaces
// and an opening bracket), or a hex literal (MySQL's 0x2f6574…, X'2f…'),
// which is the same string.
func sqlLiteralAt(text string, i int) (string, bool) {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '(' || text[i] == '[') {
		i++
	}
	if s, ok := sqlHexLiteral(text[i:]); ok {
		return s, true
	}
	if len(text)-i > 7 && strings.EqualFold(text[i:i+7], "CONCAT(") {
		// CONCAT('/home/u/', '.ssh/id_rsa'): the literals joined
		var b strings.Builder
		j := i + 7
		for {
			lit, ok := sqlLiteralAt(text, j)
			if !ok {
				return "", false
			}
			b.WriteString(lit)
			j = strings.Index(text[j:], lit) + j + len(lit) + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if j >= len(text) || text[j] != ',' {
				return b.String(), true
			}
			j++
		}
	}
	if i >= len(text) || text[i] != '\'' && text[i] != '"' {
		return "", false
	}
	q := text[i]
	end := strings.IndexByte(text[i+1:], q)
	if end <= 0 {
		return "", false
	}
	return text[i+1 : i+1+end], true
}

// sqlFiles reports the files the SQL effects of a line read and write.
// A client that takes its command word by word (redis-cli CONFIG SET dir
// D) gives one SQL effect per word: their words are read together too.
func (a *analysis) sqlFiles() {
	n := len(a.out)
	var words []string
	for k := 0; k < n; k++ {
		e := a.out[k]
		if e.Kind != SQL {
			continue
		}
		words = append(words[:0], e.Target)
		for j := k + 1; j < n && a.out[j].Kind == SQL && a.out[j].Cmd == e.Cmd && !strings.ContainsAny(a.out[j].Target, " \t\n"); j++ {
			words = append(words, a.out[j].Target)
		}
		if len(words) > 3 && (k == 0 || a.out[k-1].Kind != SQL || a.out[k-1].Cmd != e.Cmd) {
			if dir, ok := redisDumpDir(strings.Join(words, " ")); ok {
				a.add(Effect{Kind: Write, Cmd: e.Cmd, Path: a.clean(strings.TrimRight(dir, "/")+"/dump.rdb", max(e.Cmd, 0))})
			}
		}
		reads, writes := SQLFiles(e.Target)
		for _, p := range reads {
			a.add(Effect{Kind: Read, Cmd: e.Cmd, Path: a.clean(p, max(e.Cmd, 0))})
		}
		var kept []string
		for _, p := range writes {
			p = a.clean(p, max(e.Cmd, 0))
			a.add(Effect{Kind: Write, Cmd: e.Cmd, Path: p})
			if !inBackupDir(p) && !slices.ContainsFunc(reads, func(r string) bool { return a.clean(r, max(e.Cmd, 0)) == p }) {
				kept = append(kept, p) // (a database ATTACHed is read and written: not a copy's file)
			}
		}
		if len(kept) > 0 && e.Cmd >= 0 && e.Cmd < len(a.per) && a.per[e.Cmd].source == "production-data" && a.per[e.Cmd].sink == "" {
			// duckdb -c "ATTACH 'host=db.prod…' AS p (TYPE postgres); COPY
			// p.public.users TO 'users.csv'": production's records written
			// here by the statement, as pg_dump -h db.prod > x.sql writes
			// them (flow.go)
			a.add(Effect{Kind: Flow, Cmd: e.Cmd, Detail: "production-data->file", Word: a.res.Commands[e.Cmd].Name + " " + strings.Join(kept, " ")})
		}
	}
}

// redisDumpDir returns the directory of a Redis CONFIG SET dir command.
func redisDumpDir(text string) (string, bool) {
	f := strings.Fields(text)
	for i := 0; i+3 < len(f); i++ {
		if strings.EqualFold(f[i], "CONFIG") && strings.EqualFold(f[i+1], "SET") && strings.EqualFold(f[i+2], "dir") {
			return strings.Trim(f[i+3], "'\""), true
		}
	}
	return "", false
}

// sqlHexLiteral decodes a hex string literal at the start of s: 0xHEX or
// X'HEX'.
func sqlHexLiteral(s string) (string, bool) {
	var h string
	switch {
	case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		j := 2
		for j < len(s) && isHexByte(s[j]) {
			j++
		}
		h = s[2:j]
	case len(s) > 3 && (s[0] == 'x' || s[0] == 'X') && s[1] == '\'':
		end := strings.IndexByte(s[2:], '\'')
		if end < 0 {
			return "", false
		}
		h = s[2 : 2+end]
	default:
		return "", false
	}
	if len(h) < 2 || len(h)%2 != 0 {
		return "", false
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return "", false
	}
	return string(b), true
}

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

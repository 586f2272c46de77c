package effect

import "strings"

// sqlProgramWords are the words a command the database server's shell
// runs follows: PostgreSQL's COPY … TO PROGRAM 'cmd' and FROM PROGRAM,
// SQL Server's xp_cmdshell 'cmd', and the settings whose value the
// server runs as a command (archive_command, restore_command,
// archive_cleanup_command, recovery_end_command: ALTER SYSTEM SET x = 'cmd'),
// and ClickHouse's executable('cmd', …) table function, whose command the
// server runs for the rows it prints.
var sqlProgramWords = [...]string{"PROGRAM", "XP_CMDSHELL", "ARCHIVE_COMMAND", "RESTORE_COMMAND", "ARCHIVE_CLEANUP_COMMAND", "RECOVERY_END_COMMAND", "EXECUTABLE"}

// SQLPrograms returns the shell commands a statement hands to the database
// server's shell (sqlProgramWords).
func SQLPrograms(raw string) []string {
	if len(raw) < 12 {
		return nil
	}
	u := strings.ToUpper(raw)
	var out []string
	for _, w := range sqlProgramWords {
		out = sqlProgramsAfter(raw, u, w, out)
	}
	return out
}

// sqlProgramsAfter appends the string literals that follow word in raw
// (u is raw upper-cased), after spaces, "=", "TO" and an opening bracket.
func sqlProgramsAfter(raw, u, word string, out []string) []string {
	for off := 0; ; {
		i := strings.Index(u[off:], word)
		if i < 0 {
			return out
		}
		i += off + len(word)
		off = i
		rest := strings.TrimLeft(raw[i:], " \t\n=(")
		if len(rest) > 3 && strings.EqualFold(rest[:3], "TO ") {
			rest = strings.TrimLeft(rest[3:], " \t\n")
		}
		if len(rest) > 1 && (rest[0] == 'N' || rest[0] == 'n') && rest[1] == '\'' {
			rest = rest[1:] // SQL Server's N'…' is a literal too
		}
		if rest == "" || rest[0] != '\'' && rest[0] != '"' && rest[0] != '$' {
			continue
		}
		q := rest[:1]
		if q == "$" { // $$…$$ or $tag$…$tag$
			k := strings.IndexByte(rest[1:], '$')
			if k < 0 {
				continue
			}
			q = rest[:k+2]
		}
		body := rest[len(q):]
		end := strings.Index(body, q)
		for q == "'" && end >= 0 && end+1 < len(body) && body[end+1] == '\'' {
			// '' is a quote inside the literal
			next := strings.Index(body[end+2:], q)
			if next < 0 {
				end = -1
				break
			}
			end += 2 + next
		}
		if end >= 0 {
			out = append(out, strings.ReplaceAll(body[:end], "''", "'"))
		}
	}
}

package engine

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// SQL that picks the rows it changes by their age rather than by their key:
// DELETE FROM orders WHERE created_at < now() - interval '90 days', UPDATE
// invoices SET status = 'void' WHERE issued_at < '2025-01-01'. It changes
// every record older than a date at once (a retention purge, a bulk close),
// however few rows it names. Rows whose own column says they have expired
// (expires_at, expiry, ttl, valid_until) are housekeeping, and a statement
// that also pins one row by its id changes that row only.

// rowKeyPinned matches a WHERE clause that names one row (or a list) by its
// own key.
var rowKeyPinned = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`(^|[^a-z0-9_.])(id|uuid|pk)\s*(=|in\s*\()`) }}

// expiryParts are the parts of a column's name that say the row has a
// lifetime of its own.
var expiryParts = [...]string{"expir", "ttl", "until", "valid"}

// purgesByAge returns the column by whose age a DELETE or UPDATE picks its
// rows (a < or <= comparison, or a BETWEEN), or "".
func purgesByAge(sql string) string {
	if len(sql) > 1<<14 {
		return ""
	}
	l := strings.ToLower(sql)
	if !strings.Contains(l, "delete") && !strings.Contains(l, "update") {
		return ""
	}
	k := wordIndex(l, "where")
	if k < 0 {
		return ""
	}
	where := l[k+len("where"):]
	if rowKeyPinned.Get().MatchString(where) {
		return ""
	}
	for _, cond := range sqlConditions(unquoteSQL(where)) {
		if col := ageCondition(cond); col != "" {
			return col
		}
	}
	return ""
}

// sqlConditions splits a WHERE clause at its ANDs, ORs and semicolons.
func sqlConditions(where string) []string {
	var out []string
	from := 0
	for i := 0; i < len(where); i++ {
		switch {
		case where[i] == ';':
		case (strings.HasPrefix(where[i:], "and") || strings.HasPrefix(where[i:], "or")) && (i == 0 || !isWordByte(where[i-1])):
			n := 3
			if where[i] == 'o' {
				n = 2
			}
			if i+n < len(where) && isWordByte(where[i+n]) {
				continue
			}
		default:
			continue
		}
		out = append(out, where[from:i])
		from = i + 1
	}
	return append(out, where[from:])
}

// unquoteSQL blanks the text of string literals ('90 days' is no column).
func unquoteSQL(s string) string {
	b := []byte(s)
	in := false
	for i, c := range b {
		if c == '\'' {
			in = !in
			continue
		}
		if in {
			b[i] = ' '
		}
	}
	return string(b)
}

// ageCondition returns the time column a condition orders against a
// moment (created_at < now() - interval '90 days', age(created_at) >
// interval '1 year', now() - interval '30 days' > created_at,
// created_at BETWEEN …), or "". A condition on a row's own expiry
// (expires_at < now()) is housekeeping; functions and the current
// moment's keywords (current_date, now()) are not columns.
func ageCondition(cond string) string {
	if !ordersValues(cond) {
		return ""
	}
	col := ""
	for i := 0; i < len(cond); {
		if !isWordByte(cond[i]) {
			i++
			continue
		}
		j := i
		for j < len(cond) && (isWordByte(cond[j]) || cond[j] == '.') {
			j++
		}
		w := cond[i:j]
		if d := strings.LastIndexByte(w, '.'); d >= 0 {
			w = w[d+1:]
		}
		i = j
		if next := strings.TrimLeft(cond[j:], " "); strings.HasPrefix(next, "(") || strings.HasPrefix(next, "'") || currentMoment(w) {
			continue // a function, a typed literal (date '2024-01-01'), now
		}
		for _, p := range expiryParts {
			if strings.Contains(w, p) {
				return "" // the row's own lifetime
			}
		}
		if col == "" && timeColumn(w) {
			col = w
		}
	}
	return col
}

// ordersValues reports a condition that compares by order: <, <=, >, >=
// or BETWEEN (not =, <>, != or a JSON arrow ->).
func ordersValues(cond string) bool {
	for i := 0; i < len(cond); i++ {
		switch cond[i] {
		case '<':
			if i+1 >= len(cond) || cond[i+1] != '>' {
				return true
			}
		case '>':
			if (i == 0 || cond[i-1] != '<' && cond[i-1] != '-') && !(i > 1 && cond[i-1] == '>' && cond[i-2] == '-') {
				return true
			}
		}
	}
	return wordIndex(cond, "between") >= 0
}

// currentMoment reports SQL's words for the moment a statement runs.
func currentMoment(w string) bool {
	switch w {
	case "current_date", "current_timestamp", "current_time", "localtimestamp", "localtime", "sysdate", "systimestamp", "interval":
		return true
	}
	return false
}

// wordIndex returns the index of w in s as a whole word, or -1.
func wordIndex(s, w string) int {
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return -1
		}
		k += from
		if (k == 0 || !isWordByte(s[k-1])) && (k+len(w) >= len(s) || !isWordByte(s[k+len(w)])) {
			return k
		}
		from = k + len(w)
	}
	return -1
}

// identBefore returns the identifier that ends before offset i (spaces
// skipped), without a table's prefix (o.created_at is created_at).
func identBefore(s string, i int) string {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (isWordByte(s[k-1]) || s[k-1] == '.' || s[k-1] == '"' || s[k-1] == '`') {
		k--
	}
	id := strings.Trim(s[k:j], "\"`")
	if d := strings.LastIndexByte(id, '.'); d >= 0 {
		id = id[d+1:]
	}
	return id
}

// timeColumn reports a column named for a moment (created_at, signup_date,
// issued_on, timestamp) that is not a row's own expiry.
func timeColumn(c string) bool {
	if c == "" {
		return false
	}
	for _, p := range expiryParts {
		if strings.Contains(c, p) {
			return false
		}
	}
	switch c {
	case "date", "time", "timestamp", "ts", "created", "updated", "modified", "createdat", "updatedat":
		return true
	}
	for _, suffix := range [...]string{"_at", "_on", "_date", "_time", "_ts", "date", "timestamp"} {
		if strings.HasSuffix(c, suffix) {
			return true
		}
	}
	return false
}

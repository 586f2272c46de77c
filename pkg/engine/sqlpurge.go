package engine

import (
	"regexp"
	"strings"
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
var rowKeyPinned = regexp.MustCompile(`(^|[^a-z0-9_.])(id|uuid|pk)\s*(=|in\s*\()`)

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
	if rowKeyPinned.MatchString(where) {
		return ""
	}
	for i := 0; i < len(where); i++ {
		op := 0
		switch {
		case where[i] == '<' && (i+1 >= len(where) || where[i+1] != '>'):
			op = 1
		case strings.HasPrefix(where[i:], "between") && (i == 0 || !isWordByte(where[i-1])):
			op = len("between")
		}
		if op == 0 {
			continue
		}
		if col := identBefore(where, i); timeColumn(col) {
			return col
		}
		i += op - 1
	}
	return ""
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

package engine

import (
	"regexp"
	"strconv"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A statement that deletes or updates "WHERE 1=1", "WHERE id = id" or
// "WHERE id = 5 OR 2 > 1" touches every row, as one without WHERE does;
// a document filter such as {_id: {$exists: true}} passes every document,
// as {} does. The SQL rules are written for the plain forms, so these are
// rewritten to them before matching.

// dropTautologies removes, from normalised (upper-cased, single-spaced,
// string-emptied) SQL, each WHERE clause that holds for every row: one of
// its top-level OR terms is always true.
func dropTautologies(s string) string {
	if !strings.Contains(s, "WHERE ") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "WHERE ")
		if i < 0 || i > 0 && isWordByte(s[i-1]) {
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i+6])
			s = s[i+6:]
			continue
		}
		end := clauseEnd(s, i+6)
		if alwaysTrue(s[i+6 : end]) {
			b.WriteString(s[:i])
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
	}
}

// clauseEnd is where a WHERE clause starting at i ends: a ";", a closing
// bracket it did not open, or a keyword that follows a condition.
func clauseEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return j
			}
			depth--
		case ';':
			if depth == 0 {
				return j
			}
		case ' ':
			if depth == 0 {
				rest := s[j+1:]
				for _, kw := range clauseEnders {
					if strings.HasPrefix(rest, kw) && (len(rest) == len(kw) || !isWordByte(rest[len(kw)])) {
						return j
					}
				}
			}
		}
	}
	return len(s)
}

var clauseEnders = []string{"RETURNING", "ORDER", "LIMIT", "GROUP", "HAVING", "UNION", "OFFSET", "SETTINGS"}

// alwaysTrue reports whether a condition holds for every row: a top-level
// OR term that is a true constant or compares two equal things.
func alwaysTrue(cond string) bool {
	terms := splitTopLevel(cond, " OR ")
	for _, term := range terms {
		if trueTerm(strings.TrimSpace(term)) {
			return true
		}
	}
	// X IS NULL OR X IS NOT NULL: between them, every row.
	for _, term := range terms {
		if x, ok := strings.CutSuffix(strings.TrimSpace(term), " IS NULL"); ok {
			for _, other := range terms {
				if strings.TrimSpace(other) == x+" IS NOT NULL" {
					return true
				}
			}
		}
	}
	return false
}

// keyTrue reports a test every row's key passes: ID IS NOT NULL, ID > 0,
// ID >= 1, ID <> 0 (a primary key is never null, and generated keys
// start at 1), for the names keys are given.
func keyTrue(t string) bool {
	if x, ok := strings.CutSuffix(t, " IS NOT NULL"); ok {
		return isKeyColumn(x)
	}
	m := comparison.Get().FindStringSubmatch(t)
	if m == nil || !isKeyColumn(m[1]) {
		return false
	}
	y, ok := number(m[3])
	if !ok {
		return false
	}
	switch strings.TrimSpace(m[2]) {
	case ">":
		return y < 1
	case ">=":
		return y <= 1
	case "<>", "!=":
		return y <= 0
	}
	return false
}

// isKeyColumn reports a column named as primary keys are (ID, _ID,
// USERS.ID, "ID", ROWID, OID, CTID, UUID, PK).
func isKeyColumn(x string) bool {
	if k := strings.LastIndexByte(x, '.'); k >= 0 {
		x = x[k+1:]
	}
	x = strings.Trim(x, `"[]`+"`")
	switch x {
	case "ID", "_ID", "ROWID", "_ROWID_", "OID", "CTID", "UUID", "PK":
		return true
	}
	return false
}

// splitTopLevel splits at sep outside brackets.
func splitTopLevel(s, sep string) []string {
	var out []string
	depth, last := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 && strings.HasPrefix(s[j:], sep) {
			out = append(out, s[last:j])
			last = j + len(sep)
			j += len(sep) - 1
		}
	}
	return append(out, s[last:])
}

// trueTerm reports a term that is always true.
func trueTerm(t string) bool {
	for len(t) > 1 && t[0] == '(' && t[len(t)-1] == ')' && closes(t) {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if m := between.Get().FindStringSubmatch(t); m != nil {
		// N BETWEEN A AND B, of numbers.
		x, ok1 := number(m[1])
		lo, ok2 := number(m[2])
		hi, ok3 := number(m[3])
		if ok1 && ok2 && ok3 {
			return lo <= x && x <= hi
		}
		return false
	}
	if m := inList.Get().FindStringSubmatch(t); m != nil {
		// X IN (..., X, ...).
		for _, e := range strings.Split(m[2], ",") {
			if e = strings.TrimSpace(e); e == m[1] {
				return true
			}
			x, ok1 := number(m[1])
			y, ok2 := number(e)
			if ok1 && ok2 && x == y {
				return true
			}
		}
		return false
	}
	if strings.Contains(t, " AND ") {
		// Only an AND outside brackets splits the term: NOT (a AND b) is
		// one term, and splitting it into itself would never end.
		if parts := splitTopLevel(t, " AND "); len(parts) > 1 {
			for _, x := range parts {
				if !trueTerm(strings.TrimSpace(x)) {
					return false
				}
			}
			return true
		}
	}
	switch t {
	case "TRUE", "NOT FALSE", "NOT 0", "NULL IS NULL":
		return true
	}
	if keyTrue(t) {
		return true
	}
	if x, ok := strings.CutSuffix(t, " IS NOT NULL"); ok {
		// 1 IS NOT NULL, TRUE IS NOT NULL: a constant is never null
		_, num := number(x)
		return num || x == "TRUE" || x == "FALSE" || x == "''"
	}
	if x, ok := strings.CutSuffix(t, " IS TRUE"); ok {
		return trueTerm(strings.TrimSpace(x))
	}
	if x, ok := strings.CutSuffix(t, " IS NOT FALSE"); ok {
		return trueTerm(strings.TrimSpace(x))
	}
	if rest, ok := strings.CutPrefix(t, "NOT "); ok {
		return falseTerm(strings.TrimSpace(rest))
	}
	if rest, ok := strings.CutPrefix(t, "EXISTS"); ok {
		// EXISTS (SELECT 1): a subquery with no table has its one row.
		rest = strings.TrimSpace(rest)
		return strings.HasPrefix(rest, "(") && closes(rest) && strings.HasPrefix(strings.TrimSpace(rest[1:]), "SELECT ") && !strings.Contains(rest, " FROM ")
	}
	if n, err := strconv.ParseFloat(t, 64); err == nil {
		return n != 0
	}
	m := comparison.Get().FindStringSubmatch(t)
	if m == nil {
		return false
	}
	a, op, b := m[1], strings.TrimSpace(m[2]), m[3]
	if op == "LIKE" || op == "ILIKE" {
		return a == b || b == "'%'"
	}
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			switch op {
			case "=", "==":
				return x == y
			case "<>", "!=":
				return x != y
			case "<":
				return x < y
			case ">":
				return x > y
			case "<=":
				return x <= y
			case ">=":
				return x >= y
			}
		}
	}
	// Two equal operands (id = id, '' = '' once literals are emptied).
	return a == b && (op == "=" || op == "==" || op == "<=" || op == ">=")
}

// falseTerm reports a term that is never true: FALSE, 0, NULL, a
// comparison of numbers that fails (1=0), or NOT of a true term.
func falseTerm(t string) bool {
	for len(t) > 1 && t[0] == '(' && t[len(t)-1] == ')' && closes(t) {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	switch t {
	case "FALSE", "0", "NULL", "NOT TRUE", "NOT 1":
		return true
	}
	if strings.Contains(t, " OR ") {
		if parts := splitTopLevel(t, " OR "); len(parts) > 1 {
			for _, x := range parts {
				if !falseTerm(strings.TrimSpace(x)) {
					return false
				}
			}
			return true
		}
	}
	if strings.Contains(t, " AND ") {
		if parts := splitTopLevel(t, " AND "); len(parts) > 1 {
			for _, x := range parts {
				if falseTerm(strings.TrimSpace(x)) {
					return true
				}
			}
			// id = 0 AND id = 1: one column equal to two constants
			return contradicts(parts)
		}
	}
	if rest, ok := strings.CutPrefix(t, "NOT "); ok {
		return trueTerm(strings.TrimSpace(rest))
	}
	m := comparison.Get().FindStringSubmatch(t)
	if m == nil {
		return false
	}
	x, ok1 := number(m[1])
	y, ok2 := number(m[3])
	if !ok1 || !ok2 {
		return false
	}
	switch strings.TrimSpace(m[2]) {
	case "=", "==":
		return x != y
	case "<>", "!=":
		return x == y
	case "<":
		return x >= y
	case ">":
		return x <= y
	case "<=":
		return x > y
	case ">=":
		return x < y
	}
	return false
}

// contradicts reports AND terms that set one operand equal to two
// different constants (id = 0 AND id = 1).
func contradicts(parts []string) bool {
	seen := map[string]string{}
	for _, p := range parts {
		m := comparison.Get().FindStringSubmatch(strings.TrimSpace(p))
		if m == nil || strings.TrimSpace(m[2]) != "=" {
			continue
		}
		a, b := m[1], m[3]
		if _, ok := number(a); ok {
			a, b = b, a
		}
		if _, ok := number(b); !ok {
			continue
		}
		if prev, ok := seen[a]; ok && prev != b {
			return true
		}
		seen[a] = b
	}
	return false
}

// closes reports whether a term's first bracket closes at its end.
func closes(t string) bool {
	depth := 0
	for j := 0; j < len(t); j++ {
		switch t[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && j < len(t)-1 {
				return false
			}
		}
	}
	return depth == 0
}

var comparison = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Z0-9_."'\[\]+*/%-]+) ?(==|=|<>|!=|<=|>=|<|>| LIKE | ILIKE ) ?([A-Z0-9_."'\[\]+*/%-]+)$`)
}}

var between = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^([0-9.+*/-]+) BETWEEN ([0-9.+*/-]+) AND ([0-9.+*/-]+)$`)
}}

var inList = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Z0-9_."'-]+) IN \(([^()]*)\)$`)
}}

// number reads a numeric literal, or two joined by one arithmetic
// operator (2-1, 3*0), as SQL would compute it.
func number(s string) (float64, bool) {
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, true
	}
	for k := 1; k < len(s); k++ {
		op := s[k]
		if op != '+' && op != '-' && op != '*' && op != '/' {
			continue
		}
		x, err1 := strconv.ParseFloat(s[:k], 64)
		y, err2 := strconv.ParseFloat(s[k+1:], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		switch op {
		case '+':
			return x + y, true
		case '-':
			return x - y, true
		case '*':
			return x * y, true
		default:
			if y == 0 {
				return 0, false
			}
			return x / y, true
		}
	}
	return 0, false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// matchAllFilters rewrites document filters that every document passes
// to {}: {_id: {$exists: true}}, {_id: {$ne: null}}, {$where: "1"},
// {$expr: true}.
func matchAllFilters(s string) string {
	if !strings.Contains(s, "{") || !strings.Contains(s, "$") {
		return s
	}
	return matchAll.Get().ReplaceAllString(s, "{}")
}

var matchAll = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	field := `"?_?ID"?`
	always := `(\{ ?"?\$EXISTS"? ?: ?(TRUE|1) ?\}|\{ ?"?\$NE"? ?: ?NULL ?\}|\{ ?"?\$GTE?"? ?: ?MINKEY(\(\))? ?\})`
	where := `"?\$WHERE"? ?: ?("(1|TRUE|RETURN TRUE;?)"|''|TRUE|FUNCTION ?\(\) ?\{ ?RETURN TRUE;? ?\})`
	expr := `"?\$EXPR"? ?: ?(TRUE|1)`
	return regexp.MustCompile(`\{ ?(` + field + ` ?: ?` + always + `|` + where + `|` + expr + `) ?\}`)
}}

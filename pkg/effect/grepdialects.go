package effect

import (
	"path"

	"rampart.dev/pkg/internal/table"
)

// The searches other than GNU grep read their options their own way:
// ripgrep's --sort, --color, --engine and -E take a value (rg --sort path
// . searches for ".", where GNU grep would search for "path"), and so do
// ag's --depth and -G. Each is read by its own table of the options it
// adds, and a long option that no table names is read, for these, as one
// that may take the next word: nothing unknown passes for a narrow
// pattern.

// grepDialect is how a search program reads its options.
type grepDialect struct {
	name       string                     // "grep", "rg", "ag" or "ack"
	long       *table.Map[string, string] // long options beyond grepLong, by kind; nil for GNU grep
	shortValue string                     // short options whose value is the rest of the cluster or the next word
	shortWide  string                     // short options that print more than the matching lines
}

// rgLong are ripgrep's long options that grepLong does not name, or names
// as another kind (GNU grep's --color takes its value only after "=").
var rgLong = table.Map[string, string]{Build: func() map[string]string {
	m := fieldKinds("value", "sort sortr color colors engine encoding max-columns threads max-depth maxdepth type-add type-clear "+
		"pre pre-glob path-separator replace max-filesize dfa-size-limit regex-size-limit context-separator "+
		"field-match-separator field-context-separator ignore-file hyperlink-format generate")
	for k, v := range fieldKinds("wide", "passthru passthrough multiline multiline-dotall search-zip null-data") {
		m[k] = v
	}
	for k, v := range fieldKinds("quiet", "files files-with-matches files-without-match count count-matches quiet") {
		m[k] = v
	}
	for k, v := range fieldKinds("flag", "no-heading heading vimgrep json trim pretty column no-column stats no-line-number "+
		"line-number unrestricted one-file-system crlf no-crlf null byte-offset line-buffered block-buffered "+
		"sort-files no-config no-messages debug trace case-sensitive ignore-case smart-case fixed-strings "+
		"word-regexp line-regexp only-matching hidden no-hidden no-ignore no-ignore-vcs no-ignore-dot "+
		"no-ignore-global no-ignore-parent no-ignore-exclude no-ignore-files follow no-follow pcre2 text "+
		"with-filename no-filename glob-case-insensitive type-list include-zero binary no-binary auto-hybrid-regex "+
		"no-unicode unicode no-mmap mmap no-require-git max-count-per-file") {
		m[k] = v
	}
	m["invert-match"] = "invert"
	return m
}}

// agLong are the Silver Searcher's long options that take a value or
// widen what it prints, beyond grepLong.
var agLong = table.Map[string, string]{Build: func() map[string]string {
	m := fieldKinds("value", "depth file-search-regex ignore ignore-dir pager path-to-ignore width workers")
	for k, v := range fieldKinds("flag", "nocolor color nogroup group noheading heading column hidden all-types unrestricted "+
		"skip-vcs-ignores literal case-sensitive smart-case silent stats vimgrep follow") {
		m[k] = v
	}
	return m
}}

// ackLong are ack's long options that take a value or print something
// else than the matching lines, beyond grepLong.
var ackLong = table.Map[string, string]{Build: func() map[string]string {
	m := fieldKinds("value", "type-set type-add type-del ignore-dir noignore-dir ignore-file pager range-start range-end")
	m["output"] = "wide" // ack --output=EXPR prints what the expression makes of each line
	m["match"] = "pattern"
	for k, v := range fieldKinds("flag", "nocolor color nogroup group noheading heading column nopager smart-case "+
		"literal follow nofollow sort-files noenv") {
		m[k] = v
	}
	return m
}}

// fieldKinds maps each of the space-separated names to kind.
func fieldKinds(kind, names string) map[string]string {
	m := map[string]string{}
	for n := range fieldSet(names) {
		m[n] = kind
	}
	return m
}

// dialectOf returns how the search program name reads its options.
func dialectOf(name string) grepDialect {
	switch path.Base(name) {
	case "rg", "ripgrep":
		return grepDialect{name: "rg", long: &rgLong, shortValue: "efmABCdgtTrEMj", shortWide: "U"}
	case "ag":
		return grepDialect{name: "ag", long: &agLong, shortValue: "efmABCGgpW"}
	case "ack", "ack-grep":
		return grepDialect{name: "ack", long: &ackLong, shortValue: grepShortValue}
	}
	return grepDialect{name: "grep", shortValue: grepShortValue}
}

// longKind returns what a long option written as name does for this
// search: its own table first; for a search other than GNU grep, an
// option no table names may take the next word, and is read as "wide".
func (g grepDialect) longKind(name string) string {
	if g.long != nil {
		if k, ok := g.long.Lookup(name); ok {
			return k
		}
		if _, ok := grepLong.Lookup(name); !ok {
			return "wide"
		}
	}
	return longGrepKind(name)
}

package effect

import "strings"

// nameExpansions expand to a name's characters only (digits, hex, a date
// without a slash): in a path's last element, next to text of its own,
// they name one file there, never "..", "/" or a pattern. The date forms
// are checked for their format apart (dateFormatSafe).
var nameExpansions = []string{
	"$$", "${$}", "$RANDOM", "${RANDOM}", "$PPID", "${PPID}", "$BASHPID", "${BASHPID}",
	"$SECONDS", "$EPOCHSECONDS", "${EPOCHSECONDS}", "$UID", "${UID}", "$EUID", "${EUID}",
	"$(id -u)", "$(id -g)", "$(git rev-parse HEAD)", "$(git rev-parse --short HEAD)",
	"$(uuidgen)", "$(date +%s)",
}

// nameSafeTail reports whether the last path element of a delete target is
// unresolved only through expansions that give a name's characters
// ("/tmp/run-$$", "./build-$(date +%Y%m%d)", "out-$RANDOM"), next to
// literal text of its own: it names one file in a known directory.
func nameSafeTail(w string) bool {
	w = strings.TrimRight(w, "/")
	i := lastSlashOutside(w)
	tail := w[i+1:]
	if !unresolved(w[:i+1]) && strings.ContainsAny(tail, "$`") {
		rest := tail
		for _, x := range nameExpansions {
			rest = strings.ReplaceAll(rest, x, "")
		}
		rest = stripDates(rest)
		if rest != "" && !unresolved(rest) && strings.Trim(rest, ".") != "" {
			return true
		}
	}
	return false
}

// stripDates removes "$(date +FORMAT)" expansions whose format prints no
// slash, space or pattern character.
func stripDates(s string) string {
	for {
		k := strings.Index(s, "$(date +")
		if k < 0 {
			return s
		}
		end := strings.IndexByte(s[k:], ')')
		if end < 0 || !dateFormatSafe(s[k+len("$(date +"):k+end]) {
			return s
		}
		s = s[:k] + s[k+end+1:]
	}
}

// dateFormatSafe reports whether a date format prints only digits,
// letters, "-", "_", ":" and ".": its conversions are numeric (%Y %m %d
// %H %M %S %s %F %T %j %N %u %w %V %G %g %U %W %e %k %l %I %y %z) and its
// text one of those characters. %D, %x, %c and the like print a slash or
// a space by locale.
func dateFormatSafe(f string) bool {
	f = strings.Trim(f, `'"`)
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '%':
			if i+1 >= len(f) || !strings.ContainsRune("YmdHMSsFTjNuwVGgUWIyz", rune(f[i+1])) {
				return false
			}
			i++
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-', c == '_', c == ':', c == '.':
		default:
			return false
		}
	}
	return true
}

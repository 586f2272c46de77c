package shell

import (
	"encoding/base32"
	"regexp"
	"strconv"
	"strings"
)

// transform gives what a filter writes for text on its input, for the
// filters whose effect on text is understood; ok is false for any other
// program, whose output is then unknown.
func transform(name string, words []string, text string) (string, bool) {
	args := words
	if len(args) > 0 {
		args = args[1:]
	}
	switch name {
	case "cut":
		if out, ok := cutText(args, text); ok {
			return out, true
		}
		return text, true
	case "cat", "tee", "head", "tail", "grep", "sort", "uniq", "fold", "fmt", "strings", "dos2unix", "stdbuf":
		return text, true
	case "base64", "base32", "basenc":
		if !hasShort(args, 'd', "--decode") && !hasShort(args, 'D', "") {
			return "", false
		}
		if name == "base32" {
			b, err := base32.StdEncoding.DecodeString(strings.Join(strings.Fields(text), ""))
			return string(b), err == nil
		}
		return base64Text(text)
	case "xxd":
		if !hasShort(args, 'r', "-revert") {
			return "", false
		}
		return hexText(text, nil)
	case "rev":
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			lines[i] = reverseString(l)
		}
		return strings.Join(lines, "\n"), true
	case "tac":
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		for a, b := 0, len(lines)-1; a < b; a, b = a+1, b-1 {
			lines[a], lines[b] = lines[b], lines[a]
		}
		return strings.Join(lines, "\n") + "\n", true
	case "tr":
		return trText(args, text)
	case "sed":
		return sedText(args, text)
	case "awk", "gawk", "mawk", "nawk":
		return awkText(args, text)
	}
	return "", false
}

// awkText gives what awk prints for text when its one word is a plain
// program (plainAwkProgram: {print}, {print $0}, {print $1, $NF}, {print
// NR, $0}): each line's fields split on blanks, items joined by a blank
// after a comma and by nothing otherwise, as awk's default FS and OFS do.
// Anything else (an option, a file operand, another program) is not
// followed.
func awkText(args []string, text string) (string, bool) {
	if len(args) != 1 || !plainAwkProgram(args[0]) {
		return "", false
	}
	if strings.TrimSpace(args[0]) == "1" {
		return text, true // awk 1 prints each line as it is
	}
	body := strings.TrimSpace(args[0])
	body = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(body, "{"), "}"))
	body = strings.TrimSpace(strings.TrimSuffix(body, ";"))
	items := strings.TrimSpace(strings.TrimPrefix(body, "print"))
	var b strings.Builder
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if text == "" {
		lines = nil
	}
	for n, line := range lines {
		fields := strings.Fields(line)
		if items == "" {
			b.WriteString(line)
		}
		sep := false
		for rest := items; rest != ""; {
			switch rest[0] {
			case ',':
				sep, rest = true, rest[1:]
				continue
			case ' ', '\t':
				rest = rest[1:]
				continue
			}
			j := 0
			for j < len(rest) && rest[j] != ' ' && rest[j] != '\t' && rest[j] != ',' {
				j++
			}
			if sep {
				b.WriteByte(' ')
				sep = false
			}
			b.WriteString(awkItem(rest[:j], line, fields, n+1))
			rest = rest[j:]
		}
		b.WriteByte('\n')
	}
	return b.String(), true
}

// awkItem is the value of one item of a plain print ($0, $N, $NF, NR, NF)
// for a line and its fields.
func awkItem(item, line string, fields []string, nr int) string {
	switch item {
	case "NR":
		return strconv.Itoa(nr)
	case "NF":
		return strconv.Itoa(len(fields))
	case "$0":
		return line
	case "$NF":
		if len(fields) == 0 {
			return ""
		}
		return fields[len(fields)-1]
	}
	k, err := strconv.Atoi(strings.TrimPrefix(item, "$"))
	if err != nil || k < 1 || k > len(fields) {
		return ""
	}
	return fields[k-1]
}

func hasShort(args []string, c byte, long string) bool {
	for _, a := range args {
		if long != "" && (a == "--"+strings.TrimPrefix(long, "-") || a == long) {
			return true
		}
		if len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.IndexByte(a[1:], c) >= 0 {
			return true
		}
	}
	return false
}

// trSet appends to dst a tr set's runes, its ranges and escapes ("a-z",
// "\n") expanded.
func trSet(dst []rune, s string) []rune {
	s, _ = decodeEscapes(s)
	var rb [64]rune // the set as written: on the stack unless long
	r := rb[:0]
	for _, c := range s {
		r = append(r, c)
	}
	start := len(dst)
	for i := 0; i < len(r); i++ {
		if i+2 < len(r) && r[i+1] == '-' && r[i] <= r[i+2] {
			for c := r[i]; c <= r[i+2] && len(dst)-start < 4096; c++ {
				dst = append(dst, c)
			}
			i += 2
			continue
		}
		dst = append(dst, r[i])
	}
	return dst
}

// runeMap is what tr does to each rune: an array for ASCII, where nearly
// every set lies, and a map made only for the other runes. A rune mapped
// to -1 is deleted (strings.Map).
type runeMap struct {
	ascii [128]rune
	has   [128]bool
	other map[rune]rune
}

func (m *runeMap) put(c, x rune) {
	if c >= 0 && c < 128 {
		m.ascii[c], m.has[c] = x, true
		return
	}
	if m.other == nil {
		m.other = map[rune]rune{}
	}
	m.other[c] = x
}

func (m *runeMap) apply(r rune) rune {
	if r >= 0 && r < 128 {
		if m.has[r] {
			return m.ascii[r]
		}
		return r
	}
	if x, ok := m.other[r]; ok {
		return x
	}
	return r
}

func trText(args []string, text string) (string, bool) {
	del := false
	var setBuf [2]string
	sets := setBuf[:0]
	for _, a := range args {
		switch {
		case a == "-d" || a == "--delete":
			del = true
		case strings.HasPrefix(a, "-") && len(a) > 1:
			return "", false // -c, -s: not followed
		default:
			sets = append(sets, a)
		}
	}
	var m runeMap
	var fromBuf, toBuf [128]rune
	if del && len(sets) == 1 {
		for _, c := range trSet(fromBuf[:0], sets[0]) {
			m.put(c, -1)
		}
		return strings.Map(func(r rune) rune { return m.apply(r) }, text), true
	}
	if del || len(sets) != 2 {
		return "", false
	}
	from, to := trSet(fromBuf[:0], sets[0]), trSet(toBuf[:0], sets[1])
	if len(to) == 0 {
		return "", false
	}
	for i, c := range from {
		if i < len(to) {
			m.put(c, to[i])
		} else {
			m.put(c, to[len(to)-1])
		}
	}
	return strings.Map(func(r rune) rune { return m.apply(r) }, text), true
}

// sedText applies sed's s/RE/REPL/[gIp] and y/abc/xyz/ commands, the
// forms used to disguise a word, and a script that is one i, a or c
// command (sedLineCommand); anything else is not followed.
func sedText(args []string, text string) (string, bool) {
	var scripts []string
	quiet := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-e" && i+1 < len(args):
			scripts = append(scripts, args[i+1])
			i++
		case a == "-n" || a == "--quiet" || a == "--silent":
			quiet = true
		case a == "-E" || a == "-r" || a == "--regexp-extended":
		case strings.HasPrefix(a, "-"):
			return "", false
		default:
			if len(scripts) == 0 {
				scripts = append(scripts, a)
			} else {
				return "", false // a file operand: sed reads it, not stdin
			}
		}
	}
	if quiet {
		// sed -n p, sed -n '1,$p': every line printed once, as it came
		if len(scripts) == 1 && (strings.TrimSpace(scripts[0]) == "p" || strings.TrimSpace(scripts[0]) == "1,$p") {
			return text, true
		}
		return "", false
	}
	for _, sc := range scripts {
		if t, ok := sedLineCommand(sc, text); ok {
			text = t // 1i TEXT, $a TEXT, c TEXT
			continue
		}
		for _, cmd := range strings.Split(sc, ";") {
			cmd = strings.TrimSpace(cmd)
			if len(cmd) < 4 || (cmd[0] != 's' && cmd[0] != 'y') {
				return "", false
			}
			parts := strings.Split(cmd[2:], string(cmd[1]))
			if len(parts) < 3 {
				return "", false
			}
			if cmd[0] == 'y' {
				from, to := []rune(parts[0]), []rune(parts[1])
				if len(from) != len(to) {
					return "", false
				}
				m := map[rune]rune{}
				for i := range from {
					m[from[i]] = to[i]
				}
				text = strings.Map(func(r rune) rune {
					if x, ok := m[r]; ok {
						return x
					}
					return r
				}, text)
				continue
			}
			// (?m): sed reads line by line, so ^ and $ are each line's;
			// the I flag matches in any case. Other flags (a count, e
			// that runs the result, w that writes it) are not followed.
			mode := "(?m)"
			for _, f := range strings.TrimSpace(parts[2]) {
				switch f {
				case 'g', 'p':
				case 'I', 'i':
					mode = "(?mi)"
				default:
					return "", false
				}
			}
			re, err := regexp.Compile(mode + strings.NewReplacer(`\(`, "(", `\)`, ")", `\+`, "+", `\?`, "?", `\|`, "|").Replace(parts[0]))
			if err != nil {
				return "", false
			}
			repl := sedReplacement(parts[1])
			if strings.Contains(parts[2], "g") {
				text = re.ReplaceAllString(text, repl)
			} else if loc := re.FindStringSubmatchIndex(text); loc != nil {
				var dst []byte
				dst = re.ExpandString(dst, repl, text, loc)
				text = text[:loc[0]] + string(dst) + text[loc[1]:]
			}
		}
	}
	return text, true
}

// sedLineCommand applies a script that is one command inserting (i),
// appending (a) or changing (c) lines — at the first line (1), the last
// ($) or every line (no address) — to text: sed -i '1i set -e' puts a
// line before the first, '$a TEXT' one after the last, 'c TEXT' puts TEXT
// in every line's place. The text runs to the script's end (GNU's
// one-line form, "1i TEXT" or "1i\TEXT"). ok is false for any other
// script.
func sedLineCommand(sc, text string) (string, bool) {
	sc = strings.TrimLeft(sc, " \t")
	addr := byte(0)
	if sc != "" && (sc[0] == '1' || sc[0] == '$') {
		addr, sc = sc[0], sc[1:]
	}
	if sc == "" || sc[0] != 'i' && sc[0] != 'a' && sc[0] != 'c' {
		return "", false
	}
	cmd := sc[0]
	arg := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(sc[1:], " \t"), "\\"), " \t\n")
	if arg == "" || strings.ContainsAny(arg, "\n\\") {
		return "", false // several lines, or escapes: not followed
	}
	body := strings.TrimSuffix(text, "\n")
	lines := strings.Split(body, "\n")
	out := make([]string, 0, len(lines)+1)
	for k, l := range lines {
		switch hit := addr == 0 || addr == '1' && k == 0 || addr == '$' && k == len(lines)-1; {
		case !hit:
			out = append(out, l)
		case cmd == 'i':
			out = append(out, arg, l)
		case cmd == 'a':
			out = append(out, l, arg)
		default:
			out = append(out, arg)
		}
	}
	return strings.Join(out, "\n") + "\n", true
}

// cutText gives what cut -c/-b LIST or -d D -f LIST prints for text: cut
// -c3- of "xxrm -rf ~" is "rm -rf ~". ok is false for options it does not
// read (the caller then passes the text on whole).
func cutText(args []string, text string) (string, bool) {
	list, delim, fields := "", "\t", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func(short, long string) (string, bool) {
			switch {
			case a == short || a == long:
				if i+1 < len(args) {
					i++
					return args[i], true
				}
			case len(a) > len(long) && a[len(long)] == '=' && strings.HasPrefix(a, long):
				return a[len(long)+1:], true
			case len(a) > 2 && strings.HasPrefix(a, short):
				return a[2:], true
			}
			return "", false
		}
		if v, ok := val("-c", "--characters"); ok {
			list = v
		} else if v, ok := val("-b", "--bytes"); ok {
			list = v
		} else if v, ok := val("-f", "--fields"); ok {
			list, fields = v, true
		} else if v, ok := val("-d", "--delimiter"); ok {
			delim = v
		} else if strings.HasPrefix(a, "-") {
			return "", false
		}
	}
	if list == "" || delim == "" {
		return "", false
	}
	if _, ok := cutListHas(list, 1); !ok {
		return "", false
	}
	d := delim[:1]
	if out, ok := cutOneRange(list, d, fields, text); ok {
		return out, true
	}
	var b strings.Builder
	b.Grow(len(text))
	for line, rest, more := "", text, true; more; {
		line, rest, more = strings.Cut(rest, "\n")
		switch {
		case !fields:
			for k := 1; k <= len(line); k++ { // cut -c counts bytes, as -b does
				if in, _ := cutListHas(list, k); in {
					b.WriteByte(line[k-1])
				}
			}
		case !strings.Contains(line, d):
			b.WriteString(line) // a line without the delimiter is printed whole
		default:
			first := true
			for k := 1; ; k++ {
				part, after, found := strings.Cut(line, d)
				if in, _ := cutListHas(list, k); in {
					if !first {
						b.WriteString(d)
					}
					b.WriteString(part)
					first = false
				}
				if !found {
					break
				}
				line = after
			}
		}
		if more {
			b.WriteByte('\n')
		}
	}
	return b.String(), true
}

// cutOneRange is cutText for one line and one range (-c3-, -f2), the
// common case, as a part of text: nothing allocated. The line's newline is
// dropped, which changes nothing a shell reading it would run.
func cutOneRange(list, d string, fields bool, text string) (string, bool) {
	line := strings.TrimSuffix(text, "\n")
	if strings.Contains(line, "\n") || strings.Contains(list, ",") {
		return "", false
	}
	lo, hi, rng := strings.Cut(list, "-")
	a, b := 1, 1<<30
	var err error
	if lo != "" {
		if a, err = strconv.Atoi(lo); err != nil || a < 1 {
			return "", false
		}
	}
	if !rng {
		b = a
	} else if hi != "" {
		if b, err = strconv.Atoi(hi); err != nil || b < a {
			return "", false
		}
	}
	if !fields {
		if a > len(line) {
			return "", true
		}
		return line[a-1 : min(b, len(line))], true
	}
	if !strings.Contains(line, d) {
		return line, true
	}
	start, end := -1, len(line)
	pos := 0
	for k := 1; ; k++ {
		i := strings.Index(line[pos:], d)
		if k == a {
			start = pos
		}
		if i < 0 {
			break
		}
		if k == b {
			end = pos + i
			break
		}
		pos += i + len(d)
	}
	if start < 0 {
		return "", true
	}
	return line[start:end], true
}

// cutListHas reports whether position n (from 1) is in a cut LIST
// (N, N-, -M, N-M, comma separated).
func cutListHas(list string, n int) (bool, bool) {
	for rest, more := list, true; more; {
		var r string
		r, rest, more = strings.Cut(rest, ",")
		lo, hi, rng := strings.Cut(r, "-")
		a, b := 1, 1<<30
		var err error
		if lo != "" {
			if a, err = strconv.Atoi(lo); err != nil {
				return false, false
			}
		}
		if !rng {
			b = a
		} else if hi != "" {
			if b, err = strconv.Atoi(hi); err != nil {
				return false, false
			}
		}
		if n >= a && n <= b {
			return true, true
		}
	}
	return false, true
}

// sedReplacement turns a sed s command's replacement into a Go regexp
// template: \1..\9 and & are the groups, \& and \n a literal & and a
// newline, and a $ is itself ("s|X|$HOME|" puts $HOME in the text for the
// shell that reads it, not a group named HOME).
func sedReplacement(r string) string {
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		switch c := r[i]; {
		case c == '$':
			b.WriteString("$$")
		case c == '&':
			b.WriteString("${0}")
		case c == '\\' && i+1 < len(r):
			i++
			switch d := r[i]; {
			case d >= '0' && d <= '9':
				b.WriteString("${" + string(d) + "}")
			case d == 'n':
				b.WriteByte('\n')
			case d == '$':
				b.WriteString("$$")
			default:
				b.WriteByte(d)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

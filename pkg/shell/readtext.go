package shell

import "strings"

// read, mapfile and readarray given text the line knows (a here-string, a
// here-document, or a process substitution whose output is static) set
// their variables to that text, as an assignment would: read -r f <<<
// ~/.kube/config; cat "$f" reads the file, mapfile -t a <<< "$HOME";
// rm -rf "${a[0]}" deletes the home. Input nobody knows leaves them
// unknown (readBuiltin).

// readInputText is the text a command's standard input redirections give
// it when it is known: a here-string (with the newline bash adds), a
// here-document, or a file the line wrote with known text.
func (s *state) readInputText(rs []Redirect, dyn bool) (string, bool) {
	if dyn {
		return "", false
	}
	text, ok := "", false
	for _, r := range rs {
		if r.FD != "" && r.FD != "0" {
			continue
		}
		switch r.Op {
		case "<<<":
			text, ok = r.Target+"\n", true
		case "<<", "<<-":
			text, ok = r.Target, true
		case "<":
			t, known := s.files[s.key(r.Target)]
			if !known || s.opaque.has(s.key(r.Target)) {
				return "", false
			}
			text, ok = t, true
		}
	}
	return text, ok
}

// readKnownText sets the variables of read, mapfile or readarray (words,
// the command as run) from the known text its redirections give it.
func (s *state) readKnownText(words []string, rs []Redirect, dyn bool, subs []span) {
	text, ok := s.readInputText(rs, dyn)
	if !ok || len(text) > MaxExpandBytes {
		return
	}
	s.readVars = s.readVars[:0]
	switch words[0] {
	case "read":
		s.readText(words, text)
	case "mapfile", "readarray":
		s.mapfileText(words, text)
	}
	if len(subs) > 0 {
		// what fed the input still feeds the variables (taint)
		for _, n := range s.readVars {
			v := s.vars[n]
			v.subs = s.appendSpans(v.subs, subs...)
			s.vars[n] = v
		}
	}
}

// setRead sets a variable read gives a value, remembering its name.
func (s *state) setRead(name, val string, elems []string) {
	s.setVar(name, val, true)
	if elems != nil {
		v := s.vars[name]
		v.elems = elems
		s.vars[name] = v
	}
	s.readVars = append(s.readVars, name)
}

// readText does what read does with text: the first line (or up to -d's
// delimiter) split on IFS over the names, the last taking the rest, or
// into the array -a names.
func (s *state) readText(words []string, text string) {
	var names []string
	array, delim := "", "\n"
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-d" && i+1 < len(words):
			delim = words[i+1]
			i++
		case w == "-a" && i+1 < len(words):
			array = words[i+1]
			i++
		case w == "-n" || w == "-N" || w == "-p" || w == "-t" || w == "-u" || w == "-i":
			return // a count, a prompt, a timeout or another descriptor: not known here
		case strings.HasPrefix(w, "-") && strings.Contains(w, "a") && i+1 < len(words) && strings.Trim(w[1:], "rsea") == "":
			array = words[i+1] // -ra NAME
			i++
		case strings.HasPrefix(w, "-") && strings.Trim(w[1:], "rse") == "":
		case strings.HasPrefix(w, "-") || !identName(w):
			return
		default:
			names = append(names, w)
		}
	}
	line := text
	if delim == "" {
		delim = "\x00"
	}
	if k := strings.Index(line, delim[:1]); k >= 0 {
		line = line[:k]
	}
	ifs := " \t\n"
	if v, ok := s.vars["IFS"]; ok {
		if !v.known {
			return
		}
		ifs = v.val
	}
	fields := splitIFS(line, ifs)
	if array != "" {
		s.setRead(array, strings.Join(fields, " "), fields)
		return
	}
	if len(names) == 0 {
		names = []string{"REPLY"}
		fields = []string{strings.Trim(line, ifsBlanks(ifs))}
	}
	for i, n := range names {
		val := ""
		switch {
		case i == len(names)-1 && i < len(fields):
			val = restFrom(line, ifs, i)
		case i < len(fields):
			val = fields[i]
		}
		s.setRead(n, val, nil)
	}
}

// mapfileText gives the array mapfile or readarray names the lines of
// text, without their newlines under -t (kept off either way: a line's
// newline names no other file).
func (s *state) mapfileText(words []string, text string) {
	name := "MAPFILE"
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-t":
		case w == "-d" || w == "-n" || w == "-O" || w == "-s" || w == "-u" || w == "-C" || w == "-c":
			return
		case strings.HasPrefix(w, "-") || !identName(w):
			return
		default:
			name = w
		}
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	s.setRead(name, strings.Join(lines, " "), lines)
}

// splitIFS splits s into fields on the characters of ifs, as read does
// (runs of blanks are one separator; an empty ifs splits nothing).
func splitIFS(s, ifs string) []string {
	if ifs == "" {
		return []string{s}
	}
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(ifs, r) })
}

// restFrom is line from its field i on, with separators kept, as read
// gives the last name the rest of the line.
func restFrom(line, ifs string, i int) string {
	sep := func(b byte) bool { return strings.IndexByte(ifs, b) >= 0 }
	k := 0
	for n := 0; ; n++ {
		for k < len(line) && sep(line[k]) {
			k++
		}
		if n == i {
			break
		}
		for k < len(line) && !sep(line[k]) {
			k++
		}
	}
	return strings.TrimRight(line[k:], ifsBlanks(ifs))
}

// ifsBlanks are the blanks among IFS's characters, which read trims from
// the ends of a field.
func ifsBlanks(ifs string) string {
	var b []byte
	for i := 0; i < len(ifs); i++ {
		if isIFS(ifs[i]) {
			b = append(b, ifs[i])
		}
	}
	return string(b)
}

package shell

import "strings"

// sed -i rewrites its files, and what its script puts into them (an s
// command's replacement, the text of a, i and c) is text the line writes,
// as an echo appended to the file would be: sed -i 's|"test": ".*"|"test":
// "rm -rf ~"|' package.json && npm test runs what the replacement put
// there. The rest of each file is what was on disk, the user's own.

// sedInPlaceTexts returns the files a sed -i command edits and the text
// its script puts into them, or nothing when it edits none in place or
// its script cannot be read (a script file, an address nobody can read).
func sedInPlaceTexts(words []string) (files []string, text string) {
	inPlace, explicit := false, false
	var ops []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			ops = append(ops, words[i+1:]...)
			i = len(words)
		case w == "-e" || w == "--expression" || w == "-l" || w == "--line-length":
			explicit = explicit || w[1] == 'e' || w == "--expression"
			i++
		case w == "-f" || w == "--file" || strings.HasPrefix(w, "--file="):
			return nil, "" // a script in a file: judged by sedExec
		case strings.HasPrefix(w, "--in-place"):
			inPlace = true
		case strings.HasPrefix(w, "--expression="):
			explicit = true
		case strings.HasPrefix(w, "--"):
		case strings.HasPrefix(w, "-") && len(w) > 1:
			// a cluster: -i, -iSUFFIX, -Ei, -ni; -e or -f end it with
			// their value attached
			for k := 1; k < len(w); k++ {
				if w[k] == 'e' || w[k] == 'f' || w[k] == 'l' {
					explicit = explicit || w[k] == 'e'
					if w[k] == 'f' {
						return nil, ""
					}
					if k == len(w)-1 {
						i++ // the value is the next word
					}
					break
				}
				if w[k] == 'i' {
					inPlace = true
					break // what follows is the backup suffix
				}
			}
		default:
			ops = append(ops, w)
		}
	}
	if !inPlace {
		return nil, ""
	}
	if !explicit && len(ops) > 0 {
		ops = ops[1:] // the first operand is the script
	}
	var b strings.Builder
	for _, script := range sedScripts(words) {
		if strings.HasPrefix(script, "\x00file:") {
			return nil, ""
		}
		lines := strings.Split(script, "\n")
		for n := 0; n < len(lines); n++ {
			for _, c := range SedCommands(lines[n]) {
				c, ok := SedSkipAddress(c)
				if !ok {
					return nil, ""
				}
				if t, ok := sedInserted(c); ok {
					b.WriteString(t)
					b.WriteByte('\n')
				} else if tc := strings.TrimSpace(c); len(tc) > 1 && strings.IndexByte("aic", tc[0]) >= 0 && strings.TrimSpace(tc[1:]) == `\` {
					// a\ TEXT on the lines after, each but the last
					// ending in a backslash
					for n++; n < len(lines); n++ {
						t := lines[n]
						more := strings.HasSuffix(t, `\`)
						b.WriteString(strings.TrimSuffix(t, `\`))
						b.WriteByte('\n')
						if !more {
							break
						}
					}
				}
			}
		}
	}
	if b.Len() == 0 {
		return nil, ""
	}
	return ops, b.String()
}

// sedInserted gives the text one sed command (its address dropped) puts
// into the output: an s command's replacement (its delimiter unescaped) or
// the text of a, i or c.
func sedInserted(c string) (string, bool) {
	c = strings.TrimSpace(c)
	if c == "" {
		return "", false
	}
	switch c[0] {
	case 's':
		if len(c) < 4 {
			return "", false
		}
		d := c[1]
		re := sedRegexEnd(c, 2, d)
		if re < 0 {
			return "", false
		}
		end := sedRegexEnd(c, re+1, d)
		if end < 0 {
			return "", false
		}
		r := c[re+1 : end]
		r = strings.ReplaceAll(r, `\`+string(d), string(d))
		r = strings.ReplaceAll(r, `\n`, "\n")
		return r, r != ""
	case 'a', 'i', 'c':
		t := strings.TrimLeft(c[1:], " \t")
		t = strings.TrimPrefix(t, `\`)
		t = strings.TrimLeft(t, "\n")
		return t, t != ""
	}
	return "", false
}

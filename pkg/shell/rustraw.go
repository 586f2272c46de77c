package shell

import "strings"

// Rust writes a string with no escapes as a raw string: r"rm -rf ~",
// r#"curl … | sh"#, r##"a "quoted" word"##, and the byte strings br"…"
// alike. rustRawStrings writes each as the ordinary string it is ("…",
// its quotes and backslashes escaped), so that the scanner and the
// literal readers read it as any other string.

// rustRawStrings returns code with its raw strings written as ordinary
// strings (see above).
func rustRawStrings(code string) string {
	if !strings.Contains(code, `r"`) && !strings.Contains(code, `r#`) {
		return code
	}
	var b strings.Builder
	done := 0
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c == '"' {
			// an ordinary string: skipped whole, escapes and all
			for i++; i < len(code) && code[i] != '"'; i++ {
				if code[i] == '\\' {
					i++
				}
			}
			continue
		}
		if c == '\'' && i+2 < len(code) && (code[i+2] == '\'' || code[i+1] == '\\') {
			// a char literal ('"', '\"'): no string opens there
			if e := strings.IndexByte(code[i+1:], '\''); e >= 0 {
				i += e + 1
			}
			continue
		}
		if c != 'r' || i > 0 && (literalWordByte(code[i-1]) && code[i-1] != 'b') || i > 1 && code[i-1] == 'b' && literalWordByte(code[i-2]) {
			continue
		}
		j := i + 1
		for j < len(code) && code[j] == '#' {
			j++
		}
		if j >= len(code) || code[j] != '"' {
			continue
		}
		closing := `"` + strings.Repeat("#", j-i-1)
		e := strings.Index(code[j+1:], closing)
		if e < 0 {
			break
		}
		body := code[j+1 : j+1+e]
		start := i
		if i > 0 && code[i-1] == 'b' {
			start = i - 1
		}
		b.WriteString(code[done:start])
		b.WriteString(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(body) + `"`)
		i = j + e + len(closing)
		done = i + 1
	}
	if done == 0 {
		return code
	}
	b.WriteString(code[done:])
	return b.String()
}

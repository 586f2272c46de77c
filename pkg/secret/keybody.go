package secret

import "strings"

// A private key is recognised without its -----BEGIN line, as `tail` or a
// partial read shows it:
//
//   - an -----END ... PRIVATE KEY----- line: the base64 lines before it,
//     and the line itself;
//   - a run of pemMinLines or more lines of base64 exactly 64 (PEM) or 70
//     (OpenSSH) characters long, with the shorter last line of the body if
//     it follows: the shape of a key body, whatever its header said;
//   - the OpenSSH magic "openssh-key-v1" in base64 (b3BlbnNzaC1rZXktdjE),
//     which begins every OpenSSH private key body: its line and the run of
//     base64 lines around it.
//
// Certificates, which are public, have the same body shape and are
// redacted too: a false alarm on a certificate costs nothing, a missed key
// costs the key.

// pemMinLines is how many full-width base64 lines make a key body: a
// 256-bit OpenSSH key has about five, RSA keys twenty and more.
const pemMinLines = 3

// opensshMagic is base64("openssh-key-v1").
const opensshMagic = "b3BlbnNzaC1rZXktdjE"

func isB64(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' }

// b64Line returns the end of the line starting at i (its '\n' or the end of
// s, with any '\r' before it) and whether all of it is base64.
func b64Line(s string, i int) (end, width int, ok bool) {
	j := runOf(s, i, isB64)
	width = j - i
	if j < len(s) && s[j] == '\r' {
		j++
	}
	return j, width, width > 0 && (j == len(s) || s[j] == '\n')
}

// fullWidth reports whether a base64 line is as wide as a key body's.
func fullWidth(w int) bool { return w == 64 || w == 70 }

// keyBodies finds key bodies without a BEGIN line. The PEM detector, which
// runs before, has already claimed whole BEGIN ... END blocks; overlaps are
// merged.
func keyBodies(s string, fs []Finding) []Finding {
	// END lines.
	const endMark = "-----END "
	for off := 0; ; {
		i := strings.Index(s[off:], endMark)
		if i < 0 {
			break
		}
		i += off
		j := i + len(endMark)
		k := runOf(s, j, func(c byte) bool { return 'A' <= c && c <= 'Z' || c == ' ' })
		off = j
		if !strings.HasPrefix(s[k:], "-----") || !strings.Contains(s[j:k], "PRIVATE KEY") {
			continue
		}
		start := bodyBefore(s, i)
		fs = append(fs, Finding{Kind: "private_key", Start: start, End: k + 5})
		off = k + 5
	}
	// Runs of full-width lines, and the OpenSSH magic.
	for lineStart := 0; lineStart < len(s); {
		end, width, ok := b64Line(s, lineStart)
		if !ok || !fullWidth(width) && !strings.Contains(s[lineStart:end], opensshMagic) {
			nl := strings.IndexByte(s[lineStart:], '\n')
			if nl < 0 {
				break
			}
			lineStart += nl + 1
			continue
		}
		// A run starts here.
		runStart, n, magic, hex := lineStart, 0, false, true
		p := lineStart
		for p < len(s) {
			e, w, ok := b64Line(s, p)
			if !ok {
				break
			}
			if strings.Contains(s[p:e], opensshMagic) {
				magic = true
			}
			if hex && !isHexRun(s[p:e]) {
				hex = false
			}
			if !fullWidth(w) {
				// The body's last, shorter line ends the run.
				if n > 0 || magic {
					p = e
					n++
				}
				break
			}
			n++
			p = e
			if p < len(s) {
				p++ // the newline
			}
		}
		runEnd := p
		if runEnd > runStart && (n >= pemMinLines && !hex || magic) {
			fs = append(fs, Finding{Kind: "private_key", Start: runStart, End: trimNL(s, runStart, runEnd)})
		}
		if runEnd <= lineStart {
			runEnd = lineStart + 1
		}
		lineStart = runEnd
	}
	return fs
}

// isHexRun reports whether a line is hex digits only (a list of digests,
// not a key body).
func isHexRun(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' || c == '\r') {
			return false
		}
	}
	return true
}

// trimNL is the end of s[start:end] without trailing newlines.
func trimNL(s string, start, end int) int {
	for end > start && (s[end-1] == '\n' || s[end-1] == '\r') {
		end--
	}
	return end
}

// bodyBefore returns where the run of base64 lines that ends just before
// position i (an END line) begins: i itself when there is none.
func bodyBefore(s string, i int) int {
	start := i
	for start > 0 {
		// The line before start.
		prevEnd := start - 1 // its '\n'
		if s[prevEnd] != '\n' {
			break
		}
		ls := strings.LastIndexByte(s[:prevEnd], '\n') + 1
		_, w, ok := b64Line(s, ls)
		if !ok || w == 0 {
			break
		}
		start = ls
	}
	return start
}

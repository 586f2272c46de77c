package engine

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"

	"rampart.dev/pkg/internal/gunzip"
	"rampart.dev/pkg/match"
)

// The encodings a credential travels in when it is written into a file or
// sent in a body: percent encoding (a form body, a query copied whole),
// the escapes of source text ('\u0067hp_…', "\x41KIA…"), and the runs
// decodedRuns reads (base64, hex, base32), those compressed (gzip and
// zlib: H4sI…), those of UTF-16 text (PowerShell's -EncodedCommand and
// [Text.Encoding]::Unicode) and those encoded twice. A key encoded is a
// key all the same. Decoding stays bounded: a few layers, a few texts,
// and a bounded inflation.

// maxDecodings bounds the texts decodings returns for one value.
const maxDecodings = 32

// maxInflated bounds what one compressed run is inflated to.
const maxInflated = 64 << 10

// decodings returns the texts v decodes to under the encodings above,
// not v itself.
func decodings(v string) []string {
	var out []string
	add := func(s string) {
		if len(out) < maxDecodings && s != "" && s != v {
			out = append(out, s)
		}
	}
	if u, ok := percentDecoded(v); ok {
		add(u)
	}
	if u, ok := escapeDecoded(v); ok {
		add(u)
	}
	if u, ok := charCodes(v); ok {
		add(u)
	}
	runs := decodedRuns(v)
	for _, d := range runs {
		add(d)
		if len(out) >= maxDecodings {
			break
		}
		if inner, ok := unwrapped(d); ok {
			add(inner)
			d = inner
		}
		// encoded twice: the decoded text holds a run of its own
		if printable(d) {
			for _, dd := range decodedRuns(d) {
				add(dd)
				if inner, ok := unwrapped(dd); ok {
					add(inner)
				}
			}
		}
	}
	return out
}

// unwrapped returns what a decoded run holds when it is compressed
// (gzip, zlib) or UTF-16 text.
func unwrapped(d string) (string, bool) {
	if len(d) >= 2 && (d[0] == 0x1f && d[1] == 0x8b || d[0] == 0x78 && (d[1] == 0x01 || d[1] == 0x5e || d[1] == 0x9c || d[1] == 0xda)) {
		var r io.Reader
		var err error
		if d[0] == 0x1f {
			r, err = gunzip.NewReader(strings.NewReader(d)) // compress/gzip, without linking hash/crc32
		} else {
			r, err = zlib.NewReader(strings.NewReader(d))
		}
		if err != nil {
			return "", false
		}
		var b bytes.Buffer
		if _, err := io.Copy(&b, io.LimitReader(r, maxInflated)); err != nil && b.Len() == 0 {
			return "", false
		}
		return b.String(), b.Len() > 0
	}
	if len(d) >= 8 && d[1] == 0 && d[3] == 0 && d[5] == 0 && d[7] == 0 && d[0] != 0 {
		b := make([]byte, 0, len(d)/2)
		for i := 0; i+1 < len(d); i += 2 {
			if d[i+1] != 0 {
				return "", false // not Latin text in UTF-16LE
			}
			b = append(b, d[i])
		}
		return string(b), true
	}
	return "", false
}

// printable reports whether s is mostly printable ASCII, as text
// encoded a second time is.
func printable(s string) bool {
	if len(s) < 16 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= ' ' && c < 0x7f || c == '\n' || c == '\r' || c == '\t' {
			n++
		}
	}
	return n*10 >= len(s)*9
}

// percentDecoded decodes v's %XX escapes (and nothing else, leaving a
// stray % as it is), as often as they were applied, up to three times.
func percentDecoded(v string) (string, bool) {
	changed := false
	for n := 0; n < 3 && strings.IndexByte(v, '%') >= 0; n++ {
		d := match.PercentDecode(v)
		if d == v {
			break
		}
		v, changed = d, true
	}
	return v, changed
}

// escapeDecoded decodes the escapes source text writes characters with:
// \uXXXX, \u{X…}, \xXX and \NNN (octal), and HTML's &#NN; and &#xHH;,
// leaving other backslashes and ampersands as they are.
func escapeDecoded(v string) (string, bool) {
	if strings.IndexByte(v, '\\') < 0 {
		return htmlCharRefs(v)
	}
	var b strings.Builder
	b.Grow(len(v))
	did := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '\\' || i+1 >= len(v) {
			b.WriteByte(c)
			continue
		}
		rest := v[i+1:]
		switch {
		case rest[0] == 'u' && len(rest) >= 5 && allHexDigits(rest[1:5]):
			b.WriteRune(rune(hexValue(rest[1:5])))
			i += 5
		case rest[0] == 'u' && len(rest) >= 4 && rest[1] == '{':
			j := strings.IndexByte(rest, '}')
			if j < 3 || j > 8 || !allHexDigits(rest[2:j]) {
				b.WriteByte(c)
				continue
			}
			b.WriteRune(rune(hexValue(rest[2:j])))
			i += j + 1
		case rest[0] == 'x' && len(rest) >= 3 && allHexDigits(rest[1:3]):
			b.WriteByte(byte(hexValue(rest[1:3])))
			i += 3
		case len(rest) >= 3 && isOctal(rest[0]) && isOctal(rest[1]) && isOctal(rest[2]):
			b.WriteByte((rest[0]-'0')<<6 | (rest[1]-'0')<<3 | (rest[2] - '0'))
			i += 3
		default:
			b.WriteByte(c)
			continue
		}
		did = true
	}
	return b.String(), did
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }

func allHexDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func hexValue(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n<<4 | int(match.Unhex(s[i]))
	}
	return n
}

// htmlCharRefs decodes HTML's numeric character references.
func htmlCharRefs(v string) (string, bool) {
	if !strings.Contains(v, "&#") {
		return v, false
	}
	var b strings.Builder
	did := false
	for i := 0; i < len(v); i++ {
		if v[i] == '&' && i+3 < len(v) && v[i+1] == '#' {
			j := i + 2
			hexa := v[j] == 'x' || v[j] == 'X'
			if hexa {
				j++
			}
			k := j
			for k < len(v) && k-j < 7 && (hexa && isHexDigit(v[k]) || !hexa && '0' <= v[k] && v[k] <= '9') {
				k++
			}
			if k > j && k < len(v) && v[k] == ';' {
				n := 0
				for _, c := range []byte(v[j:k]) {
					if hexa {
						n = n<<4 | int(match.Unhex(c))
					} else {
						n = n*10 + int(c-'0')
					}
				}
				if n > 0 && n <= 0x10ffff {
					b.WriteRune(rune(n))
					i = k
					did = true
					continue
				}
			}
		}
		b.WriteByte(v[i])
	}
	return b.String(), did
}

// charCodes decodes a list of 16 or more character codes, as code builds
// a string from them (String.fromCharCode(103,104,…), bytes([103, …]),
// ”.join(map(chr, […]))): decimal numbers below 256 between commas.
func charCodes(v string) (string, bool) {
	var b strings.Builder
	best := ""
	n := 0
	flush := func() {
		if n >= 16 && b.Len() > len(best) {
			best = b.String()
		}
		b.Reset()
		n = 0
	}
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && '0' <= v[j] && v[j] <= '9' && j-i < 4 {
			j++
		}
		if j == i || j-i > 3 || (i > 0 && isAlnumByte(v[i-1])) {
			flush()
			i = j + 1
			continue
		}
		c := 0
		for _, d := range []byte(v[i:j]) {
			c = c*10 + int(d-'0')
		}
		if c > 255 {
			flush()
			i = j + 1
			continue
		}
		b.WriteByte(byte(c))
		n++
		k := j
		for k < len(v) && v[k] == ' ' {
			k++
		}
		if k < len(v) && v[k] == ',' {
			k++
			for k < len(v) && v[k] == ' ' {
				k++
			}
			i = k
			continue
		}
		flush()
		i = k + 1
	}
	flush()
	return best, best != ""
}

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

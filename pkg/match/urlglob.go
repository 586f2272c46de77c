package match

import (
	"strconv"
	"strings"
)

// MaxURLGlob bounds the URLs URLGlob returns: a glob that makes more is
// cut there and reported as not wholly expanded.
const MaxURLGlob = 512

// URLGlob expands curl's URL globbing, which curl applies to every URL
// unless told not to (-g, --globoff): sets "{a,b,c}" and ranges "[0-9]",
// "[a-z]", "[001-100]" and "[0-100:10]" anywhere in the URL, the host
// included, so "http://169.254.169.25[4]/" and
// "http://{169.254.169.254,example.com}/" contact the metadata address.
// A bracketed IPv6 literal ("[::1]") is an address, not a range, as curl
// reads it. complete is false when the expansion passed MaxURLGlob or a
// range could not be read; the URLs returned are then a part of those
// curl would fetch (a caller should judge the rest as unknown). A range
// curl cannot read outside the host is kept as written. A URL without a
// glob is returned alone.
func URLGlob(u string) (urls []string, complete bool) {
	if strings.IndexAny(u, "{[") < 0 {
		return []string{u}, true
	}
	out := []string{""}
	complete = true
	// Where the host ends: a range curl cannot read there leaves the host
	// unknown; one in the path or query (?statuses[]=x) makes curl refuse
	// the URL, which contacts nothing, and is kept as written.
	hostEnd := len(u)
	if k := strings.Index(u, "://"); k >= 0 {
		if j := strings.IndexAny(u[k+3:], "/?#"); j >= 0 {
			hostEnd = k + 3 + j
		}
	}
	for i := 0; i < len(u); {
		c := u[i]
		var alts []string
		end := -1
		switch c {
		case '\\':
			if i+1 < len(u) && (u[i+1] == '{' || u[i+1] == '[' || u[i+1] == '}' || u[i+1] == ']') {
				alts, end = []string{u[i+1 : i+2]}, i+2
			}
		case '{':
			if j := strings.IndexByte(u[i:], '}'); j > 0 {
				alts, end = strings.Split(u[i+1:i+j], ","), i+j+1
			}
		case '[':
			if j := strings.IndexByte(u[i:], ']'); j > 0 {
				body := u[i+1 : i+j]
				if strings.IndexByte(body, ':') >= 0 && !rangeStep(body) {
					alts, end = []string{u[i : i+j+1]}, i+j+1 // [::1]: an IPv6 literal
				} else if r, ok := globRange(body); ok {
					alts, end = r, i+j+1
					complete = complete && len(r) < MaxURLGlob
				} else {
					alts, end = []string{u[i : i+j+1]}, i+j+1
					complete = complete && i >= hostEnd
				}
			}
		}
		if end < 0 {
			for k := range out {
				out[k] += string(c)
			}
			i++
			continue
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				if len(next) == MaxURLGlob {
					complete = false
					break
				}
				next = append(next, o+a)
			}
		}
		out = next
		i = end
	}
	return out, complete
}

// rangeStep reports a range body with a step ("0-100:10"), whose colon is
// not an IPv6 address's.
func rangeStep(body string) bool {
	lo, step, ok := strings.Cut(body, ":")
	if !ok || strings.IndexByte(lo, '-') < 0 {
		return false
	}
	_, err := strconv.Atoi(step)
	return err == nil
}

// globRange expands one range body of curl's globbing: "0-9", "a-z",
// "001-100" (zero-padded to the first bound's width), with an optional
// ":STEP". Expansions past MaxURLGlob are cut.
func globRange(body string) ([]string, bool) {
	body, stepText, hasStep := strings.Cut(body, ":")
	step := 1
	if hasStep {
		n, err := strconv.Atoi(stepText)
		if err != nil || n <= 0 {
			return nil, false
		}
		step = n
	}
	lo, hi, ok := strings.Cut(body, "-")
	if !ok || lo == "" || hi == "" {
		return nil, false
	}
	var out []string
	if len(lo) == 1 && len(hi) == 1 && !isDigit(lo[0]) && !isDigit(hi[0]) {
		for c := int(lo[0]); c <= int(hi[0]) && len(out) < MaxURLGlob; c += step {
			out = append(out, string(rune(c)))
		}
		return out, len(out) > 0
	}
	a, err1 := strconv.Atoi(lo)
	b, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil || a < 0 || b < a {
		return nil, false
	}
	width := 0
	if len(lo) > 1 && lo[0] == '0' {
		width = len(lo)
	}
	for n := a; n <= b && len(out) < MaxURLGlob; n += step {
		s := strconv.Itoa(n)
		for len(s) < width {
			s = "0" + s
		}
		out = append(out, s)
	}
	return out, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

package catalog

import "strings"

// A mark value "<1d" in the catalogue (--keep-within:=!destroy(<1d)) is a
// time span of a day or less: a backup tool's retention that keeps only
// what is that young keeps nothing of the history (restic forget
// --keep-within 1h, borg prune --keep-within 1H, rdiff-backup remove
// increments --older-than 0D).

// spanUnit gives the length in hours of a retention span's unit: s, h and H
// hours' parts, d/D days, w/W weeks, m and M months (restic's and borg's
// m is a month), y/Y years.
func spanUnit(c byte) (hours float64, ok bool) {
	switch c {
	case 's':
		return 1.0 / 3600, true
	case 'h', 'H':
		return 1, true
	case 'd', 'D':
		return 24, true
	case 'w', 'W':
		return 168, true
	case 'm', 'M':
		return 720, true
	case 'y', 'Y':
		return 8760, true
	}
	return 0, false
}

// shortSpan reports a span of a day or less: "now", "0", "1h", "12H",
// "0D", "1d", "30s", "1d0h" (and a number alone, taken as seconds).
func shortSpan(v string) bool {
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	if v == "" {
		return false
	}
	if strings.EqualFold(v, "now") {
		return true
	}
	hours, num, digits := 0.0, 0.0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			num = num*10 + float64(c-'0')
			digits = true
		case digits:
			u, ok := spanUnit(c)
			if !ok {
				return false
			}
			hours += num * u
			num, digits = 0, false
		default:
			return false
		}
	}
	if digits {
		hours += num / 3600 // a bare number: seconds
	}
	return hours <= 24
}

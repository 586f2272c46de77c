package catalog

import "strings"

// A mark value "<1d" in the catalogue (--keep-within:=!destroy(<1d)) is a
// time span of a day or less: a backup tool's retention that keeps only
// what is that young keeps nothing of the history (restic forget
// --keep-within 1h, borg prune --keep-within 1H, rdiff-backup remove
// increments --older-than 0D).

// spanUnits are the units of a retention span, in hours: s, h and H
// hours' parts, d/D days, w/W weeks, m and M months (restic's and borg's
// m is a month), y/Y years.
var spanUnits = map[byte]float64{
	's': 1.0 / 3600, 'h': 1, 'H': 1, 'd': 24, 'D': 24, 'w': 168, 'W': 168,
	'm': 720, 'M': 720, 'y': 8760, 'Y': 8760,
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
			u, ok := spanUnits[c]
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

package secret

import "strings"

// Detector families, as bits of a hint.
const (
	hintPEM uint8 = 1 << iota
	hintPrefixed
	hintJWT
	hintURL
	hintAssign
	hintKeyBody
)

// trigger marks the bytes at which some detector's anchor can be seen: a
// byte not in this table never starts a check, so clean text costs one
// table load per byte.
var trigger = func() (t [256]bool) {
	for _, c := range "-_AJ:=\nb." {
		t[c] = true
	}
	return t
}()

// hint returns the detector families that may find something in s. It
// never misses: each family's anchor contains one of the trigger bytes at a
// position checked here.
func hint(s string) uint8 {
	var m uint8
	for i := 0; i < len(s); i++ {
		if !trigger[s[i]] {
			continue
		}
		switch s[i] {
		case '\n':
			// A key body line: exactly 64 or 70 characters (see keybody.go).
			if i+65 < len(s) && s[i+65] == '\n' || i+71 < len(s) && s[i+71] == '\n' ||
				i+66 < len(s) && s[i+66] == '\n' || i+72 < len(s) && s[i+72] == '\n' {
				m |= hintKeyBody
			}
		case 'b':
			if strings.HasPrefix(s[i:], opensshMagic) {
				m |= hintKeyBody
			}
		case '-':
			switch {
			case strings.HasPrefix(s[i:], "-----BEGIN "):
				m |= hintPEM
			case strings.HasPrefix(s[i:], "-----END "):
				m |= hintKeyBody
			case i >= 2 && s[i-2:i] == "sk", i >= 5 && s[i-5:i] == "glpat", i >= 5 && (s[i-5:i] == "glcbt" || s[i-5:i] == "glptt"), i >= 4 && (s[i-4:i] == "glrt" || s[i-4:i] == "gldt"), i >= 4 && s[i-4:i-1] == "xox", i >= 4 && s[i-4:i] == "pypi",
				i >= 5 && s[i-5:i] == "PuTTY", i >= 3 && s[i-3:i] == "AGE":
				m |= hintPrefixed
			}
		case '_':
			if i >= 3 && s[i-3:i-1] == "gh" || i >= 6 && s[i-6:i] == "github" || i >= 2 && (s[i-2:i] == "sk" || s[i-2:i] == "rk" || s[i-2:i] == "hf") ||
				i >= 3 && (s[i-3:i] == "npm" || s[i-3:i] == "dop") || i >= 5 && s[i-5:i] == "shpat" {
				m |= hintPrefixed
			}
		case 'A':
			if i+4 <= len(s) {
				switch s[i : i+4] {
				case "AKIA", "ASIA", "ABIA", "ACCA", "AIza":
					m |= hintPrefixed
				}
			}
		case '.':
			if i >= 3 && (s[i-3:i] == "hvs" || s[i-3:i] == "hvb") || i >= 2 && s[i-2:i] == "SG" {
				m |= hintPrefixed
			}
		case 'J':
			if i >= 2 && s[i-2:i] == "ey" {
				m |= hintJWT
			}
		case ':', '=':
			if s[i] == ':' && strings.HasPrefix(s[i+1:], "//") {
				m |= hintURL
				// an incoming webhook's URL (detect.go's webhook_url rules)
				r := s[i+3:]
				if strings.HasPrefix(r, "canary.") || strings.HasPrefix(r, "ptb.") {
					r = r[strings.IndexByte(r, '.')+1:] // Discord's canary and public-test hosts
				}
				if strings.HasPrefix(r, "hooks.slack.com/") || strings.HasPrefix(r, "discord.com/api/") || strings.HasPrefix(r, "discordapp.com/api/") {
					m |= hintPrefixed
				}
			}
			if s[i] == '=' && (i >= 10 && s[i-10:i] == "AccountKey" || i >= 15 && s[i-15:i] == "SharedAccessKey") {
				m |= hintPrefixed
			}
			if m&hintAssign == 0 && keyKind(keyBefore(s, i)) != "" {
				m |= hintAssign
			}
		}
	}
	return m
}

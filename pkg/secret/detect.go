package secret

import "strings"

// A detector appends the findings of one family to fs.
type detector func(s string, fs []Finding) []Finding

var detectors = []detector{pemBlocks, prefixed, jwts, urlPasswords, assignments, keyBodies}

// Character classes.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
func isUpperDigit(c byte) bool { return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }
func isWord(c byte) bool       { return isAlnum(c) || c == '_' }
func isTok(c byte) bool        { return isAlnum(c) || c == '_' || c == '-' }
func isSlack(c byte) bool      { return isAlnum(c) || c == '-' }
func isSpace(c byte) bool      { return c == ' ' || c == '\t' }

func runOf(s string, i int, in func(byte) bool) int {
	for i < len(s) && in(s[i]) {
		i++
	}
	return i
}

// pemBlocks finds PEM private key blocks.
func pemBlocks(s string, fs []Finding) []Finding {
	const begin = "-----BEGIN "
	for off := 0; ; {
		i := strings.Index(s[off:], begin)
		if i < 0 {
			return fs
		}
		i += off
		j := i + len(begin)
		off = j
		k := runOf(s, j, func(c byte) bool { return 'A' <= c && c <= 'Z' || c == ' ' })
		if !strings.HasPrefix(s[k:], "-----") || !strings.Contains(s[j:k], "PRIVATE KEY") {
			continue
		}
		end := len(s)
		endMark := "-----END " + s[j:k] + "-----"
		if e := strings.Index(s[k:], endMark); e >= 0 {
			end = k + e + len(endMark)
		}
		fs = append(fs, Finding{Kind: "private_key", Start: i, End: end})
		off = end
	}
}

// puttyKeys finds PuTTY private key files (.ppk): a header, then the
// private lines, encrypted or not.
func puttyKeys(s string, fs []Finding) []Finding {
	const begin = "PuTTY-User-Key-File-"
	for off := 0; ; {
		i := strings.Index(s[off:], begin)
		if i < 0 {
			return fs
		}
		i += off
		off = i + len(begin)
		p := strings.Index(s[off:], "Private-Lines:")
		if p < 0 {
			return fs
		}
		end := off + p + len("Private-Lines:")
		if m := strings.Index(s[end:], "Private-MAC:"); m >= 0 {
			end += m + len("Private-MAC:")
			end = runOf(s, end, func(c byte) bool { return c != '\n' && c != '\r' })
		}
		fs = append(fs, Finding{Kind: "private_key", Start: i, End: end})
		off = end
	}
}

// A prefixRule is a token that starts with a fixed prefix followed by a run
// of class characters whose length lies in [min, max] (max 0: no bound).
type prefixRule struct {
	kind, prefix string
	class        func(byte) bool
	min, max     int
	check        func(body string) bool
}

var prefixRules = []prefixRule{
	{"aws_access_key_id", "AKIA", isUpperDigit, 16, 16, nil},
	{"aws_access_key_id", "ASIA", isUpperDigit, 16, 16, nil},
	{"aws_access_key_id", "ABIA", isUpperDigit, 16, 16, nil},
	{"aws_access_key_id", "ACCA", isUpperDigit, 16, 16, nil},
	{"github_token", "ghp_", isAlnum, 30, 0, nil},
	{"github_token", "gho_", isAlnum, 30, 0, nil},
	{"github_token", "ghs_", isAlnum, 30, 0, nil},
	{"github_token", "ghu_", isAlnum, 30, 0, nil},
	{"github_token", "ghr_", isAlnum, 30, 0, nil},
	{"github_token", "github_pat_", isWord, 22, 0, nil},
	{"gitlab_token", "glpat-", isTok, 20, 0, nil},
	// GitLab's other tokens: a CI job's, a runner's, a pipeline trigger's,
	// a deploy token
	{"gitlab_token", "glcbt-", isTok, 20, 0, nil},
	{"gitlab_token", "glrt-", isTok, 20, 0, nil},
	{"gitlab_token", "glptt-", isTok, 20, 0, nil},
	{"gitlab_token", "gldt-", isTok, 20, 0, nil},
	{"slack_token", "xoxa-", isSlack, 10, 0, nil},
	{"slack_token", "xoxb-", isSlack, 10, 0, nil},
	{"slack_token", "xoxp-", isSlack, 10, 0, nil},
	{"slack_token", "xoxr-", isSlack, 10, 0, nil},
	{"slack_token", "xoxs-", isSlack, 10, 0, nil},
	{"npm_token", "npm_", isAlnum, 30, 0, nil},
	{"pypi_token", "pypi-AgE", isTok, 50, 0, nil},
	{"stripe_key", "sk_live_", isAlnum, 16, 0, nil},
	{"stripe_key", "rk_live_", isAlnum, 16, 0, nil},
	{"google_api_key", "AIza", isTok, 35, 35, nil},
	{"api_key", "sk-", isTok, 20, 0, mixed},
	{"vault_token", "hvs.", isTok, 24, 0, nil},
	{"vault_token", "hvb.", isTok, 24, 0, nil},
	{"sendgrid_key", "SG.", isTokDot, 60, 0, twoDots},
	{"digitalocean_token", "dop_v1_", isAlnum, 64, 64, nil},
	{"shopify_token", "shpat_", isAlnum, 32, 32, nil},
	{"huggingface_token", "hf_", isAlnum, 30, 40, mixed},
	{"age_secret_key", "AGE-SECRET-KEY-1", isUpperDigit, 50, 0, nil},
	// A storage account's or a service bus's key inside a connection
	// string ("…;AccountKey=…;"): whoever holds it holds the account.
	{"azure_key", "AccountKey=", isBase64, 40, 0, nil},
	{"azure_key", "SharedAccessKey=", isBase64, 40, 0, nil},
	// Incoming-webhook URLs are their own credential: whoever holds one
	// posts as the integration. The secret is the path after the prefix.
	{"webhook_url", "hooks.slack.com/services/", isWebhookPath, 20, 0, nil},
	{"webhook_url", "discord.com/api/webhooks/", isWebhookPath, 20, 0, nil},
	{"webhook_url", "discordapp.com/api/webhooks/", isWebhookPath, 20, 0, nil},
}

// isTokDot is a token character or a dot (a SendGrid key's two parts).
func isTokDot(c byte) bool { return isTok(c) || c == '.' }

// isBase64 is a character of standard base64, padding included.
func isBase64(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' }

// twoDots reports a body of a key id and a secret joined by one dot.
func twoDots(body string) bool { return strings.Count(body, ".") == 1 && mixed(body) }

// isWebhookPath is a character of a webhook URL's secret path.
func isWebhookPath(c byte) bool { return isTok(c) || c == '/' }

// mixed reports whether a key body looks random: upper case, lower case and
// digits all present. Hyphenated words ("sk-learn-pipeline") are not.
func mixed(body string) bool {
	var up, low, dig bool
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case 'A' <= c && c <= 'Z':
			up = true
		case 'a' <= c && c <= 'z':
			low = true
		case '0' <= c && c <= '9':
			dig = true
		}
	}
	return up && low && dig
}

// prefixed finds the fixed-prefix tokens. A token must not continue a
// longer word on its left.
func prefixed(s string, fs []Finding) []Finding {
	fs = puttyKeys(s, fs)
	for _, r := range prefixRules {
		for off := 0; ; {
			i := strings.Index(s[off:], r.prefix)
			if i < 0 {
				break
			}
			i += off
			b := i + len(r.prefix)
			off = b
			if i > 0 && isTok(s[i-1]) {
				continue
			}
			e := runOf(s, b, r.class)
			n := e - b
			if n < r.min || r.max > 0 && n > r.max || r.check != nil && !r.check(s[b:e]) {
				continue
			}
			start := i
			if r.kind == "webhook_url" {
				start = b // the host and path prefix say what it is; the rest is the secret
			}
			fs = append(fs, Finding{Kind: r.kind, Start: start, End: e})
			off = e
		}
	}
	return fs
}

func isB64URL(c byte) bool { return isTok(c) }

// jwts finds JSON Web Tokens: header.payload.signature, both header and
// payload being base64url JSON objects (eyJ is base64 of `{"`).
func jwts(s string, fs []Finding) []Finding {
	for off := 0; ; {
		i := strings.Index(s[off:], "eyJ")
		if i < 0 {
			return fs
		}
		i += off
		off = i + 3
		if i > 0 && (isTok(s[i-1]) || s[i-1] == '.') {
			continue
		}
		h := runOf(s, i, isB64URL)
		if h-i < 10 || h >= len(s) || s[h] != '.' || !strings.HasPrefix(s[h+1:], "eyJ") {
			continue
		}
		p := runOf(s, h+1, isB64URL)
		if p-h-1 < 10 || p >= len(s) || s[p] != '.' {
			continue
		}
		e := runOf(s, p+1, isB64URL)
		fs = append(fs, Finding{Kind: "jwt", Start: i, End: e})
		off = e
	}
}

func isSchemeChar(c byte) bool { return isAlnum(c) || c == '+' || c == '.' || c == '-' }

// urlPasswords finds the password in scheme://user:password@host.
func urlPasswords(s string, fs []Finding) []Finding {
	for off := 0; ; {
		i := strings.Index(s[off:], "://")
		if i < 0 {
			return fs
		}
		i += off
		off = i + 3
		if i == 0 || !isSchemeChar(s[i-1]) {
			continue
		}
		u := runOf(s, i+3, func(c byte) bool { return !isURLStop(c) && c != ':' })
		if u >= len(s) || s[u] != ':' {
			continue
		}
		p := runOf(s, u+1, func(c byte) bool { return !isURLStop(c) })
		if p == u+1 || p >= len(s) || s[p] != '@' || s[u+1:p] == Mask {
			continue
		}
		fs = append(fs, Finding{Kind: "url_password", Start: u + 1, End: p})
		off = p
	}
}

// isURLStop ends a URL's userinfo part.
func isURLStop(c byte) bool {
	return c <= ' ' || c == '/' || c == '?' || c == '#' || c == '@' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '\\'
}

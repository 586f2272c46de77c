// Package secret finds and redacts credentials in text and in JSON-decoded
// values, so that the audit trail and the tool outputs Rampart passes on never
// carry them.
//
// # What it finds
//
//   - private_key: PEM blocks whose label names a private key (RSA, EC, DSA,
//     OPENSSH, ENCRYPTED, PGP ... PRIVATE KEY [BLOCK]), BEGIN to END; a block
//     with no END line is redacted to the end of the text.
//   - aws_access_key_id: AKIA, ASIA, ABIA and ACCA followed by 16 upper-case
//     letters or digits.
//   - github_token: ghp_, gho_, ghs_, ghu_, ghr_ (36+ characters) and
//     github_pat_ tokens.
//   - gitlab_token (glpat-, glcbt-, glrt-, glptt-, gldt-), slack_token (xoxa-, xoxb-, xoxp-, xoxr-, xoxs-),
//     stripe_key (sk_live_, rk_live_), google_api_key (AIza + 35), npm_token
//     (npm_ + 30 or more), pypi_token (pypi-AgE...).
//   - api_key: sk-... and sk-ant-... keys, only when the part after sk- is
//     20+ characters mixing upper case, lower case and digits, so that words
//     such as "task-runner" or "sk-learn-pipeline" are left alone.
//   - jwt: three base64url segments, the first two starting with eyJ.
//   - webhook_url: the secret path of a Slack or Discord incoming-webhook
//     URL given with its scheme (https://hooks.slack.com/services/…,
//     https://discord.com/api/webhooks/…); the host stays, as a URL's user
//     name does.
//   - authorization: the credential of an Authorization header (Bearer, Basic,
//     Token ...), in header, JSON or assignment form.
//   - url_password: the password of a URL's userinfo; the user name stays, so
//     https://user:pass@host becomes https://user:[REDACTED]@host.
//   - password, secret, token, api_key, aws_secret_access_key: the value of an
//     assignment (key=value, key: value, "key": "value", --key=value) whose key
//     ends in password, passwd, passphrase, secret, token, api key, access key,
//     secret key or private key. Values that are evidently not literals are
//     left alone: references ($VAR, ${VAR}, %VAR%, <placeholder>, a.b.c),
//     calls (f(x)), type names (string, str, bool ...), and values shorter
//     than 4 bytes.
//
// Only the secret itself is replaced, by [Mask]; keys, user names and header
// names stay so the record still says what happened.
//
// # Cost
//
// Every detector starts from a rare literal anchor found with the standard
// library's vectorised substring search (or from an '=' or ':' for
// assignments), so text with no credential in it is scanned at memory speed
// and allocates nothing.
package secret

import (
	"sort"
	"strings"
)

// Mask replaces every secret.
const Mask = "[REDACTED]"

// Finding is one credential found in a text: its kind and the byte range
// [Start, End) that Redact replaces. Path locates the string inside a value
// walked by RedactValue, as a JSON Pointer (RFC 6901); it is empty for Scan
// and Redact.
type Finding struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Path  string `json:"path,omitempty"`
}

// Scan returns the credentials in s, ordered by position, without overlaps.
func Scan(s string) []Finding {
	m := hint(s)
	if m == 0 {
		return nil
	}
	var fs []Finding
	for i, d := range detectors {
		if m&(1<<i) != 0 {
			fs = d(s, fs)
		}
	}
	return merge(fs)
}

// Redact returns s with every credential Scan finds replaced by Mask, and the
// findings (offsets in s). When nothing is found it returns s itself.
func Redact(s string) (string, []Finding) {
	fs := Scan(s)
	if len(fs) == 0 {
		return s, nil
	}
	out := apply(s, fs)
	// A replacement can expose a neighbour that a detector skipped because
	// it touched the secret; a second pass catches it. Offsets reported are
	// those of the first pass, which is what callers locate in s.
	for i := 0; i < 3; i++ {
		more := Scan(out)
		if len(more) == 0 {
			break
		}
		out = apply(out, more)
	}
	return out, fs
}

func apply(s string, fs []Finding) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, f := range fs {
		b.WriteString(s[last:f.Start])
		b.WriteString(Mask)
		last = f.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// merge sorts findings and folds overlapping ones into the earliest.
func merge(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		return fs[i].End > fs[j].End
	})
	out := fs[:1]
	for _, f := range fs[1:] {
		last := &out[len(out)-1]
		if f.Start < last.End {
			if f.End > last.End {
				last.End = f.End
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

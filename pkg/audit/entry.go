package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
)

// Entry is what an adapter records: the call, the decision it got, and the
// adapter's name (hook, eval, shell, mcp, serve ...).
type Entry struct {
	Call     call.Call
	Decision call.Decision
	Via      string
}

// newRecord builds the record for e, without seq, id, time, prev and hash:
// everything Append can prepare before it takes the lock. Params found in
// memo (nil: none) are not redacted and encoded again.
func newRecord(e Entry, memo *paramsMemo) (Record, error) {
	r := Record{
		Agent:           e.Call.Agent,
		Session:         e.Call.Session,
		Tool:            e.Call.Tool,
		Cwd:             e.Call.Cwd,
		Decision:        e.Decision.Decision.String(),
		MatchedPolicies: e.Decision.MatchedPolicies,
		EvalNS:          e.Decision.EvalNS,
		Via:             e.Via,
	}
	flags := append([]string(nil), e.Decision.Flags...)

	p, redacted, ok := memo.get(e.Call.Params)
	if !ok {
		params, fs := secret.RedactValue(map[string]any(e.Call.Params))
		redacted = len(fs) > 0
		var err error
		if p, err = encodeParams(params); err != nil {
			return Record{}, fmt.Errorf("audit: params: %w", err)
		}
		memo.put(e.Call.Params, p, redacted)
	}
	if len(p) > MaxParams {
		sum := sha256.Sum256(p)
		p = fmt.Appendf(nil, `{"bytes":%d,"sha256":"%s"}`, len(p), hex.EncodeToString(sum[:]))
		flags = append(flags, FlagParamsTruncated)
	}
	r.Params = p

	var found []secret.Finding
	r.Matched, found = secret.Redact(clip(e.Decision.Matched))
	redacted = redacted || len(found) > 0
	r.Message, found = secret.Redact(clip(e.Decision.Message))
	redacted = redacted || len(found) > 0
	if redacted {
		flags = append(flags, FlagRedacted)
	}
	r.Flags = flags
	return r, nil
}

// clip cuts s to maxText bytes, on a UTF-8 boundary.
func clip(s string) string {
	if len(s) <= maxText {
		return s
	}
	n := maxText
	for n > 0 && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// stamp fixes a record's time to the precision written.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

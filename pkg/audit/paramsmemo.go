package audit

import (
	"encoding/json"
	"sync"

	"rampart.dev/pkg/call"
)

// maxMemoParams bounds the params paramsMemo keeps: one or two string
// members, as an exec's command or a read's path.
const (
	maxMemoParams    = 2
	maxMemoParamsLen = 4 << 10
)

// paramsMemo keeps the last params a Log's records were given and what
// newRecord made of them: the params redacted of secrets and encoded, and
// whether anything was redacted. A program that runs the same command in a
// loop gives every record the same params, and the walk for secrets and
// the encoding are done once for them. Both depend on the params alone,
// so a record made from the memo is byte for byte the one made without
// it. Only params of a few string members are kept, compared member by
// member; any others are redacted and encoded every time.
type paramsMemo struct {
	mu       sync.Mutex
	n        int // members kept; 0: none
	keys     [maxMemoParams]string
	vals     [maxMemoParams]string
	p        json.RawMessage // full: an append to it never writes into it
	redacted bool
}

// get returns the encoded params and the redaction for params when they
// are the ones kept.
func (m *paramsMemo) get(params call.Params) (json.RawMessage, bool, bool) {
	if m == nil || len(params) == 0 || len(params) > maxMemoParams {
		return nil, false, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n != len(params) {
		return nil, false, false
	}
	for i := 0; i < m.n; i++ {
		v, ok := params[m.keys[i]].(string)
		if !ok || v != m.vals[i] {
			return nil, false, false
		}
	}
	return m.p, m.redacted, true
}

// put keeps params, encoded as p with redacted, when they are of the
// kind kept.
func (m *paramsMemo) put(params call.Params, p json.RawMessage, redacted bool) {
	if m == nil || len(params) == 0 || len(params) > maxMemoParams || len(p) > maxMemoParamsLen {
		return
	}
	var keys, vals [maxMemoParams]string
	i, size := 0, 0
	for k, v := range params {
		s, ok := v.(string)
		if !ok {
			return
		}
		keys[i], vals[i] = k, s
		size += len(k) + len(s)
		i++
	}
	if size > maxMemoParamsLen {
		return
	}
	// A copy of its own, full: the record p was made for may be changed,
	// and an append to what get hands out must not write into it.
	kept := append(json.RawMessage(nil), p...)
	kept = kept[:len(kept):len(kept)]
	m.mu.Lock()
	m.n, m.keys, m.vals = i, keys, vals
	m.p, m.redacted = kept, redacted
	m.mu.Unlock()
}

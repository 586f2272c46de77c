package decide

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"slices"
	"sync"
	"time"
	"unsafe"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
)

// decisionMemo keeps the engine's decisions on calls judged lately, so
// that a call made again (an agent reading the same file, listing the
// same directory) is not evaluated again while nothing it depends on has
// changed. It is never stale: the engine does no I/O and is a function of
// the policies in force, the call, the Env's fixed settings (home, case
// folding), the current year (mcpitems.go's date bounds) and the answers
// its Env gave about the file system. The call and the policies key an
// entry (the Env's settings are the point's own), the year turning drops
// them all, and each entry keeps every answer the file system gave (where
// a path's symbolic links lead, whether a file is private) and is used
// only when the same questions asked now get the same answers. Given the same answers, the
// engine would ask the same questions in the same order and decide the
// same, so the kept decision is the one it would make now. Only the
// evaluation is skipped: every call is still recorded (Point.finish).
//
// A call whose value holds something the key cannot spell (a type JSON
// does not decode to), whose key is large, that asked a path two ways
// with two answers (the file system changed meanwhile), or whose
// evaluation failed, is not kept. memo_test.go keeps the list of the
// engine's inputs honest: a package the engine depends on that reads the
// clock, the environment or the file system fails it.
type decisionMemo struct {
	mu      sync.Mutex
	year    int // the year of every entry
	entries map[string]*memoEntry
	order   []string // the keys of entries, oldest first from next
	next    int
}

// Bounds of a point's memo: entries beyond maxMemo replace others, and a
// call whose key is longer than maxMemoKey (a write of a large file) or
// that asks more than maxMemoLookups questions is not kept.
const (
	maxMemo        = 256
	maxMemoKey     = 8 << 10
	maxMemoLookups = 64
)

// memoEntry is a kept decision, the policies it was made by and the
// answers it was made with. Holding the policies keeps another policy
// from taking one's place in memory, and so in a key (appendTiersKey).
type memoEntry struct {
	d       call.Decision
	by      int
	pols    []*policy.Policy
	lookups []lookup
}

// lookup is one question the engine asked its Env and the answer: where
// path's links lead (real, ok), or whether path is private (ok).
type lookup struct {
	private bool
	script  bool // a script's text was asked for (scriptText): found, and sum its text's
	path    string
	real    string
	ok      bool
	found   engine.ScriptFound
	sum     [32]byte
}

// get returns the entry for key, decided by tiers in year, or nil.
func (m *decisionMemo) get(tiers []Tier, year int, key []byte) *memoEntry {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.year != year {
		return nil
	}
	if e := m.entries[string(key)]; e != nil && sameTiers(e.pols, tiers) {
		return e
	}
	return nil
}

// put keeps e for key in year; the entries of another year are dropped.
func (m *decisionMemo) put(year int, key []byte, e *memoEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.entries == nil || m.year != year {
		m.year = year
		m.entries = make(map[string]*memoEntry, maxMemo)
		m.order, m.next = m.order[:0], 0
	}
	if _, ok := m.entries[string(key)]; ok {
		// The same call decided again, as the file system now answers:
		// its place in the order stays.
		m.entries[string(key)] = e
		return
	}
	k := string(key)
	if len(m.order) < maxMemo {
		m.order = append(m.order, k)
	} else {
		// Full: the oldest entry makes room.
		delete(m.entries, m.order[m.next])
		m.order[m.next] = k
		m.next = (m.next + 1) % maxMemo
	}
	m.entries[k] = e
}

// appendTiersKey appends the identity of the policies of tiers, in order,
// to a call's key: calls from directories with other project layers, and
// calls before and after a reload, have keys of their own. An entry holds
// its policies (memoEntry.pols), so an address in a kept key is never
// another policy's.
func appendTiersKey(key []byte, tiers []Tier) []byte {
	key = binary.AppendUvarint(key, uint64(len(tiers)))
	for _, t := range tiers {
		key = binary.LittleEndian.AppendUint64(key, uint64(uintptr(unsafe.Pointer(t.Policy))))
	}
	return key
}

// policiesOf returns the policies of tiers.
func policiesOf(tiers []Tier) []*policy.Policy {
	pols := make([]*policy.Policy, len(tiers))
	for i, t := range tiers {
		pols[i] = t.Policy
	}
	return pols
}

func sameTiers(kept []*policy.Policy, tiers []Tier) bool {
	if len(kept) != len(tiers) {
		return false
	}
	for i, t := range tiers {
		if kept[i] != t.Policy {
			return false
		}
	}
	return true
}

// holds reports whether the file system answers e's questions as it did,
// asked as the Env of evaluate asks them (symlinks.go's env): links
// followed by realPath, raw where raw lookups are on, privateFile, and
// scripts' texts read again by scriptText. A path that had no link on it
// is asked through w (keptRealPath), which may keep that answer under its
// watch; since is the number of w's polls begun before the call arrived.
func (e *memoEntry) holds(w *projectWalks, rawLookups bool, since uint64) bool {
	raw := rawLookups && haveRawLstat
	for _, l := range e.lookups {
		if l.script {
			if text, found := scriptText(l.path); found != l.found || textSum(text, found) != l.sum {
				return false
			}
			continue
		}
		if l.private {
			if privateFile(l.path) != l.ok {
				return false
			}
			continue
		}
		if l.ok && l.real == l.path {
			if real, ok := w.keptRealPath(l.path, raw, since); real != l.real || !ok {
				return false
			}
			continue
		}
		if real, ok := realPath(l.path, raw); real != l.real || ok != l.ok {
			return false
		}
	}
	return true
}

// decision returns a copy of the kept decision that shares no slice with
// it.
func (e *memoEntry) decision() call.Decision {
	d := e.d
	d.MatchedPolicies = slices.Clone(d.MatchedPolicies)
	d.Flags = slices.Clone(d.Flags)
	return d
}

// recorder notes the questions an evaluation asks its Env.
type recorder struct {
	lookups []lookup
	spoilt  bool // a question answered two ways, or too many questions
}

// watch returns env with its questions and answers noted in r.
func (r *recorder) watch(env engine.Env) engine.Env {
	if resolve := env.Resolve; resolve != nil {
		env.Resolve = func(p string) (string, bool) {
			real, ok := resolve(p)
			r.note(lookup{path: p, real: real, ok: ok})
			return real, ok
		}
	}
	if private := env.Private; private != nil {
		env.Private = func(p string) bool {
			ok := private(p)
			r.note(lookup{private: true, path: p, ok: ok})
			return ok
		}
	}
	if read := env.ScriptText; read != nil {
		env.ScriptText = func(p string) (string, engine.ScriptFound) {
			text, found := read(p)
			r.note(lookup{script: true, path: p, found: found, sum: textSum(text, found)})
			return text, found
		}
	}
	return env
}

func (r *recorder) note(l lookup) {
	for _, k := range r.lookups {
		if k.private == l.private && k.script == l.script && k.path == l.path {
			if k != l {
				r.spoilt = true
			}
			return
		}
	}
	if len(r.lookups) >= maxMemoLookups {
		r.spoilt = true
		return
	}
	r.lookups = append(r.lookups, l)
}

// keyBuffers hold the buffers memo keys are spelled in.
var keyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// memoYear is the year the engine's date bounds use (boundedRange).
func memoYear() int { return time.Now().Year() }

// appendMemoKey appends an encoding of every field of c to buf, one
// that no other call shares; ok is false when a value cannot be spelled
// (a type other than JSON's) or the key grows past maxMemoKey.
func appendMemoKey(buf []byte, c *call.Call) ([]byte, bool) {
	buf = appendKeyString(buf, c.Tool)
	buf = appendKeyString(buf, c.Agent)
	buf = appendKeyString(buf, c.Session)
	buf = appendKeyString(buf, c.Cwd)
	buf, ok := appendKeyValue(buf, map[string]any(c.Params), 0)
	return buf, ok && len(buf) <= maxMemoKey
}

// maxKeyDepth bounds the nesting a key spells; deeper calls are not kept.
const maxKeyDepth = 64

// appendKeyValue appends v, each value tagged with its type and each
// string with its length, a map's members sorted by name.
func appendKeyValue(buf []byte, v any, depth int) ([]byte, bool) {
	if depth > maxKeyDepth || len(buf) > maxMemoKey {
		return buf, false
	}
	switch x := v.(type) {
	case nil:
		return append(buf, 'n'), true
	case bool:
		if x {
			return append(buf, 't'), true
		}
		return append(buf, 'f'), true
	case string:
		if len(buf)+len(x) > maxMemoKey {
			return buf, false
		}
		return appendKeyString(append(buf, 's'), x), true
	case json.Number:
		return appendKeyString(append(buf, 'N'), string(x)), true
	case float64:
		return binary.LittleEndian.AppendUint64(append(buf, 'd'), math.Float64bits(x)), true
	case []any:
		buf = binary.AppendUvarint(append(buf, 'a'), uint64(len(x)))
		for _, e := range x {
			var ok bool
			if buf, ok = appendKeyValue(buf, e, depth+1); !ok {
				return buf, false
			}
		}
		return buf, true
	case map[string]any:
		return appendKeyMap(buf, x, depth)
	case call.Params:
		return appendKeyMap(buf, x, depth)
	}
	return buf, false
}

func appendKeyMap(buf []byte, m map[string]any, depth int) ([]byte, bool) {
	if m == nil {
		return append(buf, 'n'), true
	}
	var small [8]string
	names := small[:0]
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	buf = binary.AppendUvarint(append(buf, 'm'), uint64(len(names)))
	for _, k := range names {
		buf = appendKeyString(buf, k)
		var ok bool
		if buf, ok = appendKeyValue(buf, m[k], depth+1); !ok {
			return buf, false
		}
	}
	return buf, true
}

func appendKeyString(buf []byte, s string) []byte {
	return append(binary.AppendUvarint(buf, uint64(len(s))), s...)
}

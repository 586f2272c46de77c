package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// frame is what the chain needs from a line, read by position rather than
// by decoding the JSON: a line is `{"seq":N,` ... `,"prev":"P","hash":"H"}`
// and a JSON string can hold no raw `"`, so these members can be found at
// the ends of the line. This keeps verification at the speed of SHA-256.
type frame struct {
	seq  uint64
	prev []byte // "" or 64 hex digits
	hash []byte // 64 hex digits
}

const (
	seqPrefix   = `{"seq":`
	prevKey     = `,"prev":"`
	hashKey     = `,"hash":"`
	emptyPrev   = `,"prev":""`
	maxSeqDigit = 20
)

// parseFrame reads the frame of a line (without its newline), or returns
// the reason it is not a record.
func parseFrame(b []byte) (frame, string) {
	var f frame
	n := len(b)
	if n < len(seqPrefix)+hashSuffixLen+len(emptyPrev) || !bytes.HasPrefix(b, []byte(seqPrefix)) ||
		string(b[n-hashSuffixLen:n-hashSuffixLen+len(hashKey)]) != hashKey || string(b[n-2:]) != `"}` {
		return f, "not an audit record"
	}
	i := len(seqPrefix)
	for ; i < n && i-len(seqPrefix) <= maxSeqDigit && '0' <= b[i] && b[i] <= '9'; i++ {
		f.seq = f.seq*10 + uint64(b[i]-'0')
	}
	if i == len(seqPrefix) || b[i] != ',' || f.seq == 0 || b[len(seqPrefix)] == '0' {
		return f, "not an audit record: bad seq"
	}
	f.hash = b[n-66 : n-2]
	end := n - hashSuffixLen // just past prev's closing quote
	switch {
	case end-len(prevKey)-65 > i && string(b[end-len(prevKey)-65:end-65]) == prevKey && b[end-1] == '"':
		f.prev = b[end-65 : end-1]
	case string(b[end-len(emptyPrev):end]) == emptyPrev:
		f.prev = b[end-1 : end-1]
	default:
		return f, "not an audit record: no prev"
	}
	return f, ""
}

// hasher computes line hashes.
type hasher struct {
	hex [64]byte
}

func newHasher() *hasher { return &hasher{} }

// lineHash returns the hex hash of a line from its canonical bytes: the line
// cut before its hash member, closed with '}'. It hashes in place, by
// putting the '}' over the ',' that starts the hash member for the moment:
// no copy, one call. The result is valid until the next call.
func (x *hasher) lineHash(b []byte) []byte {
	cut := len(b) - hashSuffixLen
	c := b[cut]
	b[cut] = '}'
	sum := sha256.Sum256(b[:cut+1])
	b[cut] = c
	hex.Encode(x.hex[:], sum[:])
	return x.hex[:]
}

// unhex maps a lower-case hex digit to its value, anything else to 0xff.
var unhex = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i, c := range hexDigits {
		t[c] = byte(i)
	}
	return t
}()

// matches reports whether the 64 lower-case hex digits h spell sum.
func matches(h []byte, sum *[sha256.Size]byte) bool {
	for i, b := range sum {
		hi, lo := unhex[h[2*i]], unhex[h[2*i+1]]
		if hi|lo == 0xff || hi<<4|lo != b {
			return false
		}
	}
	return true
}

// check parses the frame of a line and checks its hash.
func (x *hasher) check(b []byte) (frame, string) {
	f, bad := parseFrame(b)
	if bad != "" {
		return f, bad
	}
	cut := len(b) - hashSuffixLen
	c := b[cut]
	b[cut] = '}'
	sum := sha256.Sum256(b[:cut+1])
	b[cut] = c
	if !matches(f.hash, &sum) {
		return f, "hash does not match the record's contents"
	}
	return f, ""
}

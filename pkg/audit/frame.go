package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
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

// hasher computes line hashes, reusing its SHA-256 state.
type hasher struct {
	h   hash.Hash
	sum [sha256.Size]byte
	hex [64]byte
}

func newHasher() *hasher { return &hasher{h: sha256.New()} }

// lineHash returns the hex hash of a line from its canonical bytes: the line
// cut before its hash member, closed with '}'. The result is valid until the
// next call.
func (x *hasher) lineHash(b []byte) []byte {
	x.h.Reset()
	x.h.Write(b[:len(b)-hashSuffixLen])
	x.h.Write(closeBrace)
	hex.Encode(x.hex[:], x.h.Sum(x.sum[:0]))
	return x.hex[:]
}

var closeBrace = []byte{'}'}

// check parses the frame of a line and checks its hash.
func (x *hasher) check(b []byte) (frame, string) {
	f, bad := parseFrame(b)
	if bad != "" {
		return f, bad
	}
	if !bytes.Equal(x.lineHash(b), f.hash) {
		return f, "hash does not match the record's contents"
	}
	return f, ""
}

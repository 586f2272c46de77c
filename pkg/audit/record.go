// Package audit is Rampart's tamper-evident audit trail: a hash-chained
// JSON Lines file that many processes append to at once, with rotation, crash
// recovery, verification and signed checkpoints.
//
// # Records
//
// Every decision is one line, a JSON object whose keys always appear, in
// this order:
//
//	seq               uint64, 1 for the first record ever, +1 for each next one
//	id                ULID of the record
//	time              UTC, RFC 3339 with exactly six fractional digits
//	agent, session, tool, cwd
//	params            the call's params, credentials redacted (see below)
//	decision          allow, log, require_approval or deny
//	matched_policies  array of policy names ([] when none)
//	matched, message  what made the rule hold, and the rule's message
//	eval_ns           time the engine took
//	via               the adapter that saw the call (hook, eval, mcp ...)
//	flags             array: the decision's flags and the writer's ("redacted" ...)
//	prev              hash of the previous record; "" before the first
//	hash              lower-case hex SHA-256 of the record's canonical bytes
//
// # Canonical bytes
//
// The canonical bytes of a record are its line without the hash member and
// without the newline: the keys above from seq to prev, in that order, as
// compact JSON (no blanks between tokens), with strings escaped as
// encoding/json does with HTML escaping off (only `"`, `\`, control
// characters as \b \f \n \r \t or \u00xx, and U+2028, U+2029 as \u2028,
// \u2029; every other character is raw UTF-8; invalid UTF-8 bytes become
// U+FFFD, written raw), integers in decimal, and params copied verbatim (it
// is compact JSON written by encoding/json, keys sorted, HTML escaping off).
// The line is then the canonical bytes with the final `}` replaced by
// `,"hash":"<hex>"}` and a newline. So a verifier in any language can take
// a line, cut it at its last `,"hash":"`, append `}`, hash that, and
// compare. For example the canonical bytes
//
//	{"seq":1,"id":"01JZ0000000000000000000000","time":"2025-01-02T03:04:05.000006Z","agent":"claude-code","session":"s1","tool":"exec","cwd":"/home/u/p","params":{"command":"rm -rf /"},"decision":"deny","matched_policies":["block-destructive"],"matched":"rm -rf /","message":"Destructive command blocked","eval_ns":900,"via":"hook","flags":[],"prev":""}
//
// hash to 812be5ca5822f005203f5c449cd877ed1705d08786c60ba3b22e429625953c67
// (see TestCanonicalGolden), and testdata/verify.py checks a whole file in a
// dozen lines of Python.
//
// # Chain, head and checkpoints
//
// prev links each record to the one before it, across rotated files, so an
// edited, inserted or deleted record breaks the chain at its line. A hash
// chain alone cannot show that records were cut from its end; two things
// can. The head file beside the log (audit.jsonl.head) holds the last seq
// and hash and is updated under the same lock as every append, so Verify
// sees a log that ends before its head. And a checkpoint, a small text
// signed with an ed25519 key, commits to a seq and its hash: kept anywhere
// the attacker cannot reach, it proves later that the log still extends it.
//
// # Writers
//
// Append takes an exclusive flock(2) on the head file, reads the head (not
// the log), builds the record, writes the whole line with one write(2) to
// the log opened O_APPEND, and updates the head, so an append costs the same
// however long the log is, and processes never interleave. Appends made at
// once through one Log share that work: they queue while a batch is being
// written and go in the next one, with one lock, one write(2) of whole
// lines, one fsync and one head update, and each returns only once its own
// record is written. See [Log] for rotation, crash recovery and fsync.
//
// # Redaction
//
// Params, matched and message go through [secret.RedactValue] and
// [secret.Redact] before they are written; a record that lost something
// carries the "redacted" flag.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"rampart.dev/pkg/jsonstr"
)

// TimeFormat is the layout of a record's time, always in UTC.
const TimeFormat = "2006-01-02T15:04:05.000000Z07:00"

// Record is one line of the audit log.
type Record struct {
	Seq             uint64          `json:"seq"`
	ID              string          `json:"id"`
	Time            time.Time       `json:"time"`
	Agent           string          `json:"agent"`
	Session         string          `json:"session"`
	Tool            string          `json:"tool"`
	Cwd             string          `json:"cwd"`
	Params          json.RawMessage `json:"params"`
	Decision        string          `json:"decision"`
	MatchedPolicies []string        `json:"matched_policies"`
	Matched         string          `json:"matched"`
	Message         string          `json:"message"`
	EvalNS          int64           `json:"eval_ns"`
	Via             string          `json:"via"`
	Flags           []string        `json:"flags"`
	Prev            string          `json:"prev"`
	Hash            string          `json:"hash"`
}

// Flags the writer adds to a record.
const (
	// FlagRedacted: credentials were removed from params, matched or message.
	FlagRedacted = "redacted"
	// FlagParamsTruncated: params exceeded MaxParams and were replaced by
	// their size and SHA-256.
	FlagParamsTruncated = "params_truncated"
	// FlagAfterTorn: the log ended in a torn line (a writer was killed
	// mid-write); its bytes were moved to the .torn file before this record.
	FlagAfterTorn = "after_torn"
	// FlagAfterTruncation: the log was shorter than its head said; this
	// record chains from the head, so Verify shows where records went.
	FlagAfterTruncation = "after_truncation"
)

// Size limits.
const (
	// MaxParams bounds the params written into one record. A write call can
	// carry a whole file; past 1 MiB the record keeps its size and SHA-256
	// instead, so that one call cannot bloat the trail or stall its readers.
	MaxParams = 1 << 20
	// maxText bounds matched and message, which come from the policy and
	// the call and need no more.
	maxText = 64 << 10
	// MaxRecord bounds one line when reading: MaxParams plus room for the
	// other fields and escaping. Longer lines are not records.
	MaxRecord = 4 << 20
)

// hashSuffixLen is the length of `,"hash":"` + 64 hex digits + `"}`.
const hashSuffixLen = len(`,"hash":"`) + 64 + len(`"}`)

// Canonical returns the canonical bytes of r: everything but its hash.
func (r *Record) Canonical() []byte { return r.appendCanonical(nil) }

func (r *Record) appendCanonical(b []byte) []byte {
	b = r.appendStamp(b)
	b = r.appendBody(b)
	return appendPrev(b, r.Prev)
}

// appendStamp appends the start of the canonical bytes: the members the
// writer fills in under the lock (seq, id, time).
func (r *Record) appendStamp(b []byte) []byte {
	b = append(b, `{"seq":`...)
	b = strconv.AppendUint(b, r.Seq, 10)
	b = appendKey(b, "id")
	b = appendString(b, r.ID)
	b = appendKey(b, "time")
	b = append(b, '"')
	b = appendTime(b, r.Time.UTC())
	return append(b, '"')
}

// appendTime appends t, in UTC, as TimeFormat lays it out: digit by digit
// for the years 0 to 9999, by time.Time.AppendFormat for the others.
func appendTime(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if year < 0 || year > 9999 || t.Location() != time.UTC {
		return t.AppendFormat(b, TimeFormat)
	}
	hour, min, sec := t.Clock()
	var d [26]byte // 2006-01-02T15:04:05.000000
	put := func(at, v, n int) {
		for i := at + n - 1; i >= at; i-- {
			d[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, year, 4)
	d[4] = '-'
	put(5, int(month), 2)
	d[7] = '-'
	put(8, day, 2)
	d[10] = 'T'
	put(11, hour, 2)
	d[13] = ':'
	put(14, min, 2)
	d[16] = ':'
	put(17, sec, 2)
	d[19] = '.'
	put(20, t.Nanosecond()/1000, 6)
	b = append(b, d[:]...)
	return append(b, 'Z')
}

// appendBody appends the members from agent to flags: what the call and
// its decision say, known before the record takes its place in the chain.
func (r *Record) appendBody(b []byte) []byte {
	b = appendKey(b, "agent")
	b = appendString(b, r.Agent)
	b = appendKey(b, "session")
	b = appendString(b, r.Session)
	b = appendKey(b, "tool")
	b = appendString(b, r.Tool)
	b = appendKey(b, "cwd")
	b = appendString(b, r.Cwd)
	b = appendKey(b, "params")
	if len(r.Params) == 0 {
		b = append(b, "{}"...)
	} else {
		b = append(b, r.Params...)
	}
	b = appendKey(b, "decision")
	b = appendString(b, r.Decision)
	b = appendKey(b, "matched_policies")
	b = appendStrings(b, r.MatchedPolicies)
	b = appendKey(b, "matched")
	b = appendString(b, r.Matched)
	b = appendKey(b, "message")
	b = appendString(b, r.Message)
	b = appendKey(b, "eval_ns")
	b = strconv.AppendInt(b, r.EvalNS, 10)
	b = appendKey(b, "via")
	b = appendString(b, r.Via)
	b = appendKey(b, "flags")
	return appendStrings(b, r.Flags)
}

// appendPrev appends the last member, the link to the previous record, and
// closes the object.
func appendPrev(b []byte, prev string) []byte {
	b = appendKey(b, "prev")
	b = appendString(b, prev)
	return append(b, '}')
}

// ComputeHash returns the hash of r's canonical bytes, as hex.
func (r *Record) ComputeHash() string {
	sum := sha256.Sum256(r.Canonical())
	return hex.EncodeToString(sum[:])
}

// AppendLine appends r's full line, with its hash and a newline, to b.
func (r *Record) AppendLine(b []byte) []byte {
	b = r.appendCanonical(b)
	b = b[:len(b)-1]
	b = append(b, `,"hash":`...)
	b = appendString(b, r.Hash)
	return append(b, "}\n"...)
}

// MarshalJSON encodes r as its line, without the newline, so that encoding
// a record read from a log gives back its bytes (through a json.Encoder with
// SetEscapeHTML(false); json.Marshal escapes <, > and & in params).
func (r Record) MarshalJSON() ([]byte, error) {
	b := r.AppendLine(nil)
	return b[:len(b)-1], nil
}

// ErrNotRecord wraps the reason a line is not a record.
var ErrNotRecord = errors.New("not an audit record")

// ParseRecord decodes one line (without its newline) into a Record. It
// checks the shape, not the hash: that is Verify's job.
func ParseRecord(line []byte) (Record, error) {
	var r Record
	if len(line) < hashSuffixLen || line[0] != '{' {
		return r, ErrNotRecord
	}
	if err := json.Unmarshal(line, &r); err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrNotRecord, err)
	}
	if r.Seq == 0 || len(r.Hash) != 64 || r.ID == "" {
		return Record{}, fmt.Errorf("%w: missing seq, id or hash", ErrNotRecord)
	}
	return r, nil
}

func appendKey(b []byte, k string) []byte {
	b = append(b, ',', '"')
	b = append(b, k...)
	return append(b, '"', ':')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as the package doc says.
func appendString(b []byte, s string) []byte { return appendEscaped(b, s, "\uFFFD") }

// appendEscaped appends s as a JSON string (jsonstr.Append), each byte of
// invalid UTF-8 written as invalid: the replacement character itself in a
// record's own fields, its escape `\ufffd` where the text must be what
// encoding/json writes (params.go).
func appendEscaped(b []byte, s, invalid string) []byte { return jsonstr.Append(b, s, invalid) }

// Package feed delivers audit records to the dashboard as they are written:
// by following the audit log on disk across rotation ([File]), or by reading
// a rampart-serve event stream ([Stream]).
//
// Both call an emit function with batches of [Event]s, so that a burst of
// records (or the whole log at start) costs one redraw, not one per record.
package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// Record is one audit record, as package audit reads it, with what the
// dashboard derives from it once.
type Record struct {
	audit.Record
	// Action is the record's decision.
	Action call.Action
	// Summary is the call in one line: the command, path or URL.
	Summary string
}

// Event is what a source delivers: a record with its raw line and where it
// came from, or a note about the source itself.
type Event struct {
	Record *Record
	// Line is the record's raw JSON, as the chain hash covers it.
	Line []byte
	// Where locates the record for messages: "audit.jsonl:42".
	Where string
	// Err is a line that could not be read, or a source that failed.
	Err error
	// Note is news about the source ("waiting for audit.jsonl",
	// "rotated", "reconnecting"), shown in the header.
	Note string
	// Approvals tells the dashboard that pending approvals changed.
	Approvals bool
	// Rotated marks the first record read from a new file after rotation.
	Rotated bool
	// Resync says records may have been missed (a stream reconnected), so
	// the next record need not link to the one before.
	Resync bool
}

// Decode parses one audit record line (see [audit.ParseRecord]). It checks
// the record's shape, not its hash.
func Decode(line []byte) (*Record, error) {
	ar, err := audit.ParseRecord(line)
	if err != nil {
		return nil, err
	}
	a, err := call.ParseAction(ar.Decision)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", audit.ErrNotRecord, err)
	}
	return &Record{Record: ar, Action: a, Summary: Summarize(ar.Tool, ar.Params)}, nil
}

// HasFlag reports whether the record carries flag f.
func (r *Record) HasFlag(f string) bool {
	for _, g := range r.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// maxSummary bounds a summary: a row shows a line, not a file's content.
const maxSummary = 1024

// Summarize renders a call's params in one line: the command of an exec,
// the path of a read or write, the URL of a fetch (with its method unless
// GET), server/tool and arguments of an MCP call, the params of any other
// tool as compact JSON. Whitespace runs become one space.
func Summarize(tool string, params json.RawMessage) string {
	var p map[string]any
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return oneLine(string(params))
		}
	}
	str := func(k string) string { s, _ := p[k].(string); return s }
	var s string
	switch tool {
	case call.ToolExec:
		s = str("command")
	case call.ToolRead, call.ToolWrite:
		s = str("path")
	case call.ToolFetch:
		s = str("url")
		if m := str("method"); m != "" && !strings.EqualFold(m, "GET") {
			s = strings.ToUpper(m) + " " + s
		}
	case call.ToolMCP:
		s = str("server") + "/" + str("tool")
		if a, ok := p["arguments"]; ok {
			s += " " + compact(a)
		}
	}
	if s == "" && len(p) > 0 {
		s = compact(p)
	}
	return oneLine(s)
}

// compact encodes v as JSON with sorted keys.
func compact(v any) string {
	if m, ok := v.(map[string]any); ok {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b bytes.Buffer
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			b.WriteString(compact(m[k]))
		}
		b.WriteByte('}')
		return b.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// oneLine folds whitespace runs (newlines included) into single spaces,
// drops control characters that would move the terminal's cursor, and
// caps the length.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if b.Len() >= maxSummary {
			b.WriteString("…")
			break
		}
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = b.Len() > 0
			continue
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			r = '?'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Clean makes text from a record safe to print on a terminal: see oneLine.
// Agents choose commands and paths, so they could otherwise move the cursor
// or recolour the screen.
func Clean(s string) string { return oneLine(s) }

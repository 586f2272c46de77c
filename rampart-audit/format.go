package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"rampart.dev/pkg/audit"
)

// recordHeader heads the text form of records.
const recordHeader = "   SEQ  TIME                  DECISION          VIA            AGENT         TOOL     SUMMARY"

// maxSummary bounds the summary column so a record stays on one line.
const maxSummary = 100

// writeRecord prints one record: its stored line in JSON mode, else one
// aligned line of text.
func writeRecord(w io.Writer, asJSON bool, rec audit.Record, line []byte) error {
	if asJSON {
		_, err := w.Write(append(line[:len(line):len(line)], '\n'))
		return err
	}
	s := summary(rec)
	if len(rec.MatchedPolicies) > 0 {
		s += "  [" + strings.Join(rec.MatchedPolicies, ",") + "]"
	}
	if rec.Message != "" && rec.Decision != "allow" {
		s += "  " + rec.Message
	}
	_, err := fmt.Fprintf(w, "%6d  %-20s  %-16s  %-13s  %-12s  %-7s  %s\n", rec.Seq, rec.Time.UTC().Format(time.RFC3339),
		rec.Decision, clean(audit.AdapterName(rec.Via), 13), clean(rec.Agent, 12), clean(rec.Tool, 7), clean(s, maxSummary))
	return err
}

// summary is the most telling param of a record: the command, path, URL or
// MCP tool, else the params themselves.
func summary(rec audit.Record) string {
	var p map[string]any
	if json.Unmarshal(rec.Params, &p) == nil {
		for _, k := range []string{"command", "path", "url"} {
			if s, ok := p[k].(string); ok && s != "" {
				return s
			}
		}
		if t, ok := p["tool"].(string); ok {
			if s, ok := p["server"].(string); ok {
				return s + "/" + t
			}
			return t
		}
	}
	var b bytes.Buffer
	json.Compact(&b, rec.Params)
	return b.String()
}

// clean makes s safe and short for a terminal: control characters (which
// could drive the terminal) are shown escaped, and s is cut to n runes.
func clean(s string, n int) string {
	var b strings.Builder
	runes := 0
	for _, r := range s {
		if runes >= n {
			b.WriteString("…")
			break
		}
		switch {
		case r == utf8.RuneError:
			b.WriteRune('?')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
		runes++
	}
	return b.String()
}

// writeJSON prints v as one JSON line.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

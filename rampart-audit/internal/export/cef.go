package export

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/audit"
)

// cefSeverity maps a decision to CEF's 0-10 severity.
var cefSeverity = map[string]int{"deny": 8, "require_approval": 5, "log": 3, "allow": 1}

// AppendCEF appends a record as an ArcSight Common Event Format line:
//
//	CEF:0|Rampart|Rampart|VERSION|DECISION|MESSAGE|SEVERITY|rt=… act=… externalId=… cn1Label=seq cn1=… cs1Label=hash cs1=… …
//
// Header fields escape '|' and '\'; extension values escape '=', '\' and
// line breaks, as the CEF specification asks.
func AppendCEF(b []byte, r audit.Record, version string) []byte {
	if version == "" {
		version = "devel"
	}
	sev, ok := cefSeverity[r.Decision]
	if !ok {
		sev = 1
	}
	name := r.Message
	if name == "" {
		name = r.Decision
	}
	b = append(b, "CEF:0|Rampart|Rampart|"...)
	b = appendCEFHeader(b, version)
	b = append(b, '|')
	b = appendCEFHeader(b, r.Decision)
	b = append(b, '|')
	b = appendCEFHeader(b, name)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(sev), 10)
	b = append(b, '|')
	ext := []struct{ k, v string }{
		{"rt", strconv.FormatInt(r.Time.UnixMilli(), 10)},
		{"act", r.Decision},
		{"externalId", r.ID},
		{"cn1Label", "seq"}, {"cn1", strconv.FormatUint(r.Seq, 10)},
		{"cs1Label", "hash"}, {"cs1", r.Hash},
		{"cs2Label", "prev"}, {"cs2", r.Prev},
		{"cs3Label", "tool"}, {"cs3", r.Tool},
		{"cs4Label", "agent"}, {"cs4", r.Agent},
		{"cs5Label", "session"}, {"cs5", r.Session},
		{"cs6Label", "policy"}, {"cs6", strings.Join(r.MatchedPolicies, ",")},
		{"deviceProcessName", r.Via},
		{"msg", r.Message},
		{"flexString1Label", "params"}, {"flexString1", string(r.Params)},
	}
	for i, e := range ext {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, e.k...)
		b = append(b, '=')
		b = appendCEFValue(b, e.v)
	}
	return b
}

func appendCEFHeader(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '|', '\\':
			b = append(b, '\\', c)
		case '\n', '\r':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

func appendCEFValue(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '=', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		default:
			b = append(b, c)
		}
	}
	return b
}

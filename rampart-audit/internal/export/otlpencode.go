package export

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
)

// The OpenTelemetry log data model, as Rampart fills it:
//
//	resource     service.name=rampart, service.version, host.name
//	scope        rampart.dev/rampart-audit
//	time         the record's time; observed time the same
//	severity     INFO (allow), INFO2 (log), WARN (require_approval), WARN2 (deny); text the decision
//	body         the record's line exactly as stored, so its hash can be checked
//	event_name   rampart.decision
//	attributes   rampart.seq (int), rampart.id and log.record.uid, rampart.chain.hash,
//	             rampart.chain.prev, rampart.tool, rampart.decision, rampart.agent,
//	             rampart.session, rampart.matched_policies (array), rampart.via,
//	             rampart.cwd, rampart.message, rampart.flags (array)
//
// The protobuf form is written with protowire from opentelemetry-proto's
// field numbers (collector/logs/v1, logs/v1, common/v1, resource/v1): the
// generated Go package also links gRPC, which an exporter of six small
// messages does not need. The real collector in the tests reads both forms.

// severity maps a decision to an OpenTelemetry severity number and text.
var severity = map[string]struct {
	n    int
	text string
}{
	"allow": {9, "INFO"}, "log": {10, "INFO2"}, "require_approval": {13, "WARN"}, "deny": {14, "WARN2"},
}

// EventName is the event_name of every log record.
const EventName = "rampart.decision"

// ScopeName names the instrumentation scope.
const ScopeName = "rampart.dev/rampart-audit"

type resourceInfo struct {
	hostname string
	version  string
}

// attr is one attribute: a string, an int, or an array of strings.
type attr struct {
	key   string
	str   string
	num   int64
	arr   []string
	isNum bool
	isArr bool
}

func (r resourceInfo) attrs() []attr {
	a := []attr{{key: "service.name", str: "rampart"}}
	if r.version != "" {
		a = append(a, attr{key: "service.version", str: r.version})
	}
	if r.hostname != "" {
		a = append(a, attr{key: "host.name", str: r.hostname})
	}
	return a
}

func recordAttrs(it Item) []attr {
	r := it.Rec
	pol := r.MatchedPolicies
	if pol == nil {
		pol = []string{}
	}
	flags := r.Flags
	if flags == nil {
		flags = []string{}
	}
	return []attr{
		{key: "rampart.seq", num: int64(r.Seq), isNum: true},
		{key: "rampart.id", str: r.ID},
		{key: "log.record.uid", str: r.ID},
		{key: "rampart.chain.hash", str: r.Hash},
		{key: "rampart.chain.prev", str: r.Prev},
		{key: "rampart.tool", str: r.Tool},
		{key: "rampart.decision", str: r.Decision},
		{key: "rampart.agent", str: r.Agent},
		{key: "rampart.session", str: r.Session},
		{key: "rampart.matched_policies", arr: pol, isArr: true},
		{key: "rampart.via", str: r.Via},
		{key: "rampart.cwd", str: r.Cwd},
		{key: "rampart.message", str: r.Message},
		{key: "rampart.flags", arr: flags, isArr: true},
	}
}

// EncodeLogsProto encodes an ExportLogsServiceRequest holding items.
func EncodeLogsProto(items []Item, res resourceInfo) []byte {
	var resource []byte
	for _, a := range res.attrs() {
		resource = protowire.AppendTag(resource, 1, protowire.BytesType)
		resource = protowire.AppendBytes(resource, protoKeyValue(a))
	}
	var scope []byte
	scope = protowire.AppendTag(scope, 1, protowire.BytesType)
	scope = protowire.AppendString(scope, ScopeName)
	if res.version != "" {
		scope = protowire.AppendTag(scope, 2, protowire.BytesType)
		scope = protowire.AppendString(scope, res.version)
	}
	var scopeLogs []byte
	scopeLogs = protowire.AppendTag(scopeLogs, 1, protowire.BytesType)
	scopeLogs = protowire.AppendBytes(scopeLogs, scope)
	for _, it := range items {
		scopeLogs = protowire.AppendTag(scopeLogs, 2, protowire.BytesType)
		scopeLogs = protowire.AppendBytes(scopeLogs, protoLogRecord(it))
	}
	var rl []byte
	rl = protowire.AppendTag(rl, 1, protowire.BytesType)
	rl = protowire.AppendBytes(rl, resource)
	rl = protowire.AppendTag(rl, 2, protowire.BytesType)
	rl = protowire.AppendBytes(rl, scopeLogs)
	var req []byte
	req = protowire.AppendTag(req, 1, protowire.BytesType)
	return protowire.AppendBytes(req, rl)
}

func protoLogRecord(it Item) []byte {
	r := it.Rec
	ns := uint64(r.Time.UnixNano())
	sev := severity[r.Decision]
	var b []byte
	b = protowire.AppendTag(b, 1, protowire.Fixed64Type) // time_unix_nano
	b = protowire.AppendFixed64(b, ns)
	if sev.n > 0 {
		b = protowire.AppendTag(b, 2, protowire.VarintType) // severity_number
		b = protowire.AppendVarint(b, uint64(sev.n))
		b = protowire.AppendTag(b, 3, protowire.BytesType) // severity_text
		b = protowire.AppendString(b, sev.text)
	}
	b = protowire.AppendTag(b, 5, protowire.BytesType) // body
	b = protowire.AppendBytes(b, protoString(validUTF8(string(it.Line))))
	for _, a := range recordAttrs(it) {
		b = protowire.AppendTag(b, 6, protowire.BytesType) // attributes
		b = protowire.AppendBytes(b, protoKeyValue(a))
	}
	b = protowire.AppendTag(b, 11, protowire.Fixed64Type) // observed_time_unix_nano
	b = protowire.AppendFixed64(b, ns)
	b = protowire.AppendTag(b, 12, protowire.BytesType) // event_name
	return protowire.AppendString(b, EventName)
}

// protoKeyValue encodes a KeyValue {key = 1; value = 2 (AnyValue)}.
func protoKeyValue(a attr) []byte {
	var v []byte
	switch {
	case a.isNum:
		v = protowire.AppendTag(v, 3, protowire.VarintType) // int_value
		v = protowire.AppendVarint(v, uint64(a.num))
	case a.isArr:
		var arr []byte
		for _, s := range a.arr {
			arr = protowire.AppendTag(arr, 1, protowire.BytesType)
			arr = protowire.AppendBytes(arr, protoString(validUTF8(s)))
		}
		v = protowire.AppendTag(v, 5, protowire.BytesType) // array_value
		v = protowire.AppendBytes(v, arr)
	default:
		v = protoString(validUTF8(a.str))
	}
	var b []byte
	b = protowire.AppendTag(b, 1, protowire.BytesType)
	b = protowire.AppendString(b, a.key)
	b = protowire.AppendTag(b, 2, protowire.BytesType)
	return protowire.AppendBytes(b, v)
}

// protoString encodes an AnyValue holding a string (string_value = 1).
func protoString(s string) []byte {
	b := protowire.AppendTag(nil, 1, protowire.BytesType)
	return protowire.AppendString(b, s)
}

// validUTF8 makes s valid UTF-8, as protobuf strings must be (a record's
// strings are, having gone through encoding/json; this is for safety).
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// The JSON mapping of OTLP: camelCase names, enums as numbers, 64-bit
// integers as decimal strings.
type (
	jsonRequest struct {
		ResourceLogs []jsonResourceLogs `json:"resourceLogs"`
	}
	jsonResourceLogs struct {
		Resource  jsonResource    `json:"resource"`
		ScopeLogs []jsonScopeLogs `json:"scopeLogs"`
	}
	jsonResource struct {
		Attributes []jsonKeyValue `json:"attributes"`
	}
	jsonScopeLogs struct {
		Scope      jsonScope       `json:"scope"`
		LogRecords []jsonLogRecord `json:"logRecords"`
	}
	jsonScope struct {
		Name    string `json:"name"`
		Version string `json:"version,omitempty"`
	}
	jsonLogRecord struct {
		TimeUnixNano         string         `json:"timeUnixNano"`
		ObservedTimeUnixNano string         `json:"observedTimeUnixNano"`
		SeverityNumber       int            `json:"severityNumber,omitempty"`
		SeverityText         string         `json:"severityText,omitempty"`
		Body                 jsonAnyValue   `json:"body"`
		Attributes           []jsonKeyValue `json:"attributes"`
		EventName            string         `json:"eventName"`
	}
	jsonKeyValue struct {
		Key   string       `json:"key"`
		Value jsonAnyValue `json:"value"`
	}
	jsonAnyValue struct {
		StringValue *string         `json:"stringValue,omitempty"`
		IntValue    string          `json:"intValue,omitempty"`
		ArrayValue  *jsonArrayValue `json:"arrayValue,omitempty"`
	}
	jsonArrayValue struct {
		Values []jsonAnyValue `json:"values"`
	}
)

func jsonAttr(a attr) jsonKeyValue {
	kv := jsonKeyValue{Key: a.key}
	switch {
	case a.isNum:
		kv.Value.IntValue = strconv.FormatInt(a.num, 10)
	case a.isArr:
		arr := &jsonArrayValue{Values: []jsonAnyValue{}}
		for _, s := range a.arr {
			arr.Values = append(arr.Values, jsonAnyValue{StringValue: &s})
		}
		kv.Value.ArrayValue = arr
	default:
		s := a.str
		kv.Value.StringValue = &s
	}
	return kv
}

// EncodeLogsJSON encodes an ExportLogsServiceRequest holding items in
// OTLP's JSON mapping.
func EncodeLogsJSON(items []Item, res resourceInfo) []byte {
	rl := jsonResourceLogs{Resource: jsonResource{Attributes: []jsonKeyValue{}}}
	for _, a := range res.attrs() {
		rl.Resource.Attributes = append(rl.Resource.Attributes, jsonAttr(a))
	}
	sl := jsonScopeLogs{Scope: jsonScope{Name: ScopeName, Version: res.version}}
	for _, it := range items {
		r := it.Rec
		ns := strconv.FormatInt(r.Time.UnixNano(), 10)
		sev := severity[r.Decision]
		body := string(it.Line)
		lr := jsonLogRecord{
			TimeUnixNano: ns, ObservedTimeUnixNano: ns,
			SeverityNumber: sev.n, SeverityText: sev.text,
			Body: jsonAnyValue{StringValue: &body}, EventName: EventName,
		}
		for _, a := range recordAttrs(it) {
			lr.Attributes = append(lr.Attributes, jsonAttr(a))
		}
		sl.LogRecords = append(sl.LogRecords, lr)
	}
	rl.ScopeLogs = []jsonScopeLogs{sl}
	b, _ := json.Marshal(jsonRequest{ResourceLogs: []jsonResourceLogs{rl}})
	return b
}

// parseJSONAnswer reads {"partialSuccess":{"rejectedLogRecords":N,"errorMessage":"…"}}
// or a Status {"code":N,"message":"…"}.
func parseJSONAnswer(body []byte, ok bool) (Answer, error) {
	var v struct {
		PartialSuccess *struct {
			Rejected json.Number `json:"rejectedLogRecords"`
			Message  string      `json:"errorMessage"`
		} `json:"partialSuccess"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return Answer{}, errBadAnswer
	}
	if !ok {
		return Answer{Message: clipMessage(v.Message)}, nil
	}
	if v.PartialSuccess == nil {
		return Answer{}, nil
	}
	var n int64
	if v.PartialSuccess.Rejected != "" {
		var err error
		if n, err = strconv.ParseInt(string(v.PartialSuccess.Rejected), 10, 64); err != nil || n < 0 {
			return Answer{}, errBadAnswer
		}
	}
	return Answer{Rejected: n, Message: clipMessage(v.PartialSuccess.Message)}, nil
}

// parseProtoAnswer reads ExportLogsServiceResponse {partial_success = 1
// {rejected_log_records = 1; error_message = 2}} or google.rpc.Status
// {code = 1; message = 2; details = 3}.
func parseProtoAnswer(body []byte, ok bool) (Answer, error) {
	var a Answer
	if !ok {
		err := eachField(body, func(num protowire.Number, typ protowire.Type, v []byte, n uint64) error {
			if num == 2 && typ == protowire.BytesType {
				a.Message = clipMessage(string(v))
			}
			return nil
		})
		return a, err
	}
	err := eachField(body, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if num != 1 || typ != protowire.BytesType {
			return nil
		}
		return eachField(v, func(num protowire.Number, typ protowire.Type, v []byte, n uint64) error {
			switch {
			case num == 1 && typ == protowire.VarintType:
				if int64(n) < 0 {
					return errBadAnswer
				}
				a.Rejected = int64(n)
			case num == 2 && typ == protowire.BytesType:
				a.Message = clipMessage(string(v))
			}
			return nil
		})
	})
	return a, err
}

// eachField calls fn with each field of a protobuf message: for a varint
// its value in n, for a length-delimited field its bytes in v.
func eachField(b []byte, fn func(protowire.Number, protowire.Type, []byte, uint64) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errBadAnswer
		}
		b = b[n:]
		var v []byte
		var x uint64
		switch typ {
		case protowire.VarintType:
			x, n = protowire.ConsumeVarint(b)
		case protowire.BytesType:
			v, n = protowire.ConsumeBytes(b)
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 {
			return errBadAnswer
		}
		b = b[n:]
		if err := fn(num, typ, v, x); err != nil {
			return err
		}
	}
	return nil
}

// clipMessage bounds a collector's message in our errors, and keeps it to
// one printable line.
func clipMessage(s string) string {
	const max = 200
	if len(s) > max {
		s = s[:max] + "…"
	}
	s = validUTF8(s)
	out := []rune{}
	for _, r := range s {
		if r < 32 || r == 127 {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}

package proxy

import (
	"bytes"
	"encoding/json"
)

// idFromHead reads the top-level "id" of a JSON-RPC request from the
// start of it (an over-long message is refused without being read whole),
// so the refusal answers the request that was sent. It returns nil unless
// both the id (a string or a number) and a "method" member are found at
// the top level within head: a response (no method) is never answered.
func idFromHead(head []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(head))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil
	}
	var id json.RawMessage
	method := false
	for dec.More() && (id == nil || !method) {
		key, err := dec.Token()
		if err != nil {
			break
		}
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			break // the value runs past head
		}
		switch k, _ := key.(string); k {
		case "id":
			if len(v) > 0 && (v[0] == '"' || v[0] == '-' || '0' <= v[0] && v[0] <= '9') {
				id = v
			}
		case "method":
			method = true
		}
	}
	if !method {
		return nil
	}
	return id
}

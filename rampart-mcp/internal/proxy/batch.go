package proxy

import (
	"bytes"
	"encoding/json"
)

// clientBatch handles a JSON-RPC batch: each tools/call in it is judged.
func (p *Proxy) clientBatch(line, body []byte) {
	var elems []json.RawMessage
	if err := json.Unmarshal(body, &elems); err != nil {
		p.clientMalformed(line, err.Error())
		return
	}
	var fwd [][]byte
	var replies [][]byte
	var holds []*held
	for _, e := range elems {
		env, err := parseEnvelope(e)
		if err != nil {
			// Not an object (a nested array, a number): no message. Some
			// server might read a nested batch, so it is not passed on.
			replies = append(replies, errorResponse(nil, codeInvalidRequest, "rampart-mcp: batch element is not a JSON-RPC message"))
			continue
		}
		v := p.clientMessage(env)
		if v.forward {
			fwd = append(fwd, e)
		}
		if v.reply != nil {
			replies = append(replies, v.reply)
		}
		if v.hold != nil {
			holds = append(holds, v.hold)
		}
	}
	if len(fwd) == len(elems) {
		p.server.write(line) // nothing judged away: the batch goes on untouched
	} else if len(fwd) > 0 {
		p.server.write(joinArray(fwd))
	}
	if len(replies) > 0 {
		p.client.write(joinArray(replies))
	}
	for _, h := range holds {
		// Approved, a held element is sent on its own: the batch it came in
		// has already gone.
		raw := findElement(elems, h.env.id)
		p.startHold(h, append(bytes.Clone(raw), '\n'))
	}
}

// findElement returns the batch element that carries the id.
func findElement(elems []json.RawMessage, id json.RawMessage) []byte {
	k := idKey(id)
	for _, e := range elems {
		env, err := parseEnvelope(e)
		if err == nil && env.method == "tools/call" && env.id != nil && idKey(env.id) == k {
			return e
		}
	}
	return nil
}

func joinArray(parts [][]byte) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, x := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(x)
	}
	b.WriteByte(']')
	return b.Bytes()
}

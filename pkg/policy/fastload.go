package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The embedded profiles are written in YAML (profiles/*.yaml, what `init`
// writes out) and also embedded as JSON (profiles/*.json, generated from the
// YAML by `go test ./policy -run TestProfilesJSON -args -update`, and checked to match it
// by that test). Loading a profile reads the JSON into the same node tree
// the YAML parser would build, at a fraction of the cost: a hook process
// that judges one call loads the standard profile every time.

// jsonNode decodes a JSON document into a yaml.Node document tree. It is a
// small scanner for the generated profile JSON (encoding/json's token API
// costs more than the YAML parser it replaces); malformed input is an error.
func jsonNode(data []byte) (*yaml.Node, error) {
	d := &jsonScanner{b: data}
	n, err := d.value()
	if err != nil {
		return nil, err
	}
	if d.skip(); d.i != len(d.b) {
		return nil, d.errf("trailing data")
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}}, nil
}

type jsonScanner struct {
	b []byte
	i int
}

func (d *jsonScanner) errf(msg string) error { return fmt.Errorf("json offset %d: %s", d.i, msg) }

func (d *jsonScanner) skip() {
	for d.i < len(d.b) && (d.b[d.i] == ' ' || d.b[d.i] == '\n' || d.b[d.i] == '\t' || d.b[d.i] == '\r') {
		d.i++
	}
}

func (d *jsonScanner) value() (*yaml.Node, error) {
	d.skip()
	if d.i >= len(d.b) {
		return nil, d.errf("unexpected end")
	}
	switch c := d.b[d.i]; {
	case c == '{':
		d.i++
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for {
			d.skip()
			if d.i < len(d.b) && d.b[d.i] == '}' {
				d.i++
				return n, nil
			}
			if len(n.Content) > 0 {
				if d.b[d.i] != ',' {
					return nil, d.errf("want , or }")
				}
				d.i++
				d.skip()
			}
			k, err := d.value()
			if err != nil || k.Tag != "!!str" {
				return nil, d.errf("want a string key")
			}
			if d.skip(); d.i >= len(d.b) || d.b[d.i] != ':' {
				return nil, d.errf("want :")
			}
			d.i++
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, k, v)
		}
	case c == '[':
		d.i++
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for {
			d.skip()
			if d.i < len(d.b) && d.b[d.i] == ']' {
				d.i++
				return n, nil
			}
			if len(n.Content) > 0 {
				if d.b[d.i] != ',' {
					return nil, d.errf("want , or ]")
				}
				d.i++
			}
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
	case c == '"':
		start := d.i
		d.i++
		escaped := false
		for d.i < len(d.b) && d.b[d.i] != '"' {
			if d.b[d.i] == '\\' {
				escaped = true
				d.i++
			}
			d.i++
		}
		if d.i >= len(d.b) {
			return nil, d.errf("unterminated string")
		}
		d.i++
		s := string(d.b[start+1 : d.i-1])
		if escaped {
			if err := json.Unmarshal(d.b[start:d.i], &s); err != nil {
				return nil, d.errf(err.Error())
			}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}, nil
	default:
		start := d.i
		for d.i < len(d.b) && !strings.ContainsRune(",]} \n\t\r", rune(d.b[d.i])) {
			d.i++
		}
		lit := string(d.b[start:d.i])
		switch lit {
		case "true", "false":
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: lit}, nil
		case "null":
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}, nil
		}
		if _, err := strconv.ParseFloat(lit, 64); err != nil {
			return nil, d.errf("bad literal " + strconv.Quote(lit))
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: lit}, nil
	}
}

// profileJSON renders a profile's YAML as the JSON that is embedded.
func profileJSON(src []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

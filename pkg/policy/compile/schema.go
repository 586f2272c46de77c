package compile

import (
	"bytes"
	"encoding/json"
	"rampart.dev/pkg/policy"
)

// SchemaID is the policy schema's $id, the stable URL an editor is pointed
// at by the first line `rampart-eval init` writes:
//
//	# yaml-language-server: $schema=https://rampart.dev/schema/policy-v1.json
//
// The schema's version follows the policy file's `version` key. The same file
// is committed as schema/policy.schema.json (and make install puts it in
// PREFIX/share/rampart/) for editors pointed at a path instead.
const SchemaID = "https://rampart.dev/schema/policy-v1.json"

// SchemaLine is the modeline yaml-language-server (VS Code's YAML extension,
// and editors using the same server) reads to validate and complete a file.
const SchemaLine = "# yaml-language-server: $schema=" + SchemaID

// JSONSchema returns the JSON Schema (draft 2020-12) of a policy file,
// generated from the loader's key tables (FileKeys and the sections below
// it), indented, with a final newline. The bytes are stable: keys appear in
// table order.
func JSONSchema() []byte {
	defs := obj{}
	for _, s := range sections()[1:] {
		defs = append(defs, kv{s.Name, sectionSchema(s)})
	}
	root := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaID},
		{"title", "Rampart policy"},
	}
	root = append(root, sectionSchema(FileKeys)...)
	root = append(root, kv{"$defs", defs})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err) // only strings, numbers, slices and obj: cannot fail
	}
	return b.Bytes()
}

// sectionSchema is a section's object schema; its first member is the
// description.
func sectionSchema(s *Section) obj {
	props := obj{}
	var required []string
	for _, k := range s.Keys {
		props = append(props, kv{k.Name, keySchema(k)})
		if k.Required {
			required = append(required, k.Name)
		}
	}
	o := obj{{"description", s.Doc}, {"type", "object"}, {"properties", props}}
	if required != nil {
		o = append(o, kv{"required", required})
	}
	return append(o, kv{"additionalProperties", false})
}

func ref(s *Section) obj { return obj{{"$ref", "#/$defs/" + s.Name}} }

func keySchema(k Key) obj {
	o := obj{{"description", k.Doc}}
	switch k.Kind {
	case KindString:
		o = append(o, kv{"type", "string"})
	case KindInt:
		o = append(o, kv{"type", "integer"})
		if k.Const != nil {
			o = append(o, kv{"enum", k.Const})
		}
	case KindAction:
		o = append(o, kv{"enum", ActionNames})
	case KindPatterns:
		pattern := obj{{"type", "string"}, {"minLength", 1}}
		o = append(o, kv{"oneOf", []obj{pattern, {{"type", "array"}, {"items", pattern}}}})
	case KindStrings:
		o = append(o, kv{"oneOf", []obj{{{"type", "string"}}, {{"type", "array"}, {"items", obj{{"type", "string"}}}}}})
	case KindProfile:
		o = append(o, kv{"enum", policy.Profiles()})
	case KindObject:
		o = append(o, kv{"type", "object"})
	case KindSection:
		if k.Nullable {
			o = append(o, kv{"anyOf", []obj{ref(k.Section), {{"type", "null"}}}})
		} else {
			o = append(o, ref(k.Section)...)
		}
	case KindSections:
		o = append(o, kv{"type", "array"}, kv{"items", ref(k.Section)})
		if k.MinItems > 0 {
			o = append(o, kv{"minItems", k.MinItems})
		}
	}
	return o
}

// obj is a JSON object that keeps its members in order.
type obj []kv

type kv struct {
	k string
	v any
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without escaping <, > and & (descriptions say
// "deny > allow").
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

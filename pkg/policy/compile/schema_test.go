package compile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
)

// schemaFile is the committed schema, for editors pointed at a path.
const schemaFile = "../schema/policy.schema.json"

// TestSchemaFile checks the committed schema is what JSONSchema generates
// from the key tables; -update rewrites it.
func TestSchemaFile(t *testing.T) {
	want := JSONSchema()
	if *update {
		if err := os.WriteFile(schemaFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(schemaFile)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s is not generated from the key tables (err %v); run go test ./policy/compile -run TestSchemaFile -args -update", schemaFile, err)
	}
	if !json.Valid(got) {
		t.Errorf("%s is not valid JSON", schemaFile)
	}
}

// compileSchema compiles the generated schema with an independent validator
// (santhosh-tekuri/jsonschema, which passes the JSON-Schema-Test-Suite for
// draft 2020-12), so the test does not check the generator with itself.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("compile the policy schema: %v", err)
	}
	return s
}

// yamlInstance decodes YAML into the JSON value a schema validator reads.
func yamlInstance(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("yaml to json: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestSchemaValidatesProfiles(t *testing.T) {
	s := compileSchema(t)
	for _, name := range policy.Profiles() {
		src, err := policy.ProfileSource(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(yamlInstance(t, src)); err != nil {
			t.Errorf("profile %s does not validate against the schema: %v", name, err)
		}
	}
}

// TestSchemaValidatesDocs validates every ```yaml block in docs/*.md that is
// a policy (it names policies, tests, a default action or a profile to
// extend; other YAML, such as serve's notify.yaml, is not).
func TestSchemaValidatesDocs(t *testing.T) {
	s := compileSchema(t)
	files, err := filepath.Glob("../../../docs/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no docs found (err %v)", err)
	}
	blocks := 0
	for _, f := range files {
		for _, b := range yamlBlocks(t, f) {
			if !strings.Contains(b.src, "policies:") && !strings.Contains(b.src, "tests:") &&
				!strings.Contains(b.src, "default_action:") && !strings.Contains(b.src, "extends:") {
				continue
			}
			blocks++
			if err := s.Validate(yamlInstance(t, []byte(b.src))); err != nil {
				t.Errorf("%s:%d: the example does not validate against the schema: %v", f, b.line, err)
			}
		}
	}
	if blocks < 2 {
		t.Errorf("found %d yaml blocks in docs/*.md; the extraction is broken", blocks)
	}
}

type block struct {
	line int
	src  string
}

func yamlBlocks(t *testing.T, path string) []block {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []block
	var cur *strings.Builder
	start := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(line) == "```yaml":
			cur, start = &strings.Builder{}, n+1
		case cur != nil && strings.TrimSpace(line) == "```":
			out = append(out, block{start, cur.String()})
			cur = nil
		case cur != nil:
			cur.WriteString(line + "\n")
		}
	}
	return out
}

// TestSchemaAgreesWithLoader checks files the loader accepts validate, and
// the loader's structural errors (unknown keys, bad actions, wrong shapes,
// missing required keys) are schema errors too.
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	valid := []string{
		everyKeyPolicy(),
		"policies: []\n",
		"version: 1\npolicies:\n  - name: a\n    rules:\n      - action: ask\n        when:\n",
		"default_action: watch\npolicies:\n  - name: a\n    match: {tool: exec}\n    rules: [{action: deny, when: {command_matches: rm -rf /}}]\n",
	}
	for _, src := range valid {
		if _, err := Parse("p.yaml", []byte(src)); err != nil {
			t.Errorf("Parse(%q) = %v, want it to load", src, err)
		}
		if err := s.Validate(yamlInstance(t, []byte(src))); err != nil {
			t.Errorf("schema rejects %q, which loads: %v", src, err)
		}
	}
	invalid := []string{
		"version: 2\n",
		"extends: lenient\n",
		"polices: []\n",
		"default_action: allwo\n",
		"policies:\n  - rules: [{action: deny}]\n",
		"policies:\n  - name: a\n    rules: []\n",
		"policies:\n  - name: a\n    rules: [{message: no action}]\n",
		"policies:\n  - name: a\n    rules: [{action: deny, wen: {}}]\n",
		"policies:\n  - name: a\n    rules: [{action: deny, when: {command_matches: ['']}}]\n",
		"policies:\n  - name: a\n    match: {tools: exec}\n    rules: [{action: deny}]\n",
		"tests:\n  - command: ls\n",
		"policies: {name: a}\n",
	}
	for _, src := range invalid {
		if _, err := Parse("p.yaml", []byte(src)); err == nil {
			t.Errorf("Parse(%q) loads; the case is meant to be invalid", src)
		}
		if err := s.Validate(yamlInstance(t, []byte(src))); err == nil {
			t.Errorf("schema accepts %q, which the loader rejects", src)
		}
	}
}

// everyKeyPolicy is a policy file using every key of every section, built
// from the tables, so loading it reaches each of the loader's handlers (and
// its check against the table).
func everyKeyPolicy() string {
	var b strings.Builder
	var write func(s *Section, indent string)
	write = func(s *Section, indent string) {
		for i, k := range s.Keys {
			prefix := indent
			if strings.HasSuffix(indent, "- ") && i > 0 {
				prefix = strings.Repeat(" ", len(indent))
			}
			b.WriteString(prefix + k.Name + ":")
			inner := strings.Repeat(" ", len(indent)) + "  "
			switch k.Kind {
			case KindString:
				b.WriteString(" every-key-" + k.Name + "\n")
			case KindProfile:
				b.WriteString(" yolo\n")
			case KindInt:
				b.WriteString(" 1\n")
			case KindAction:
				b.WriteString(" deny\n")
			case KindPatterns, KindStrings:
				b.WriteString(" [\"x*\"]\n")
			case KindObject:
				b.WriteString(" {k: v}\n")
			case KindSection:
				b.WriteString("\n")
				write(k.Section, inner)
			case KindSections:
				b.WriteString("\n")
				write(k.Section, inner+"- ")
			}
		}
	}
	write(FileKeys, "")
	return b.String()
}

func TestEveryKeyPolicy(t *testing.T) {
	src := everyKeyPolicy()
	if _, err := Parse("every.yaml", []byte(src)); err != nil {
		t.Fatalf("a policy with every key in the tables does not load: %v\n%s", err, src)
	}
	for _, s := range sections() {
		for _, k := range s.Keys {
			if !strings.Contains(src, k.Name+":") {
				t.Errorf("everyKeyPolicy lacks %s.%s", s.Name, k.Name)
			}
		}
	}
}

// TestActionNames checks the schema's action names are exactly what
// call.ParseAction reads.
func TestActionNames(t *testing.T) {
	for _, a := range ActionNames {
		if _, err := call.ParseAction(a); err != nil {
			t.Errorf("ActionNames holds %q, which call.ParseAction rejects: %v", a, err)
		}
	}
	for _, a := range []string{"Deny", "block", "approve", "", "require-approval"} {
		if _, err := call.ParseAction(a); err == nil {
			t.Errorf("call.ParseAction(%q) accepts a name ActionNames lacks", a)
		}
	}
}

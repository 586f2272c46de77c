package engine

import (
	"slices"
	"testing"
)

func TestParseGraphQL(t *testing.T) {
	cases := []struct {
		doc  string
		vars map[string]any
		kind string
		want []string // the operation's top-level field names
		arg  string   // an argument of the first field, and its value
		val  any
	}{
		{`mutation { deleteApp(appId: "acme-api") { organization { id } } }`, nil, "mutation", []string{"deleteApp"}, "appId", "acme-api"},
		{`mutation Drop($id: String!) { teamDelete(id: $id) { success } }`, map[string]any{"id": "T1"}, "mutation", []string{"teamDelete"}, "id", "T1"},
		{`mutation { ok: teamDelete(id: "T") { success } }`, nil, "mutation", []string{"teamDelete"}, "id", "T"},
		{`mutation { ...F } fragment F on Mutation { teamDelete(id: "T") { success } }`, nil, "mutation", []string{"teamDelete"}, "id", "T"},
		{`mutation { ... on Mutation { projectDelete(id: "p") } }`, nil, "mutation", []string{"projectDelete"}, "id", "p"},
		{`mutation { a(input: {id: 3, tags: ["x", "y"], on: true}) @skip(if: false) { id } b }`, nil, "mutation", []string{"a", "b"}, "input", map[string]any{"id": 3.0, "tags": []any{"x", "y"}, "on": true}},
		{`# mutation { x }` + "\n" + `{ viewer { login } }`, nil, "query", []string{"viewer"}, "", nil},
		{`query { issues(filter: {title: {contains: "mutation"}}) { nodes { id } } }`, nil, "query", []string{"issues"}, "", nil},
		{`mutation { deleteNote(body: """a "quoted" mutation""") }`, nil, "mutation", []string{"deleteNote"}, "body", `a "quoted" mutation`},
		{`mutation { x(s: "\u0041\n") }`, nil, "mutation", []string{"x"}, "s", "A\n"},
	}
	for _, c := range cases {
		ops := parseGraphQL(c.doc, c.vars)
		if len(ops) == 0 {
			t.Errorf("%s: no operation", c.doc)
			continue
		}
		var names []string
		for _, f := range ops[0].fields {
			names = append(names, f.name)
		}
		if ops[0].kind != c.kind || !slices.Equal(names, c.want) {
			t.Errorf("%s: %s %v, want %s %v", c.doc, ops[0].kind, names, c.kind, c.want)
		}
		if c.arg != "" && len(ops[0].fields) > 0 {
			got := ops[0].fields[0].args[c.arg]
			if !equalJSON(got, c.val) {
				t.Errorf("%s: %s = %#v, want %#v", c.doc, c.arg, got, c.val)
			}
		}
	}
	for _, doc := range []string{`"unterminated`, `SELECT * FROM t`, `{"query": 1}`, ``, `mutation`} {
		for _, op := range parseGraphQL(doc, nil) {
			if op.kind == "mutation" && len(op.fields) > 0 {
				t.Errorf("%q: a mutation with fields %v", doc, op.fields)
			}
		}
	}
}

func TestParseGraphQLSelfSpread(t *testing.T) {
	// a fragment spread twice in itself: the work is bounded
	doc := `mutation { ...F } fragment F on Mutation { deleteApp(id: "x") ...F ...F }`
	ops := parseGraphQL(doc, nil)
	if len(ops) == 0 || len(ops[0].fields) == 0 || ops[0].fields[0].name != "deleteApp" {
		t.Fatalf("got %+v", ops)
	}
	if len(ops[0].fields) > maxGQLFields {
		t.Fatalf("%d fields, more than %d", len(ops[0].fields), maxGQLFields)
	}
}

func TestServiceName(t *testing.T) {
	for host, want := range map[string]string{
		"api.fly.io": "fly", "backboard.railway.app": "railway", "api.linear.app": "linear",
		"acme.myshopify.com": "myshopify", "api.example.co.uk": "example", "localhost": "localhost",
	} {
		if got := serviceName(host); got != want {
			t.Errorf("serviceName(%q) = %q, want %q", host, got, want)
		}
	}
}

func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !equalJSON(x[k], y[k]) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func FuzzParseGraphQL(f *testing.F) {
	for _, s := range []string{
		`mutation { deleteApp(appId: "acme-api") { organization { id } } }`,
		`mutation D($id: ID!) { a: teamDelete(id: $id) @x(y: 1) { ...F } } fragment F on T { id }`,
		`{ viewer { login } }`, `mutation { x(s: """b""", l: [1, -2.5e3, {k: null}]) }`, `"\u12`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		ops := parseGraphQL(doc, map[string]any{"id": "x"})
		for _, op := range ops {
			if len(op.fields) > maxGQLFields {
				t.Fatalf("%d fields", len(op.fields))
			}
		}
	})
}

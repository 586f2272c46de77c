package call

import "testing"

func TestEditContent(t *testing.T) {
	cases := []struct {
		name   string
		params Params
		want   string
		has    bool
	}{
		{"claude edit", Params{"file_path": "a.go", "old_string": "x", "new_string": "y"}, "y", true},
		{"copilot str_replace", Params{"path": "a.go", "old_str": "x", "new_str": "y"}, "y", true},
		{"multi edit", Params{"path": "a.go", "edits": []any{
			map[string]any{"old_string": "a", "new_string": "b"},
			map[string]any{"oldText": "c", "newText": "d"},
		}}, "b\nd", true},
		{"content kept", Params{"path": "a.go", "content": "whole", "new_string": "y"}, "whole", true},
		{"deletion gives no content", Params{"path": "a.go", "old_string": "x", "new_string": ""}, "", false},
		{"plain write", Params{"path": "a.go"}, "", false},
	}
	for _, c := range cases {
		call := Call{Tool: ToolWrite, Params: c.params}
		if err := call.Canonicalize(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, has := call.Params["content"].(string)
		if got != c.want || has != c.has {
			t.Errorf("%s: content %q (%v), want %q (%v)", c.name, got, has, c.want, c.has)
		}
	}
}

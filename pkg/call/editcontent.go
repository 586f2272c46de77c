package call

import "strings"

// An agent's editing tools give a write as a replacement, not a whole file:
// Claude Code's Edit {file_path, old_string, new_string} and MultiEdit
// {edits: [{old_string, new_string}]}, an MCP filesystem server's edit_file
// {edits: [{oldText, newText}]}, Copilot's str_replace {old_str, new_str},
// Cursor's code_edit, a notebook cell's new_source. The text written is the
// new text, so content rules must see it whichever way the call reached the
// engine: through a hook's adapter (which already passes it as content) or
// a caller that hands the tool's own input to rampart-eval or the HTTP API.

// editTextKeys are the names editing tools give the new text of one edit.
var editTextKeys = [...]string{"new_string", "new_str", "newText", "new_text", "code_edit", "new_source"}

// editContent gives a write call without content the new text of its edits
// as its content: the edit's own new text, or every edit's new text joined
// by newlines. An edit whose new text is empty (a deletion) gives no
// content, so the write is not read as the file emptied.
func (c *Call) editContent() {
	if _, ok := c.Params["content"]; ok {
		return
	}
	var parts []string
	if s := editText(c.Params); s != "" {
		parts = append(parts, s)
	}
	if edits, ok := c.Params["edits"].([]any); ok {
		for _, e := range edits {
			if m, ok := e.(map[string]any); ok {
				if s := editText(m); s != "" {
					parts = append(parts, s)
				}
			}
		}
	}
	if len(parts) > 0 {
		c.Params["content"] = strings.Join(parts, "\n")
	}
}

// editText is the first non-empty new text one edit gives.
func editText(m map[string]any) string {
	for _, k := range editTextKeys {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

package effect

import "testing"

// TestPromptPath checks which words of an agent's prompt name a path from
// the home or the root.
func TestPromptPath(t *testing.T) {
	for _, tt := range []struct {
		tok  string
		want bool
	}{
		{"~/.aws/credentials", true},
		{"~", true},
		{"$HOME/.ssh/id_rsa", true},
		{"/etc/shadow", true},
		{"/review", false}, // a slash command
		{"/", false},
		{"src/app.ts", false},
		{"README.md", false},
		{"~alice", false},
	} {
		if got := promptPath(tt.tok); got != tt.want {
			t.Errorf("promptPath(%q) = %v, want %v", tt.tok, got, tt.want)
		}
	}
}

// TestSpacedPath checks which words with blanks are still paths.
func TestSpacedPath(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"/home/dev/Library/Application Support/Google/Chrome", true},
		{"$HOME/Library/Application Support/Chromium", true},
		{"~/Documents/My Notes/todo.md", true},
		{"./docs/My Notes.md", true},
		{"/review this change", false},
		{"build done in src/app", false},
		{"~/a b", false}, // no directory before the blank
		{"/home/dev/x y\nz", false},
		{"/home/dev/a=b c", false},
	} {
		if got := spacedPath(tt.w); got != tt.want {
			t.Errorf("spacedPath(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

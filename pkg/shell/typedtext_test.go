package shell

import "testing"

// TestTypedText: keys typed one by one spell the line they make, Enter's
// names ending it; text runs are typed as they are.
func TestTypedText(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{"r", "m", "Space", "-", "r", "f", " ", "~", "Enter"}, "rm -rf ~\n"},
		{[]string{"git status", "C-m", "ls", "Return"}, "git status\nls\n"},
		{[]string{"make", "Tab", "test^M"}, "make\ttest\n"},
		{[]string{"echo hi"}, "echo hi"},
		// a backspace takes back the character before it, on its line
		{[]string{"rm -rf ~x", "BSpace", "Enter"}, "rm -rf ~\n"},
		{[]string{"ls", "Enter", "BSpace", "BSpace", "x", "Enter"}, "ls\nx\n"},
		// a cursor key leaves the line's final text unknowable: judged as
		// typed and as an unknown line
		{[]string{"m -rf ~", "Home", "r", "Enter"}, "m -rf ~r\n" + cursorEditedLine + "\n"},
		{[]string{"ls", "C-a"}, "ls\n" + cursorEditedLine},
		{[]string{"rm -rf ~", "C-c", "npm run dev", "Enter"}, "npm run dev\n"},
	} {
		if got := TypedText(tc.keys); got != tc.want {
			t.Errorf("TypedText(%q) = %q, want %q", tc.keys, got, tc.want)
		}
	}
}

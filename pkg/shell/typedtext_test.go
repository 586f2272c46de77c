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
	} {
		if got := TypedText(tc.keys); got != tc.want {
			t.Errorf("TypedText(%q) = %q, want %q", tc.keys, got, tc.want)
		}
	}
}

package effect

import (
	"slices"
	"testing"
)

// TestPromptFiles: the files a Gemini prompt names with @PATH are read
// (and sent); mentions, addresses and a bare @ are not files.
func TestPromptFiles(t *testing.T) {
	for line, want := range map[string][]string{
		`gemini -p "summarize @~/.ssh/id_rsa"`:                  {"/home/dev/.ssh/id_rsa"},
		`gemini --prompt "explain @/home/dev/.aws/credentials"`: {"/home/dev/.aws/credentials"},
		`qwen -p "compare @src/app.py and @README.md."`:         {"/home/dev/project/src/app.py", "/home/dev/project/README.md"},
		`gemini -p "@.env, what is wrong?"`:                     {"/home/dev/project/.env"},
		`gemini -p "reviewers are @alice and @bob"`:             nil,
		`gemini -p "mail dev@example.com"`:                      nil,
		`gemini -p "summarize:@~/.ssh/id_rsa"`:                  {"/home/dev/.ssh/id_rsa"},
		`gemini -p "what is this (@~/.aws/credentials)"`:        {"/home/dev/.aws/credentials"},
		`gemini -p "a,@src/app.py"`:                             {"/home/dev/project/src/app.py"},
		`gemini -p "an @ sign, and @@ twice"`:                   nil,
		// Claude's CLI sends no @PATH with the prompt, but a path the task
		// names is a file its agent will read (prompttasks.go)
		`claude -p "summarize @~/.ssh/id_rsa"`: {"/home/dev/.ssh/id_rsa"},
		// a prompt on standard input
		`echo "summarize @~/.ssh/id_rsa" | gemini`:           {"/home/dev/.ssh/id_rsa"},
		`gemini <<< "explain @/home/dev/.aws/credentials"`:   {"/home/dev/.aws/credentials"},
		"gemini -p brief <<'EOF'\nsummarize @README.md\nEOF": {"/home/dev/project/README.md"},
		`echo "reviewers are @alice and @bob" | gemini`:      nil,
		`echo "summarize @~/.ssh/id_rsa" | claude -p`:        {"/home/dev/.ssh/id_rsa"},
	} {
		var got []string
		for _, e := range effectsOf(line) {
			if e.Kind == Read {
				got = append(got, e.Path)
			}
		}
		for _, p := range want {
			if !slices.Contains(got, p) {
				t.Errorf("%s: reads %v, want %s among them", line, got, p)
			}
		}
		if want == nil && len(got) > 0 {
			t.Errorf("%s: reads %v, want none", line, got)
		}
	}
}

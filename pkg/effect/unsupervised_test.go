package effect

import (
	"strings"
	"testing"
)

// TestUnboundedAgentValues: an agent CLI's approvals turned off by an
// option's value (a tool list allowing its shell any command, a config
// override), beside the same CLIs kept asking. (GOOSE_MODE=auto is a
// setting: TestAgentApprovalModeVariable.)
func TestUnboundedAgentValues(t *testing.T) {
	for line, want := range map[string]bool{
		`claude -p --allowedTools "Bash" "get the build green"`:       true,
		`claude -p --allowedTools "Bash(*)" "x"`:                      true,
		`claude -p --allowedTools "Read,Bash" "x"`:                    true,
		`claude -p --allowed-tools=Bash "x"`:                          true,
		`claude -p "fix it" --allowedTools "Bash(*)" "Edit"`:          true,
		`claude -p --allowedTools "Bash(npm test:*)" "x"`:             false,
		`claude -p --allowedTools "Read,Grep,Glob" "x"`:               false,
		`codex -c approval_policy=never exec "bump"`:                  true,
		`codex -c 'approval_policy="never"' exec "bump"`:              true,
		`codex -c sandbox_mode=danger-full-access exec "x"`:           true,
		`codex -c model=gpt-5 exec "x"`:                               false,
		`codex exec -c approval_policy=on-request "x"`:                false,
		`GOOSE_MODE=approve goose run -t "fix"`:                       false,
		`goose run -t "fix"`:                                          false,
		`droid exec --auto high "ship the feature branch"`:            true,
		`droid exec --auto low "summarize"`:                           false,
		`claude -p --dangerously-skip-permissions "fix the tests"`:    true,
		`claude -p "summarize the README"`:                            false,
		`GOOSE_MODE=auto ./scripts/migrate.sh`:                        false,
		`tmux new -d 'claude -p --allowedTools Bash "run the suite"'`: true,
	} {
		if got := hasEffect(effectsOf(line), "remote-code:unsupervised"); got != want {
			t.Errorf("%q: unsupervised = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestAgentPromptSent: what an agent or LLM CLI is given (standard input,
// its prompt's words, the files it attaches) goes to the model's provider:
// the environment or a credential given to it is sent away; a diff, a log
// or the project's files are everyday prompts.
func TestAgentPromptSent(t *testing.T) {
	for line, want := range map[string]bool{
		`env | claude -p "which of these look wrong"`:         true,
		`printenv | llm -s "explain my environment"`:          true,
		`llm "$(printenv)"`:                                   true,
		`export -p | codex exec "check"`:                      true,
		`set | gemini -p "hi"`:                                true,
		`gh auth token | llm "is this valid"`:                 true,
		`git diff --cached | llm -s "write a commit message"`: false,
		`claude -p "what does this mean" < logs/crash.txt`:    false,
		`aider --message "rename it" src/api/user.ts`:         false,
		`llm -f src/main.go "race?"`:                          false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			s := e.String()
			got = got || strings.HasPrefix(s, "flow:") && strings.Contains(s, "->network")
		}
		if got != want {
			t.Errorf("%q: sent = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

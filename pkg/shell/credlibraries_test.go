package shell

import (
	"strings"
	"testing"
)

// TestCredentialLibraries: code that takes a secret out of a library that
// keeps one (keyring, huggingface_hub, boto3, azure.identity, netrc),
// however it imports the library, reads that library's store; code that
// uses the library without taking the secret out does not.
func TestCredentialLibraries(t *testing.T) {
	for code, want := range map[string]string{
		`import keyring; print(keyring.get_password("gh", "dev"))`:                                                "keyrings",
		`from keyring import get_password; print(get_password("aws", "x"))`:                                       "keyrings",
		`import keyring as k; print(k.get_password("a", "b"))`:                                                    "keyrings",
		`from huggingface_hub import HfFolder; print(HfFolder.get_token())`:                                       "huggingface",
		`from huggingface_hub import HfApi; print(HfApi().token)`:                                                 "huggingface",
		`import boto3; print(boto3.Session().get_credentials().secret_key)`:                                       ".aws/credentials",
		`import netrc; print(netrc.netrc().authenticators("api.github.com"))`:                                     ".netrc",
		`import keyring; print(keyring.get_keyring())`:                                                            "",
		`from huggingface_hub import HfApi; print(HfApi().list_models(limit=5))`:                                  "",
		`from huggingface_hub import whoami; print(whoami()["name"])`:                                             "",
		`import boto3; print(boto3.client("s3").list_buckets())`:                                                  "",
		`from transformers import AutoTokenizer; t = AutoTokenizer.from_pretrained("x"); print(t.tokenize("hi"))`: "",
	} {
		r := Parse("python3 -c '" + code + "'")
		got := ""
		for _, c := range r.Commands {
			if c.Synthetic && c.Name == "cat" {
				got += strings.Join(c.Args, " ")
			}
		}
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: reads %q, want %q", code, got, want)
		}
	}
}

// TestRCredentialLibraries: R code that takes a login out of git's
// credential helper (gitcreds, credentials) or the keyring (keyring's
// key_get) reads that store; setting one, or listing, does not.
func TestRCredentialLibraries(t *testing.T) {
	for code, want := range map[string]string{
		`cat(gitcreds::gitcreds_get()$password)`:                             ".git-credentials",
		`x <- credentials::git_credential_ask("https://github.com"); cat(x)`: ".git-credentials",
		`print(keyring::key_get("github"))`:                                  "keyrings",
		`gitcreds::gitcreds_set()`:                                           "",
		`print(keyring::key_list())`:                                         "",
	} {
		r := Parse("Rscript -e '" + code + "'")
		got := ""
		for _, c := range r.Commands {
			if c.Synthetic && c.Name == "cat" {
				got += strings.Join(c.Args, " ")
			}
		}
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: reads %q, want %q", code, got, want)
		}
	}
}

func TestHasWordAt(t *testing.T) {
	for _, c := range []struct {
		code, w string
		want    bool
	}{
		{"import keyring", "keyring", true},
		{"open('login.keyring')", "keyring", true},
		{"import mykeyring", "keyring", false},
		{"api.token)", ".token", true},
		{"t.tokenize(x)", ".token", false},
	} {
		if got := hasWordAt(c.code, c.w); got != c.want {
			t.Errorf("hasWordAt(%q, %q) = %v, want %v", c.code, c.w, got, c.want)
		}
	}
}

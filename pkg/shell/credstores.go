package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Libraries that read a credential store for the code that calls them: a
// browser's saved logins and cookies (browser_cookie3, pycookiecheat,
// rookiepy, chrome-cookies-secure), the desktop's keyring (keyring,
// secretstorage, keytar), and the token or keys a service's SDK keeps
// (huggingface_hub's token, boto3's credentials, azure.identity's token
// cache, netrc's logins; R's gitcreds and keyring). The code names no file, but the library reads
// the store's, so a one-liner that uses one is reported as a read of that
// store (a Synthetic "cat"), which the credential rules judge.
//
// A library is known by its module, however the code imports it (import
// keyring, from keyring import get_password, import keyring as k), and,
// where the library does more than hand over the secret, by the calls
// that do (keyring's get_password, huggingface_hub's get_token and
// .token, boto3's get_credentials): HfApi().list_models() reads no token
// out, keyring.get_keyring() names the backend only.

// credentialStore is a library's module, the calls of it that hand over a
// secret (none: any use does), and a file of the store it reads.
type credentialStore struct {
	module string
	calls  []string
	path   string
}

// credentialStores are the libraries and the stores each reads.
var credentialStores = []credentialStore{
	{"browser_cookie3", nil, "~/.config/google-chrome/Default/Cookies"},
	{"browsercookie", nil, "~/.config/google-chrome/Default/Cookies"},
	{"pycookiecheat", nil, "~/.config/google-chrome/Default/Cookies"},
	{"rookiepy", nil, "~/.config/google-chrome/Default/Cookies"},
	{"chrome-cookies-secure", nil, "~/.config/google-chrome/Default/Cookies"},
	{"keyring", []string{"get_password(", "get_credential("}, "~/.local/share/keyrings/login.keyring"},
	{"secretstorage", nil, "~/.local/share/keyrings/login.keyring"},
	{"keytar", nil, "~/.local/share/keyrings/login.keyring"},
	{"huggingface_hub", []string{"get_token(", ".token"}, "~/.cache/huggingface/token"},
	{"boto3", []string{"get_credentials(", "get_frozen_credentials("}, "~/.aws/credentials"},
	{"botocore", []string{"get_credentials(", "get_frozen_credentials("}, "~/.aws/credentials"},
	{"azure.identity", []string{"get_token("}, "~/.azure/msal_token_cache.json"},
	{"netrc", []string{"authenticators(", ".hosts"}, "~/.netrc"},
	// R: gitcreds and credentials ask git's credential helper for the
	// login it keeps; keyring's key_get reads the desktop's keyring
	{"gitcreds", []string{"gitcreds_get("}, "~/.git-credentials"},
	{"credentials", []string{"git_credential_ask("}, "~/.git-credentials"},
	{"keyring", []string{"key_get(", "key_get_raw("}, "~/.local/share/keyrings/login.keyring"},
}

// readsCredentialStores reports, as reads of their files, the credential
// stores whose libraries code uses. One summary of the code's byte pairs
// passes over the modules it cannot name (most one-liners name none)
// without a search for each.
func (s *state) readsCredentialStores(code string, f frame) {
	pairs := substrs.PairsOf(code)
	for _, cs := range credentialStores {
		if pairs.May(cs.module) && usesStore(code, cs) {
			s.synth(f, []string{"cat", cs.path})
		}
	}
}

// usesCredentialLibrary reports whether code uses a library's call that
// hands over a secret (codefacts.go), passing over as readsCredentialStores
// does the modules the code cannot name.
func usesCredentialLibrary(code string) bool {
	pairs := substrs.PairsOf(code)
	for _, cs := range credentialStores {
		if pairs.May(cs.module) && usesStore(code, cs) {
			return true
		}
	}
	return false
}

// usesStore reports whether code names a library's module as a whole word
// (not login.keyring, not mykeyring) and, when the library's secret comes
// out only through some of its calls, one of them (.token not .tokenizer).
func usesStore(code string, cs credentialStore) bool {
	if !hasWordAt(code, cs.module) {
		return false
	}
	if len(cs.calls) == 0 {
		return true
	}
	for _, c := range cs.calls {
		if strings.HasSuffix(c, "(") {
			if strings.Contains(code, c) {
				return true
			}
		} else if hasWordAt(code, c) {
			return true
		}
	}
	return false
}

// hasWordAt reports whether code holds w with no identifier character
// right before or after it.
func hasWordAt(code, w string) bool {
	for k := 0; k+len(w) <= len(code); {
		j := strings.Index(code[k:], w)
		if j < 0 {
			return false
		}
		j += k
		before := j == 0 || !identByte(code[j-1]) || w[0] == '.'
		after := j+len(w) == len(code) || !identByte(code[j+len(w)])
		if before && after {
			return true
		}
		k = j + 1
	}
	return false
}

// identByte reports a byte that may be part of an identifier.
func identByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

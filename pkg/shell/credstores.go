package shell

import "strings"

// Libraries that read a credential store for the code that calls them: a
// browser's saved logins and cookies (browser_cookie3, pycookiecheat,
// rookiepy, chrome-cookies-secure) or the desktop's keyring (keyring,
// secretstorage, keytar). The code names no file, but the library reads
// the store's, so a one-liner that uses one is reported as a read of that
// store (a Synthetic "cat"), which the credential rules judge.

// credentialStore is a library's marker in code and the store it reads;
// with also set, the marker counts only in code that names also too (a
// call whose name other libraries share: get_token of huggingface_hub).
type credentialStore struct {
	marker, path, also string
}

// credentialStores are the libraries, by the marker their use leaves in
// code, and a file of the store each reads.
var credentialStores = []credentialStore{
	{"browser_cookie3", "~/.config/google-chrome/Default/Cookies", ""},
	{"browsercookie", "~/.config/google-chrome/Default/Cookies", ""},
	{"pycookiecheat", "~/.config/google-chrome/Default/Cookies", ""},
	{"rookiepy", "~/.config/google-chrome/Default/Cookies", ""},
	{"chrome-cookies-secure", "~/.config/google-chrome/Default/Cookies", ""},
	{"keyring.get_password", "~/.local/share/keyrings/login.keyring", ""},
	{"keyring.get_credential", "~/.local/share/keyrings/login.keyring", ""},
	{"secretstorage", "~/.local/share/keyrings/login.keyring", ""},
	{"keytar", "~/.local/share/keyrings/login.keyring", ""},
	// the Hugging Face hub's stored token, handed to the code whole
	{"HfFolder.get_token", "~/.cache/huggingface/token", ""},
	{"get_token(", "~/.cache/huggingface/token", "huggingface_hub"},
}

// readsCredentialStores reports, as reads of their files, the credential
// stores whose libraries code uses.
func (s *state) readsCredentialStores(code string, f frame) {
	for _, cs := range credentialStores {
		if strings.Contains(code, cs.marker) && (cs.also == "" || strings.Contains(code, cs.also)) {
			s.synth(f, []string{"cat", cs.path})
		}
	}
}

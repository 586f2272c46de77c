package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Fields picked by name. A credential CLI that prints an item's fields can
// be told which ones: "op item get 'Staging DB' --fields
// label=username,label=server", "vault kv get -field=username
// secret/app". The catalogue names that option with the property
// "field-option=OPT"; when every field it picks is named for no secret (a
// user name, a host, a URL, a title), the command prints no secret. A field
// named for one (password, db_password, api_key, token, credential, otp,
// notes), or picked by type (op's type=concealed), prints one.

// secretishFields are field names that hold a secret though secretLeaf
// does not say so.
var secretishFields = table.Map[string, bool]{Words: `otp totp one-time pin cvv cvc credential credentials
	notes notesplain private passphrase recovery seed mnemonic`}

// fieldsShowNoSecret reports a command whose entry's field-option is given
// and picks only fields named for no secret.
func fieldsShowNoSecret(c *shell.Command, cl *catalog.Classified) bool {
	if cl.Entry == nil {
		return false
	}
	opt := cl.Entry.Prop("field-option")
	if opt == "" {
		return false
	}
	picked := false
	for k, w := range c.Args {
		v, ok := strings.CutPrefix(w, opt+"=")
		if !ok {
			if w != opt || k+1 >= len(c.Args) {
				continue
			}
			v = c.Args[k+1]
		}
		for f := range strings.SplitSeq(v, ",") {
			f = strings.ToLower(strings.TrimSpace(f))
			if strings.HasPrefix(f, "type=") || hasExpansion(f) {
				return false // op's type=concealed: the secret fields whatever their names
			}
			f = strings.TrimPrefix(f, "label=")
			if f == "" || secretLeaf(f) || secretishFields.Get(f) {
				return false
			}
			for p := range strings.FieldsFuncSeq(f, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '.' }) {
				if secretLeaf(p) || secretishFields.Get(p) {
					return false
				}
			}
			picked = true
		}
	}
	return picked
}

package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A request signed with a key carries a signature made with it, never the
// key: curl --aws-sigv4 "aws:amz:us-east-1:es" --user
// "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" URL sends neither variable,
// to AWS or to any other host. The catalogue's "signs=OPT>KEYOPTS"
// property names the option that turns signing on and the options whose
// values are then the keys.

// secretVarSent is secretVar over the words c sends: when the entry's
// signing option is given, its key options' values are left out.
func secretVarSent(c *shell.Command, cl *catalog.Classified) string {
	signs := ""
	if cl.Entry != nil {
		signs = cl.Entry.Prop("signs")
	}
	on, keys, ok := "", "", false
	if signs != "" { // (most entries sign nothing: no Cut of "")
		on, keys, ok = strings.Cut(signs, ">")
	}
	if !ok {
		return secretVar(c)
	}
	signing := false
	for _, w := range cl.Words {
		signing = signing || w.Option != "" && hasWord(on, w.Option)
	}
	for _, a := range c.Args {
		// curl --aws-sigv4 … --basic: a later method sends the password
		switch a {
		case "--basic", "--digest", "--anyauth", "--ntlm", "--negotiate":
			signing = false
		}
	}
	if !signing {
		return secretVar(c)
	}
	args := make([]string, 0, len(c.Args))
	for i, a := range c.Args {
		if !keyValue(cl, i, keys) {
			args = append(args, a)
		} else if id, _, ok := strings.Cut(a, ":"); ok && !strings.Contains(strings.ToUpper(id), "KEY_ID") {
			// -u ID:SECRET: the key's id travels in the signature's
			// header, so another secret put there is sent; only the
			// secret stays here (an access key's id is no secret)
			args = append(args, id)
		}
	}
	return secretVar(&shell.Command{Args: args})
}

// keyValue reports whether the i-th argument is, or holds, the value of
// one of the key options (--user K:S, --user=K:S, -uK:S).
func keyValue(cl *catalog.Classified, i int, keys string) bool {
	for _, w := range cl.Words {
		if w.Index == i && w.Option != "" && hasWord(keys, w.Option) {
			return true
		}
	}
	return false
}

package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// ssh sends the client's environment variables that SendEnv names (ssh -o
// SendEnv=AWS_SECRET_ACCESS_KEY, a pattern: SendEnv=AWS_*) to the server,
// and SetEnv's NAME=VALUE pairs: a secret variable named there leaves for
// that machine as surely as one written "$AWS_SECRET_ACCESS_KEY" in the
// command it runs.

// sshEnvClients are the programs that take ssh's -o options.
var sshEnvClients = table.Map[string, bool]{Words: "ssh scp sftp mosh autossh"}

// sentEnvVar returns a secret variable an ssh command's -o SendEnv names
// (or one its pattern may name: "*", "AWS_*"), or "".
func sentEnvVar(c *shell.Command) string {
	if !c.Is(sshEnvClientKind) {
		return ""
	}
	for _, opt := range shortValues(c.Args, "-o") {
		key, val, ok := strings.Cut(opt, "=")
		if !ok {
			key, val, ok = strings.Cut(strings.TrimSpace(opt), " ")
		}
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "SendEnv") {
			continue
		}
		for _, name := range strings.Fields(val) {
			if secretName(name) {
				return name
			}
			if stem, glob := strings.CutSuffix(name, "*"); glob && (stem == "" || secretPrefixes.Get(strings.ToUpper(stem))) {
				return name // every variable, or every one of a cloud's
			}
			if strings.ContainsAny(name, "*?") && secretName(globLiterals.Get().Replace(name)) {
				return name // *TOKEN*, *_KEY: the names a secret's would match
			}
		}
	}
	return ""
}

// globLiterals drops a SendEnv pattern's wildcards, leaving the letters
// every name it matches holds.
var globLiterals = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("*", "", "?", "")
}}

// secretPrefixes are the stems of variable patterns that take a service's
// credentials with them (AWS_* holds AWS_SECRET_ACCESS_KEY).
var secretPrefixes = table.Map[string, bool]{Words: "AWS_ AWS AZURE_ GOOGLE_ GITHUB_ GH_ NPM_ VAULT_ DOCKER_ OPENAI_ ANTHROPIC_"}

// shortValues returns the values a short option is given, separate (-o
// VALUE) or attached (-oVALUE), in order.
func shortValues(args []string, opt string) []string {
	var out []string
	for k, w := range args {
		switch {
		case w == opt && k+1 < len(args):
			out = append(out, args[k+1])
		case strings.HasPrefix(w, opt) && len(w) > len(opt):
			out = append(out, w[len(opt):])
		}
	}
	return out
}

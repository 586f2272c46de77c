package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A container's environment is what the command that starts it hands it:
// -e NAME (the host's value), -e NAME=VALUE, --env-file FILE. A secret
// handed there (an app's secrets file, a secret-named variable) is the
// container's to use, as a key given to ssh -i is ssh's, and starting the
// container reads nothing anyone sees; a container command that prints
// its environment (env, printenv), or such a variable (printenv NAME,
// sh -c 'echo $NAME'), prints the secret into the transcript. What the
// container's command sends is judged as the same line run here: a secret
// variable in its words (expanded here, or there from what it was handed)
// sent as data to another host leaves (curl -d "$STRIPE_KEY" https://…);
// one presented to its own service (a GitHub token to api.github.com)
// does not, and the image's name is no host anything is sent to.

// containerPrintsSecret reports whether the container command i starts
// is handed a secret in its environment and prints it, and where its
// command sends a secret variable or the environment.
func (a *analysis) containerPrintsSecret(i int, c *shell.Command, cl *catalog.Classified) (prints bool, sendsTo []string) {
	if !cl.Entry.Has("runs-image") || a.env.inContainer > 0 {
		// (a container's command starting another container is read
		// once: the walk's own nesting judges what runs inside that)
		return false, nil
	}
	envFile := false           // a secrets file handed whole: any secret-named variable is one
	names := map[string]bool{} // secret variables handed by name
	for _, w := range cl.Words {
		switch w.Option {
		case "--env-file":
			p := a.clean(w.Text, i)
			envFile = envFile || a.sensitive(p) || dotenvSecrets(p)
		case "-e", "--env":
			name, val, set := strings.Cut(w.Text, "=")
			if secretName(name) || set && secretVar(&shell.Command{Args: []string{val}}) != "" {
				names[name] = true
			}
		}
	}
	ct := ContainerOf(cl, c.Args, func(p string) string { return a.clean(p, i) })
	if len(ct.Words) == 0 {
		return false, nil // the image's own command: nobody here knows what it prints
	}
	if !envFile && len(names) == 0 && !slices.ContainsFunc(ct.Words, func(w string) bool { return strings.Contains(w, "$") }) {
		return false, nil // handed no secret, and names no variable
	}
	handed := func(v string) bool { return v != "" && (names[v] || envFile && secretName(v)) }
	res := shell.Parse(shell.JoinWords(ct.Words))
	defer shell.Release(&res)
	for k := range res.Commands {
		in := &res.Commands[k]
		switch {
		case in.Name == "env" && envPrints(in), in.Name == "printenv" && len(in.Args) == 0, environDump(in):
			prints = true
		case in.Name == "printenv":
			for _, v := range in.Args {
				prints = prints || handed(v)
			}
		case in.Name == "echo" || in.Name == "printf":
			prints = prints || handed(secretVar(in))
		}
	}
	// What the container's command sends is judged as the same line run
	// here would be: a secret variable sent as data, or the environment
	// sent whole.
	wd := ct.Workdir
	if wd == "" {
		wd = "/"
	}
	cwds := make([]string, len(res.Commands))
	for k := range cwds {
		cwds[k] = wd
	}
	env := a.env
	env.inContainer++
	for _, e := range Of(&res, cwds, env) {
		if e.Kind != Flow || !strings.HasSuffix(e.Detail, "->network") && !strings.HasSuffix(e.Detail, "->dns") {
			continue
		}
		if strings.HasPrefix(e.Detail, "environment->") || strings.HasPrefix(e.Detail, "secret-variable->") {
			sendsTo = append(sendsTo, e.Word)
		}
	}
	return prints, sendsTo
}

package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A CI step that prints one of the repository's secrets through an
// encoding (echo ${{ secrets.NPM_TOKEN }} | base64, | rev, | xxd) writes it
// into the build log in a form the runner's masking does not recognise:
// whoever can read the workflow's runs (everyone, for a public repository)
// reads the secret. That is the secret sent off this machine, as a fetch
// carrying it would be. A step that prints it plainly is masked; one that
// hands it to a login or a tool is using it.

// maskEncoders are the programs that turn what they read into a form a
// log's masking of the original does not match.
var maskEncoders = table.Map[string, bool]{Words: "base64 base32 basenc xxd od hexdump rev tr gzip openssl uuencode sed"}

// judgeMaskedSecrets judges the run lines of a GitHub workflow, and the
// sh steps of a Jenkinsfile, that print a secret through an encoding: a
// workflow's ${{ secrets.X }} (and ${{ toJSON(secrets) }}, every secret
// at once, read as $GITHUB_SECRETS), a Jenkinsfile's withCredentials
// bindings (read as $JENKINS_CREDENTIAL, jenkinscreds.go).
func (ev *evaluation) judgeMaskedSecrets(p, content string) {
	var names, lines []string
	switch {
	case strings.Contains(p, ".github/workflows/") && strings.Contains(content, "secrets"):
		for _, m := range ghaSecrets.Get().FindAllStringSubmatch(content, -1) {
			names = append(names, m[1])
		}
		if strings.Contains(content, "${{") && ghaSecretExprs.Get().MatchString(ghaSecrets.Get().ReplaceAllString(content, "")) {
			names = append(names, "GITHUB_SECRETS") // as yamlRunLines writes them
		}
		if len(names) > 0 {
			lines = yamlRunLines(content)
		}
	case strings.EqualFold(path.Base(p), "Jenkinsfile") && strings.Contains(content, "redentials"):
		names = []string{strings.Trim(jenkinsSecret, "${}")}
		lines = buildFileLines("jenkinsfile", content)
	}
	for _, l := range lines {
		if ev.denied() {
			return
		}
		if name := encodedSecret(shell.Parse(l), names); name != "" {
			fs := subject{tool: "flow", text: name + " printed encoded into the CI log", effect: "flow:secret->network"}
			ev.judge(&fs)
		}
	}
}

// encodedSecret returns the secret of names a pipeline prints and then
// passes through an encoder to standard output, or "".
func encodedSecret(res shell.Result, names []string) string {
	cmds := res.Commands
	for i := range cmds {
		c := &cmds[i]
		name := namedSecret(c.Args, names)
		if name == "" {
			continue
		}
		for k := i + 1; k < len(cmds); k++ {
			d := &cmds[k]
			if d.Pipeline != c.Pipeline || d.Stage <= c.Stage {
				continue
			}
			if maskEncoders.Get(d.Name) && !decodes(d.Args) {
				return name
			}
		}
	}
	return ""
}

// namedSecret returns the first of names a command's words expand.
func namedSecret(args, names []string) string {
	for _, w := range args {
		for _, n := range names {
			if strings.Contains(w, "$"+n) || strings.Contains(w, "${"+n+"}") {
				return n
			}
		}
	}
	return ""
}

// decodes reports an encoder told to decode (base64 -d, xxd -r): what it
// prints is no encoding of the secret.
func decodes(args []string) bool {
	for _, a := range args {
		switch a {
		case "-d", "--decode", "-D", "-r", "--revert":
			return true
		}
	}
	return false
}

package engine

import (
	"regexp"

	"rampart.dev/pkg/internal/table"
)

// A Jenkinsfile hands its steps credentials under names of its own:
// withCredentials([string(credentialsId: 'deploy-token', variable:
// 'TOKEN')]) binds the secret to $TOKEN for the steps inside,
// usernamePassword binds $U and $P, sshUserPrivateKey's keyFileVariable
// names a file holding the private key, and environment { AWS =
// credentials('aws-prod') } binds $AWS (and $AWS_USR, $AWS_PSW). A sh step
// that sends "$TOKEN" sends the secret, so the file's command lines are
// read with each bound name written as a secret's variable, and a key
// file's name as a private key's path, as GitHub's ${{ secrets.X }} is
// (autorun.go, cienvsecrets.go).

// jenkinsBinding matches one credential binding: the option's name
// (variable, usernameVariable, keyFileVariable…) and the bound name; or,
// in an environment block, the name a credentials(…) call is bound to.
var jenkinsBinding = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\b(variable|usernameVariable|passwordVariable|keyFileVariable|passphraseVariable|tokenVariable)\s*:\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]|\b([A-Za-z_][A-Za-z0-9_]*)\s*=\s*credentials\s*\(`)
}}

const (
	// jenkinsSecret is the variable a bound secret is read as.
	jenkinsSecret = "${JENKINS_CREDENTIAL}"
	// jenkinsKeyFile is the path a bound private key's file is read as.
	jenkinsKeyFile = "/var/lib/jenkins/secrets/id_rsa"
)

// jenkinsCredentialLines rewrites lines, a Jenkinsfile's command lines,
// with the names content binds to credentials written as secrets.
func jenkinsCredentialLines(content string, lines []string) []string {
	ms := jenkinsBinding.Get().FindAllStringSubmatch(content, maxCISecretAliases)
	if len(ms) == 0 {
		return lines
	}
	for i, l := range lines {
		for _, m := range ms {
			switch {
			case m[1] == "keyFileVariable":
				l = replaceVar(l, m[2], jenkinsKeyFile)
			case m[2] != "":
				l = replaceVar(l, m[2], jenkinsSecret)
			default: // NAME = credentials(…): NAME, NAME_USR and NAME_PSW
				for _, n := range []string{m[3] + "_PSW", m[3] + "_USR", m[3]} {
					l = replaceVar(l, n, jenkinsSecret)
				}
			}
		}
		lines[i] = l
	}
	return lines
}

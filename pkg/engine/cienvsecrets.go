package engine

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// A CI file's env: mappings that hand a secret to a step under another
// name (env: {K: ${{ secrets.AWS_SECRET_ACCESS_KEY }}}, or every secret
// at once through toJSON(secrets)). The step sees the secret as $K, so a
// run line that sends "$K" sends the secret: the run lines are read with
// $K written as the secret's own variable, as ${{ secrets.X }} written
// in the line itself is (autorun.go).

// ciSecretEnv matches one env mapping whose value holds a secret
// expression: the variable's name, then the secret's name or "" for
// another expression of secrets (toJSON(secrets), secrets[...],
// github.token). The mapping may be a line of its own (K: …, - K: …) or
// an entry of a flow mapping ({ K: …, J: … }); the value may hold other
// text around the expression ("Bearer ${{ secrets.T }}": the variable
// still carries the secret), and may be a block scalar whose next line
// holds it (K: >-).
var ciSecretEnv = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^[ \t-]*|[{,][ \t]*)([A-Za-z_][A-Za-z0-9_]*):[ \t]*(?:[>|][-+]?[ \t]*\n[ \t]+)?["']?[^"'\n{},#]*?\$\{\{[ \t]*(?:secrets\.([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}|[^}\n]*(?:\bsecrets\b|\bgithub\.token\b)[^}\n]*\}\})`)
}}

// ciVarEnv matches one variables mapping whose whole value is another
// variable (GitLab's variables: {T: $NPM_TOKEN}, expanded when the job
// starts): the variable's name, then the other's. Only a secret's name
// makes the pair an alias (ciSecretAliases).
var ciVarEnv = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^[ \t-]*|[{,][ \t]*)([A-Za-z_][A-Za-z0-9_]*):[ \t]*["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?["']?[ \t]*(?:$|[,}])`)
}}

// ciFromSecret matches Drone's and Woodpecker's binding of a secret to an
// environment variable (T: {from_secret: deploy_token}, or from_secret on
// the next line): the variable's name.
var ciFromSecret = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^[ \t-]*([A-Za-z_][A-Za-z0-9_]*):[ \t]*(?:\{[ \t]*|\n[ \t]+)from_secret:`)
}}

// azureMacro matches an Azure Pipelines macro of a dotted variable
// ($(System.AccessToken), $(Build.SourceBranch)), which the agent expands
// before the script runs: the script's environment has it as
// SYSTEM_ACCESSTOKEN.
var azureMacro = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\)`)
}}

// azureMacros writes content's dotted Azure macros as the environment
// variables the agent maps them to.
func azureMacros(content string) string {
	if !strings.Contains(content, "$(") {
		return content
	}
	return azureMacro.Get().ReplaceAllStringFunc(content, func(m string) string {
		return "${" + strings.ToUpper(strings.ReplaceAll(m[2:len(m)-1], ".", "_")) + "}"
	})
}

// maxCISecretAliases bounds the env names followed in one file.
const maxCISecretAliases = 16

// ciSecretAliases returns pairs (variable, secret variable) for content's
// env mappings of secrets under another name; the secret variable is
// GITHUB_SECRETS for an expression of several.
func ciSecretAliases(content string) [][2]string {
	var out [][2]string
	if strings.Contains(content, "from_secret") {
		// Drone's and Woodpecker's environment: {NAME: {from_secret: x}}
		for _, m := range ciFromSecret.Get().FindAllStringSubmatch(content, maxCISecretAliases) {
			out = append(out, [2]string{m[1], "CI_SECRET"})
		}
	}
	if strings.Contains(content, ": $") || strings.Contains(content, ":$") || strings.Contains(content, `: "$`) {
		for _, m := range ciVarEnv.Get().FindAllStringSubmatch(content, maxCISecretAliases) {
			if m[1] != m[2] && effect.SecretVariableName(m[2]) {
				out = append(out, [2]string{m[1], m[2]})
			}
		}
	}
	if !strings.Contains(content, "${{") {
		return out
	}
	for _, m := range ciSecretEnv.Get().FindAllStringSubmatch(content, maxCISecretAliases) {
		name, secret := m[1], m[2]
		if secret == "" {
			secret = "GITHUB_SECRETS"
		}
		if name != secret {
			out = append(out, [2]string{name, secret})
		}
	}
	return out
}

// withSecretAliases rewrites a run line's $NAME and ${NAME} for each
// alias as the secret's own variable.
func withSecretAliases(line string, aliases [][2]string) string {
	for _, a := range aliases {
		line = replaceVar(line, a[0], "${"+a[1]+"}")
	}
	return line
}

// replaceVar replaces the shell references $name (not followed by a
// name's character) and ${name} in s with repl.
func replaceVar(s, name, repl string) string {
	if !strings.Contains(s, name) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		rest := s[i+1:]
		if strings.HasPrefix(rest, "{"+name+"}") {
			b.WriteString(repl)
			i += len(name) + 2
			continue
		}
		if strings.HasPrefix(rest, name) && (len(rest) == len(name) || !isNameByte(rest[len(name)])) {
			b.WriteString(repl)
			i += len(name)
			continue
		}
		b.WriteByte('$')
	}
	return b.String()
}

// isNameByte reports a byte that may continue a shell variable's name.
func isNameByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

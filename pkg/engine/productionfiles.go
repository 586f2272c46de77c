package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// A production environment's own files: what a change or a read there
// does, read from where the file sits and what it is called, whatever the
// tool.
//
// A repository keeps each environment's infrastructure and settings apart
// (infra/prod/main.tf, k8s/prod/deployment.yaml, envs/production/vars.yml,
// .env.production, settings.production.yml). What is written there is
// what the next plan, sync or deploy applies to production, often with no
// one else looking (a GitOps controller watches the directory); the same
// write under dev or staging is everyday work. So:
//
//   - a write of an infrastructure or settings file (by its format:
//     Terraform, HCL, YAML, JSON, TOML, an env file...) in a directory
//     named for production, or of a settings file whose own name says it
//     is production's (.env.production, prod.tfvars,
//     appsettings.Production.json, application-prod.properties), is the
//     effect "write:production-config";
//   - a read of the files there that hold values rather than code
//     (variables, settings, an env file: terraform.tfvars,
//     group_vars/production/vars.yml, settings.production.yml) is
//     "read:production-settings": production's settings hold its
//     passwords and keys as often as not.
//
// A template, an example or an encrypted copy (.example, .sample, .enc)
// is none of these, nor is a chart's values file named for production
// (values-prod.yaml), which only a release applies. A Pulumi stack's
// settings file named for production (Pulumi.prod.yaml) is production's
// configuration to write; its secrets are encrypted in it, so a read is
// the project's. The standard profile
// asks for both effects.

// Effect descriptors of a production file.
const (
	effectProductionConfig   = "write:production-config"
	effectProductionSettings = "read:production-settings"
)

// productionConfigExts are the formats of infrastructure and settings
// files, by extension.
var productionConfigExts = table.Map[string, bool]{Words: `tf tfvars hcl nomad yaml yml json jsonnet libsonnet cue toml ini conf cfg properties env xml pkl
	dhall kcl`}

// settingsNameParts are the parts of a file's name that say it holds an
// environment's values: variables, settings, an env file. "config" is
// not among them (config-prod.yml is as often a copy taken to look at), nor
// "secrets": a repository's secrets file is kept encrypted (sops, sealed
// secrets) and judged by its tool's own rules.
var settingsNameParts = table.Map[string, bool]{Words: `env dotenv settings appsettings application
	vars variables tfvars parameters params`}

// notLiveCopies are the extensions of a file that is not the live one: a
// template, an example, an encrypted copy, a backup.
var notLiveCopies = table.Map[string, bool]{Words: `example sample template tmpl tpl dist enc
	encrypted age gpg asc bak orig md txt`}

// productionDir reports whether a directory of the cleaned path dir is
// named for production (prod, production, prd, prod-eu). "live" alone is
// not: certificate stores call their current files so (letsencrypt/live).
func productionDir(dir string) bool {
	for seg := range strings.SplitSeq(dir, "/") {
		if seg != "" && !strings.EqualFold(seg, "live") && effect.NamesProduction(seg) {
			return true
		}
	}
	return false
}

// isNameSep reports a separator of a file name's parts.
func isNameSep(c byte) bool { return c == '.' || c == '-' || c == '_' }

// lowerPart returns part lower-cased in buf when it has capitals (without
// allocating: a part longer than buf is returned as it is).
func lowerPart(buf *[24]byte, part string) string {
	if len(part) > len(buf) {
		return part
	}
	upper := false
	for i := 0; i < len(part); i++ {
		c := part[i]
		if 'A' <= c && c <= 'Z' {
			upper = true
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if !upper {
		return part
	}
	return string(buf[:len(part)]) // a rare capital: appsettings.Production.json
}

// productionFile says what the cleaned path p is to production: whether a
// write there changes production's infrastructure or settings (config),
// and whether a read there reads its settings (settings).
func productionFile(p string) (config, settings bool) {
	base := path.Base(p)
	k := strings.LastIndexByte(base, '.')
	if k < 0 || k == len(base)-1 {
		return false, false
	}
	var buf [24]byte
	ext := lowerPart(&buf, base[k+1:])
	envFile := len(base) >= 4 && strings.EqualFold(base[:4], ".env")
	if !productionConfigExts.Get(ext) && !envFile {
		return false, false // most files: code, documents
	}
	if notLiveCopies.Get(ext) {
		return false, false
	}
	named, values, stack := false, false, false // the name says production; values; a stack's own file
	for i := 0; i < len(base); {
		for i < len(base) && isNameSep(base[i]) {
			i++
		}
		j := i
		for j < len(base) && !isNameSep(base[j]) {
			j++
		}
		if j > i {
			q := lowerPart(&buf, base[i:j])
			if notLiveCopies.Get(q) || q == "example" || q == "examples" {
				return false, false // .env.production.example, prod.tfvars.sample
			}
			named = named || q != "live" && effect.NamesProduction(q)
			values = values || settingsNameParts.Get(q)
			stack = stack || q == "pulumi"
		}
		i = j
	}
	if named && values {
		return true, true // .env.production, prod.auto.tfvars, appsettings.Production.json
	}
	if named && stack {
		// Pulumi.prod.yaml: the stack's configuration, applied by its next
		// up; its secrets are kept encrypted there, so a read is no more
		// than the project's
		return true, false
	}
	if productionDir(path.Dir(p)) {
		return true, values // infra/prod/main.tf; group_vars/production/vars.yml is read as settings
	}
	return false, false
}

// judgeProductionFile judges a read or a write of the cleaned path p as a
// production file's, when it is one.
func (ev *evaluation) judgeProductionFile(tool, p string) {
	if ev.denied() || p == "" {
		return
	}
	config, settings := productionFile(p)
	k := ""
	switch {
	case tool == call.ToolWrite && config:
		k = effectProductionConfig
	case tool == call.ToolRead && settings:
		k = effectProductionSettings
	}
	if k != "" {
		s := subject{tool: tool, text: p, path: p, effect: k}
		ev.judge(&s)
	}
}

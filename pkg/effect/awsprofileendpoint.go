package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// An endpoint the line writes into the AWS CLI's configuration before it
// runs the CLI: aws configure set endpoint_url URL --profile P (or
// profile.P.endpoint_url URL; with no profile, the default one's) points
// every later aws command of that profile (--profile P, AWS_PROFILE=P or
// AWS_DEFAULT_PROFILE=P, or none given for the default) that reads the
// same configuration file (AWS_CONFIG_FILE) at URL, as --endpoint-url URL
// on it would.

// configuredEndpoints returns the endpoints earlier commands of res set in
// the profile command i, an aws command, uses.
func configuredEndpoints(res *shell.Result, i int) []string {
	c := &res.Commands[i]
	profile := ""
	env := lineAssigns(res, i)
	if v, ok := valueOf(env, "AWS_DEFAULT_PROFILE"); ok {
		profile = v // the older name, which AWS_PROFILE overrides
	}
	if v, ok := valueOf(env, "AWS_PROFILE"); ok {
		profile = v
	}
	// the configuration file the command reads: an endpoint set in
	// another one (AWS_CONFIG_FILE=… on one of the two) is not its own
	file, _ := valueOf(env, "AWS_CONFIG_FILE")
	if vals := optionValues(c.Args, func(o string) bool { return o == "--profile" }); len(vals) > 0 {
		profile = vals[len(vals)-1]
	}
	if profile == "" {
		profile = "default"
	}
	var out []string
	for k := 0; k < i; k++ {
		o := &res.Commands[k]
		if o.Name != "aws" || len(o.Via) > 0 {
			continue
		}
		if f, _ := valueOf(lineAssigns(res, k), "AWS_CONFIG_FILE"); f != file {
			continue
		}
		pos := positionals(o.Args)
		if len(pos) < 4 || pos[0] != "configure" || pos[1] != "set" {
			continue
		}
		key, url := pos[2], pos[3]
		p := "default"
		if vals := optionValues(o.Args, func(opt string) bool { return opt == "--profile" }); len(vals) > 0 {
			p = vals[len(vals)-1]
		}
		if rest, ok := strings.CutPrefix(key, "profile."); ok {
			if name, k2, found := strings.Cut(rest, "."); found {
				p, key = name, k2
			}
		}
		if key == "endpoint_url" && p == profile {
			out = append(out, url)
		}
	}
	return out
}

package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// An endpoint the line writes into the AWS CLI's configuration before it
// runs the CLI: aws configure set endpoint_url URL --profile P (or
// profile.P.endpoint_url URL; with no profile, the default one's) points
// every later aws command of that profile (--profile P, AWS_PROFILE=P, or
// none given for the default) at URL, as --endpoint-url URL on it would.

// configuredEndpoints returns the endpoints earlier commands of res set in
// the profile command i, an aws command, uses.
func configuredEndpoints(res *shell.Result, i int) []string {
	c := &res.Commands[i]
	profile := ""
	if v, ok := valueOf(lineAssigns(res, i), "AWS_PROFILE"); ok {
		profile = v
	}
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

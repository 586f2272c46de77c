package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Object-store clients that name what they act on by ALIAS/BUCKET/PATH,
// the alias standing for a server's URL kept in the client's own
// configuration (MinIO's mc: mc rb --force local/scratch). The alias is
// read where the line itself says what it stands for (mc alias set NAME
// URL, the older mc config host add NAME URL, an MC_HOST_NAME=URL
// variable on the command). A change whose every target alias the line
// sets only to this machine changes only what a server here holds, as a
// cloud CLI pointed at an endpoint here does (localtarget.go). An alias
// the line does not explain may be any server's, even one named "local"
// (a fresh configuration's alias for localhost:9000 is often set to a
// shared server since): mc rm --recursive --force local/test-bucket stays
// what it is. A path of this machine's files (./data, /tmp/x) is a local
// delete, not read as here either.

// aliasStoreClients are the clients read this way.
var aliasStoreClients = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("mc mcli")
}}

// storeCopyVerbs are the verbs that only read every operand but the last
// (mc cp SRC... DST, mc mirror SRC DST): the last is what they change.
var storeCopyVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("cp mirror")
}}

// storeAliasVerbs are the verbs that set an alias (mc alias set NAME URL,
// mc config host add NAME URL), as word paths after the program.
var storeAliasVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("alias/set alias/s alias/add alias/a config/host/add config/host/a")
}}

// storeOperands returns args without the options, taking every word that
// begins with "-" for a flag (a value an option takes is then read as an
// operand: an operand the reader cannot place makes it answer no).
func storeOperands(args []string) []string {
	var out []string
	for _, a := range args {
		if a == "--" {
			continue
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			continue
		}
		out = append(out, a)
	}
	return out
}

// lineStoreAliases returns the URLs each alias is set to on the line for
// command at: by the client's own verbs in the commands before it (an
// alias set after the change explains nothing the change acted on), or
// by MC_HOST_NAME variables of that command itself (another command's
// variables are not its environment).
func lineStoreAliases(res *shell.Result, at *shell.Command) map[string][]string {
	var set map[string][]string
	add := func(name, url string) {
		if set == nil {
			set = map[string][]string{}
		}
		set[name] = append(set[name], url)
	}
	for k := range res.Commands {
		c := &res.Commands[k]
		if c == at {
			for _, as := range c.Assigns {
				if n, v, ok := strings.Cut(as, "="); ok && strings.HasPrefix(n, "MC_HOST_") {
					add(strings.TrimPrefix(n, "MC_HOST_"), v)
				}
			}
			break
		}
		if c.Name == "export" || c.Name == "declare" {
			// export MC_HOST_x=…: every later command's environment
			for _, as := range c.Args {
				if n, v, ok := strings.Cut(as, "="); ok && strings.HasPrefix(n, "MC_HOST_") {
					add(strings.TrimPrefix(n, "MC_HOST_"), v)
				}
			}
			continue
		}
		if !aliasStoreClients.Get(c.Name) {
			continue
		}
		p := storeOperands(c.Args)
		for n := 2; n <= 3 && n+2 <= len(p); n++ {
			if storeAliasVerbs.Get(strings.Join(p[:n], "/")) {
				add(p[n], p[n+1])
				break
			}
		}
	}
	return set
}

// storeAliasTargets returns the URLs of the servers command c of an
// alias-addressed client changes, and false when an operand it changes
// names an alias the line does not explain, or a
// path of this machine's files, or when it names no operand at all.
func storeAliasTargets(res *shell.Result, c *shell.Command) ([]string, bool) {
	p := storeOperands(c.Args)
	if len(p) < 2 {
		return nil, false
	}
	verb, ops := p[0], p[1:]
	if storeCopyVerbs.Get(verb) {
		ops = ops[len(ops)-1:]
	}
	set := lineStoreAliases(res, c)
	var urls []string
	for _, op := range ops {
		if op == "" || strings.ContainsAny(op[:1], "./~$") || strings.Contains(op, "://") {
			return nil, false
		}
		alias, _, _ := strings.Cut(op, "/")
		u, ok := set[alias]
		if !ok {
			return nil, false
		}
		urls = append(urls, u...)
	}
	return urls, len(urls) > 0
}

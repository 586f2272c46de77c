package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/verbs"
)

// Who may do what on a service, changed through a program the catalogue
// does not know: an identity or directory CLI's verb that changes, acting
// on accounts, groups and their members, roles, permissions or passwords
// (gam update user, ipa group-add-member, auth0 users roles assign, lpass
// share useradd, berglas grant). The noun and the verb may be one word
// (user-add, useradd, addmembers, setpassword) or two (update user); a
// verb that is itself about access (grant, delegate) needs no noun. What
// such a command changes is another person's access, so it is a change to
// shared state whatever the target is called (sharedcli.go), unless it
// points at a server on this machine or names an environment short of
// production. A cloud CLI's and a package registry's or remote service's
// tool (pod trunk add-owner, rpk acl create, heroku access:add) are read
// the same way, and a cloud CLI's transfer (heroku apps:transfer) hands
// what it names to someone else by itself.

// accountNouns are the parts of a leading word that name who may act on a
// service: an account, a group or its members, a role, a permission or a
// rule granting one, a password.
var accountNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("user users group groups member members role roles permission permissions perm perms acl acls " +
		"sudorule sudorules hbacrule hbacrules password passwords passwd delegate delegates delegation delegations " +
		"collaborator collaborators admin admins principal principals membership memberships privilege privileges iam " +
		// who owns a package, an app or a repository (pod trunk
		// add-owner, transfer-ownership), who may use an app (heroku
		// access:add), who is in a team (fly set-team)
		"owner owners ownership access team teams")
}}

// accessVerbs are the verbs that are about access by themselves: what is
// granted, delegated or raised is someone's access, whatever follows.
var accessVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("grant grants delegate impersonate elevate demote unsuspend passwd chpasswd setpassword resetpassword " +
		// a person invited into an organisation or a workspace (fly orgs
		// invite, acmectl users invite)
		"invite invites reinvite")
}}

// joinedAccessVerbs are the short verbs an account tool runs into its noun
// (useradd, userdel, usermod, addmembers).
var joinedAccessVerbs = table.Map[string, bool]{Words: "add del mod rm set reset remove delete create update change"}

// accessPart reads one part of a leading word for access: whether it names
// what access is given to (noun), and whether it is a verb that changes
// (verb) — a part may be both when run together (useradd, setpassword).
func accessPart(p string) (noun, verb bool) {
	if accessVerbs.Get(p) {
		return true, true
	}
	if accountNouns.Get(p) {
		return true, false
	}
	if partClass(p) == "change" {
		return false, true
	}
	for _, n := range [...]string{"user", "group", "members", "member", "roles", "role", "password"} {
		if rest, ok := strings.CutPrefix(p, n); ok && rest != "" && joinedAccessVerbs.Get(rest) {
			return true, true // useradd, groupdel
		}
		if rest, ok := strings.CutSuffix(p, n); ok && rest != "" && joinedAccessVerbs.Get(rest) {
			return true, true // adduser, addmembers, setpassword
		}
	}
	return false, false
}

// accessScan gathers, over an unknown program's leading words, whether
// one names access (noun) and the first word with a verb that changes it.
type accessScan struct {
	noun     bool
	verb     string
	transfer string // a word with a verb of the lexicon's transfer class
}

// word reads one leading word w by its parts; an option's value (value:
// rpk group seek --to start) may name access but is no verb.
func (s *accessScan) word(w string, value bool) {
	verbParts(w, func(p string, k int) {
		if p == "access" && k > 0 {
			return // aws_access_key_id: a key's name, not who may act
		}
		noun, verb := accessPart(p)
		s.noun = s.noun || noun
		if verb && !value && s.verb == "" {
			s.verb = w
		}
		if s.transfer == "" && verbs.Class(p) == "transfer" {
			s.transfer = w
		}
	})
}

// changes returns the verb by which the scanned words change access, or
// "": one with a noun of access, or, for a cloud CLI (cloud), a transfer
// (heroku apps:transfer, a domain or an app handed to another account).
func (s *accessScan) changes(cloud bool) string {
	if s.noun {
		return s.verb
	}
	if cloud {
		return s.transfer
	}
	return ""
}

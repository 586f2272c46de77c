package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
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
// production.

// accountNouns are the parts of a leading word that name who may act on a
// service: an account, a group or its members, a role, a permission or a
// rule granting one, a password.
var accountNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("user users group groups member members role roles permission permissions perm perms acl acls " +
		"sudorule sudorules hbacrule hbacrules password passwords passwd delegate delegates delegation delegations " +
		"collaborator collaborators admin admins principal principals membership memberships privilege privileges iam")
}}

// accessVerbs are the verbs that are about access by themselves: what is
// granted, delegated or raised is someone's access, whatever follows.
var accessVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("grant grants delegate impersonate elevate demote unsuspend passwd chpasswd setpassword resetpassword")
}}

// joinedAccessVerbs are the short verbs an account tool runs into its noun
// (useradd, userdel, usermod, addmembers).
var joinedAccessVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("add del mod rm set reset remove delete create update change")
}}

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
	noun bool
	verb string
}

// word reads one leading word w by its parts.
func (s *accessScan) word(w string) {
	verbParts(w, func(p string, _ int) {
		noun, verb := accessPart(p)
		s.noun = s.noun || noun
		if verb && s.verb == "" {
			s.verb = w
		}
	})
}

// changes returns the verb by which the scanned words change access, or "".
func (s *accessScan) changes() string {
	if s.noun {
		return s.verb
	}
	return ""
}

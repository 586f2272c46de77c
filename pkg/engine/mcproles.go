package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// An administrator's or owner's role granted through an MCP tool, however
// the service spells it: a role, a role's type or name, a policy or a
// group (okta {type: APP_ADMIN}, gcp {role: roles/owner}, atlas {roleName:
// atlasAdmin}, aws {policy_arn: …/AdministratorAccess}, jira {groupname:
// jira-administrators}, auth0 {roles: [rol_admin]}). The value is read word
// by word (its snake, camel, kebab and path parts), so a role is found
// wherever the word stands in it; one that only reads or views (a
// read-only admin console, a viewer) grants no such rights.

// peopleToolWords are the words of a tool's name that say it gives people
// access: members, roles, permissions, memberships, IAM bindings, users'
// groups and policies.
var peopleToolWords = &table.Map[string, bool]{Words: "collaborator collaborators member members membership memberships permission permissions role roles invite access iam user users group groups policy policies binding bindings assignment assignments grant grants"}

// adminRoleWords are the words of a role that rules what it is given.
var adminRoleWords = &table.Map[string, bool]{Words: "admin admins administrator administrators owner owners superuser superadmin maintainer maintainers maintain"}

// inviteToolWords are the words of a tool's name that say it invites a
// person; invitedIntoWords, what it invites them into: an organisation, a
// workspace, a team, a group of users. An invitation there is access given
// to someone new, whatever role it carries (a meeting's invite is not).
var (
	inviteToolWords  = &table.Map[string, bool]{Words: "invite invites invitation invitations reinvite"}
	invitedIntoWords = &table.Map[string, bool]{Words: "org orgs organization organizations organisation organisations workspace workspaces team teams user users member members collaborator collaborators admin"}
)

// invitesPeople reports a tool whose name invites a person into an
// organisation, a workspace or a team (admin_users_invite, orgs_invite,
// create_org_invitation).
func invitesPeople(tool string) bool {
	invite, into := false, false
	for _, w := range ToolWords(tool) {
		invite = invite || inviteToolWords.Get(w)
		into = into || invitedIntoWords.Get(w)
	}
	return invite && into
}

// lesserRoleWords are the words that make an administrator's role one that
// only looks (a read-only admin, an admin viewer).
var lesserRoleWords = &table.Map[string, bool]{Words: "read readonly viewer viewers view reader readers"}

// roleKey reports an argument name (normKey) that gives a role: a role, a
// permission, an access level, a policy, a group, or a role's type.
func roleKey(nk string) bool {
	switch nk {
	case "type", "level", "access", "accesslevel":
		return true
	}
	for _, w := range roleKeyParts {
		if strings.Contains(nk, w) {
			return true
		}
	}
	return false
}

// roleKeyParts are the parts of an argument name that give a role.
var roleKeyParts = [...]string{"role", "permission", "policy", "group"}

// adminRole returns a role among v (a string, or a list of them) that is
// an administrator's or owner's, or "".
func adminRole(v any, depth int) string {
	switch x := v.(type) {
	case string:
		if len(x) > 256 {
			return ""
		}
		admin := false
		for _, w := range splitToolWords(x) {
			if lesserRoleWords.Get(w) {
				return ""
			}
			admin = admin || adminRoleWords.Get(w)
		}
		if admin {
			return x
		}
	case []any:
		for _, e := range x {
			if depth < 2 {
				if r := adminRole(e, depth+1); r != "" {
					return r
				}
			}
		}
	}
	return ""
}

// peopleTool reports a tool whose name says it gives people access.
func peopleTool(tool string) bool {
	for _, w := range ToolWords(tool) {
		if peopleToolWords.Get(w) {
			return true
		}
	}
	return false
}

// readOnlyTool reports a tool whose name's verb only reads (list_roles,
// get_user_role): the roles it is given are what it looks for.
func (w *mcpWalk) readOnlyTool() bool { return readToolParts(w.tool).class == verbRead }

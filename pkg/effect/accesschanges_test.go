package effect

import "testing"

// TestUnknownAccessChange checks that a program nobody catalogued changing
// accounts, groups, roles or passwords on a service is read as access
// changed, in one word or two, and that a look, a local server or a
// staging environment is not.
func TestUnknownAccessChange(t *testing.T) {
	for line, want := range map[string]bool{
		"gam update user bob@example.com suspended on":                    true,
		"gam create user newhire@example.com firstname New lastname Hire": true,
		"ipa group-add-member admins --users=carol":                       true,
		"ipa user-del dave":              true,
		"ipa passwd alice":               true,
		"dirctl useradd carol":           true,
		"idpctl addmembers admins carol": true,
		"auth0 users roles assign auth0|64f1c2 --roles rol_admin": true,
		"berglas grant sm://acme/db --member user:ci@acme.io":     true,
		"gam print users":     false,
		"ipa user-show alice": false,
		"idpctl users list":   false,
		"idpctl create user alice --server http://localhost:8080": false,
		"idpctl create user alice --env staging":                  false,
		"mytool update":                                           false,
		"mytool user":                                             false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:access"); got != want {
			t.Errorf("%q: destroy:access = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

func TestAccessPart(t *testing.T) {
	for p, want := range map[string][2]bool{
		"useradd": {true, true}, "setpassword": {true, true}, "grant": {true, true},
		"user": {true, false}, "update": {false, true}, "list": {false, false}, "userland": {false, false},
	} {
		n, v := accessPart(p)
		if n != want[0] || v != want[1] {
			t.Errorf("accessPart(%q) = %v, %v, want %v", p, n, v, want)
		}
	}
}

// TestCloudAccessChange checks the same reading for a cloud CLI's
// commands the catalogue does not list one by one: its verb changing
// accounts, roles, permissions or ACLs is access changed; a look, and a
// cluster on this machine, are not.
func TestCloudAccessChange(t *testing.T) {
	for line, want := range map[string]bool{
		"databricks permissions update clusters 0612-101010 --json '{}'": true,
		"nomad acl policy apply anonymous policies/allow-all.hcl":        true,
		"ibmcloud iam user-invite alice@example.com":                     true,
		"databricks permissions get clusters 0612-101010":                false,
		"nomad acl policy list":                                          false,
		"ibmcloud iam users":                                             false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:access"); got != want {
			t.Errorf("%q: destroy:access = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

package effect

import "testing"

// TestServerHere checks that a directory client's change is a change to
// what a server holds unless every server option names this machine, and
// that a port forwarded on the line, a server left unnamed, or a database
// client keep it one.
func TestServerHere(t *testing.T) {
	destroys := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Destroy {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"ldapadd -x -H ldap://localhost:3389 -D cn=admin,dc=test,dc=local -w admin -f fixtures/users.ldif": false,
		"ldapdelete -H ldap://127.0.0.1 -r ou=people,dc=test,dc=local":                                     false,
		"ldapmodify -n -H ldaps://ldap.corp.example.com -f changes.ldif":                                   false,
		"ldapmodify -x -H ldaps://ldap.corp.example.com -W -f changes.ldif":                                true,
		"ldappasswd -H ldaps://ldap.acme.io -S uid=jo,ou=people,dc=acme,dc=io":                             true,
		"ldapdelete -x -f x.ldif": true,
		"ldapadd -H ldap://localhost:3389 -H ldaps://ldap.corp.example.com -f a.ldif":       true,
		"ssh -fN -L 3389:ldap.corp:389 bastion; ldapadd -H ldap://localhost:3389 -f a.ldif": true,
		"dropuser -h localhost app": true,
	} {
		if got := destroys(line); got != want {
			t.Errorf("%s: destroys = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestAimedHere checks that an unknown program's publishing verb aimed
// only at URLs of this machine publishes to no one, and that one aimed
// elsewhere, at no URL, past a forwarded port or at production does.
func TestAimedHere(t *testing.T) {
	destroys := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Destroy {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"ray job submit --address http://127.0.0.1:8265 --working-dir . -- python jobs/etl.py":               false,
		"ray job submit --address=http://localhost:8265 -- python jobs/etl.py":                               false,
		"ray job submit --address https://ray.prod.internal:8265 -- python jobs/backfill.py":                 true,
		"ray job submit --address http://10.0.4.12:8265 -- python x.py":                                      true,
		"ray job submit -- python x.py":                                                                      true,
		"ssh -fNL 8265:ray-head:8265 bastion; ray job submit --address http://127.0.0.1:8265 -- python x.py": true,
		"ray job submit --address http://127.0.0.1:8265 --runtime-env-json '{\"env\":\"production\"}' -- x":  true,
	} {
		if got := destroys(line); got != want {
			t.Errorf("%s: destroys = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

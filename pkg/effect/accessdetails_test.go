package effect

import "testing"

// "details" names a login's details only after an access or login part
// (get-instance-access-details); an account's authorization details are
// its users, roles and policies, no secret.
func TestDetailsOfALogin(t *testing.T) {
	for cmd, want := range map[string]bool{
		"aws lightsail get-instance-access-details --instance-name web --profile prod":    true,
		"aws iam get-account-authorization-details --filter User --profile prod-readonly": false,
		"aws iam get-account-authorization-details":                                       false,
		"gcloud redis instances get-auth-string prod-cache --region us-central1":          true,
	} {
		effs := effectsOf(cmd)
		got := hasEffect(effs, "flow:secret->agent") || hasEffect(effs, "flow:credential->agent")
		if got != want {
			t.Errorf("%q: a secret printed = %v, want %v (%v)", cmd, got, want, effs)
		}
	}
}

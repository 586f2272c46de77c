package effect

import "testing"

// TestDeletedAndWrappedFields: a jq path inside del(...) names a field the
// filter removes, so it picks no secret; a path ending at .value (terraform
// output -json's shape) picks the field before it, so .db_password.value
// is the password.
func TestDeletedAndWrappedFields(t *testing.T) {
	for line, want := range map[string]bool{
		"terraform output -json | jq 'del(.db_password)'":                    false,
		"terraform output -json | jq 'del(.db_password, .api_token) | keys'": false,
		"terraform output -json | jq '.vpc_id.value'":                        false,
		"terraform output -json | jq '.password_policy.value.min_length'":    false,
		"terraform output -json | jq '.db_password'":                         true,
		"terraform output -json | jq 'del(.x) | .db_password'":               true,
		"terraform output -json | jq 'del(.a), .db_password'":                true,
		"terraform output -json | jq 'mydel(.db_password)'":                  true,
		"terraform output -json | jq '.db_password.value'":                   true,
		"terraform output -json | jq -r '.api_token.value'":                  true,
		"terraform output -json | jq 'del(.a) | .db_password.value'":         true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "flow:secret->agent"); got != want {
			t.Errorf("%q: secret printed = %v, want %v (%v)", line, got, want, effs)
		}
	}
}

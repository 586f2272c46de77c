package effect

import "testing"

// A secret manager whose listings print names only (lists-names in the
// catalogue) lists production's secrets without printing one; its get,
// show or access still prints the value.
func TestStoreListingsPrintNames(t *testing.T) {
	for cmd, want := range map[string]bool{
		"gcloud secrets list --project acme-prod":                                           false,
		"gcloud secrets versions list stripe-key --project acme-prod":                       false,
		"az keyvault secret list --vault-name kv-acme-prod --query '[].name' -o tsv":        false,
		"az keyvault secret list-versions --vault-name kv-acme-prod --name stripe-key":      false,
		"gcloud secrets versions access latest --secret=stripe-key --project acme-prod":     true,
		"az keyvault secret show --vault-name kv-acme-prod --name stripe-key --query value": true,
	} {
		if got := hasEffect(effectsOf(cmd), "flow:secret->agent"); got != want {
			t.Errorf("%s: secret->agent %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}

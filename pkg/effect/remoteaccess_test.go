package effect

import "testing"

// TestRemoteServiceAccessAndSize checks the reading of who may act on a
// remote service, a cloud CLI's transfer and publish, and a machine's
// type or size changed, for known and unknown programs alike, beside the
// looks and the local changes that stay allowed.
func TestRemoteServiceAccessAndSize(t *testing.T) {
	for cmd, want := range map[string]string{
		"pod trunk add-owner AcmeKit alice@example.com":                              "destroy:access",
		"rpk acl create --allow-principal User:bob --topic orders":                   "destroy:access",
		"heroku access:add bob@example.com -a acme":                                  "destroy:access",
		"heroku apps:transfer -a acme acme-org":                                      "destroy:access",
		"flyctl orgs invite acme bob@example.com":                                    "destroy:access",
		"registryctl owner add acme-kit bob":                                         "destroy:access",
		"infractl transfer-ownership acme-api bob":                                   "destroy:access",
		"hcloud server change-type web-1 cx41":                                       "destroy:shared-change",
		"infractl server change-type api-1 large":                                    "destroy:shared-change",
		"amplify publish":                                                            "destroy:shared-change",
		"rpk acl list":                                                               "",
		"rpk group seek billing --to start --topics orders":                          "",
		"heroku access -a acme":                                                      "",
		"aws configure set aws_access_key_id AKIAEXAMPLE --profile local":            "",
		"pscale branch create acme add-plan-column":                                  "",
		"aws sns publish --topic-arn arn:aws:sns:us-east-1:1:deploys --message done": "",
	} {
		effs := effectsOf(cmd)
		if want == "" {
			if hasEffect(effs, "destroy:access") || hasEffect(effs, "destroy:shared-change") {
				t.Errorf("%s: %v, want no change to shared state", cmd, effs)
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%s: %v, want %s", cmd, effs, want)
		}
	}
}

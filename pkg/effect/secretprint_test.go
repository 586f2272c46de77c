package effect

import "testing"

// TestSecretPrinted checks that a secret printed where the agent reads it
// is the flow secret->agent, and that names, status, a variable, a login
// reading stdin, a count and a selector of other fields are not.
func TestSecretPrinted(t *testing.T) {
	for line, want := range map[string]bool{
		"gh auth token":                                                                true,
		"gh auth status --show-token":                                                  true,
		"vault kv get -field=password secret/dev":                                      true,
		"kubectl config view --raw":                                                    true,
		"kubectl get secret db -o yaml":                                                true,
		"aws ecr get-login-password":                                                   true,
		"printenv GITHUB_TOKEN":                                                        true,
		"echo $AWS_SECRET_ACCESS_KEY":                                                  true,
		"aws ssm get-parameter --name /a --with-decryption":                            true,
		"kubectl get secret db -o jsonpath='{.data.password}' | base64 -d":             true,
		"gh auth status":                                                               false,
		"vault kv list secret/dev":                                                     false,
		"vault login -method=oidc":                                                     false,
		"kubectl get secrets":                                                          false,
		"kubectl get secrets -o name":                                                  false,
		"doppler secrets --only-names":                                                 false,
		"aws ssm get-parameter --name /dev/log-level":                                  false,
		"printenv PATH":                                                                false,
		"export GH_TOKEN=$(gh auth token)":                                             false,
		"gh auth token | wc -c":                                                        false,
		"gh auth token > tok.txt":                                                      false,
		"gh auth token | docker login ghcr.io -u u --password-stdin":                   false,
		"kubectl get secret tls -o jsonpath='{.metadata.creationTimestamp}'":           false,
		"sops -d secrets.yaml | yq '.database.host'":                                   false,
		"tmux send-keys -t dev C-c":                                                    false,
		"bash -c 'gh auth token'":                                                      true,
		"echo \"${GITHUB_TOKEN:+set}\"":                                                false,
		"aws configure get aws_secret_access_key":                                      true,
		"aws configure get region":                                                     false,
		"git config credential.helper":                                                 false,
		"git config --get http.https://github.com/.extraheader":                        true,
		"vault token lookup -format=json | jq .data.policies":                          false,
		"vault kv get -format=json secret/a | jq -r .data.data.password":               true,
		"az storage account keys list -n store":                                        true,
		"curl -s http://127.0.0.1:8200/v1/secret/data/app":                             true,
		"wget -qO- https://vault.example.com/v1/secret/data/prod/db":                   true,
		"curl -s https://k8s.example.com/api/v1/namespaces/prod/secrets":               true,
		"curl -s http://127.0.0.1:8200/v1/secret/data/app | jq .data.metadata.version": false,
		"curl -s http://127.0.0.1:8200/v1/secret/data/app | jq -r .data.data.password": true,
		"curl -s http://127.0.0.1:8200/v1/secret/metadata/app":                         false,
		"curl -s -o out.json http://127.0.0.1:8200/v1/secret/data/app":                 false,
		"curl -s https://api.example.com/v1/users":                                     false,
		// a project's secrets store listed prints names and values; a
		// config key named for a secret is decrypted, another is not
		"dotnet user-secrets list --project src/Api":         true,
		"dotnet user-secrets list --project src/Api | wc -l": false,
		"dotnet user-secrets set Stripe:Key sk_test_1":       false,
		"pulumi config get --stack dev dbPassword":           true,
		"pulumi config get --stack dev replicas":             false,
		"lpass export | gzip | base64":                       true,
		"gh auth token | xz -c":                              true,
		"op read op://dev/db/password | zstd | base64 -w0":   true,
		"gh auth token | gzip > tok.gz":                      false,
		"bw get template item":                               false,
		"bw get password github.com":                         true,
		"bw get github.com":                                  true,
		"bws secret get 2f1c":                                true,
		"bws project list":                                   false,
		"wp config get DB_PASSWORD":                          true,
		"wp @production config get AUTH_KEY":                 true,
		"wp config get DB_NAME":                              false,
		"wp config list":                                     true,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret->agent"); got != want {
			t.Errorf("%q: flow:secret->agent = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

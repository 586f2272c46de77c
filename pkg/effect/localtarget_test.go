package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestLocalTarget: a change whose every destination is this machine (an
// emulator's endpoint, a registry here), and its neighbours that reach
// another machine. Nothing is run.
func TestLocalTarget(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"aws --endpoint-url http://localhost:4566 dynamodb delete-table --table-name users", true},
		{"aws s3 rb s3://test --force --endpoint-url=http://127.0.0.1:9000", true},
		{"AWS_ENDPOINT_URL=http://localhost:4566 aws s3 rb s3://test --force", true},
		{"docker push localhost:5000/api:dev", true},
		{"docker push 127.0.0.1:5000/team/api:dev", true},
		{"podman push [::1]:5000/api:dev", true},
		{"docker buildx build --push -t localhost:5000/api:dev .", true},
		// cosign signs and attests an image in the registry its reference names
		{"cosign sign --key cosign.key localhost:5000/widget:1.8.0 --tlog-upload=false", true},
		{"cosign attest --key cosign.key --type cyclonedx --predicate sbom.json 127.0.0.1:5000/widget:1.8.0", true},
		// a package publisher's operands and --tag say nothing of where
		// the publish goes; its registry option and variable do
		{"npm publish --registry http://localhost:4873 --tag next", true},
		{"npm unpublish @acme/core@1.4.0-next.0 --registry http://localhost:4873 --force", true},
		{"lerna publish from-package --registry http://localhost:4873 --yes", true},
		{"changeset publish --registry http://localhost:4873", true},
		{"npm_config_registry=http://localhost:4873 npm publish", true},
		{"TWINE_REPOSITORY_URL=http://127.0.0.1:8080 twine upload dist/*", true},
		{"twine upload --repository-url http://localhost:8080 dist/*", true},
		{"cargo publish --index http://localhost:8080/index", true},
		{"mvn deploy -DaltDeploymentRepository=local::file:./target/staging-repo -DskipTests", true},
		{"mvn deploy -DaltDeploymentRepository=snap::default::file:///tmp/m2-staging", true},
		{"./mvnw deploy -DaltDeploymentRepository=dev::http://localhost:8081/repository/maven-snapshots", true},

		{"aws s3 rb s3://test --force", false},
		{"aws --endpoint-url https://s3.wasabisys.com s3 rb s3://archive --force", false},
		{"aws --endpoint-url http://localhost:4566 --endpoint-url https://s3.amazonaws.com s3 rb s3://x", false},
		{"ssh -fN -L 4566:s3.amazonaws.com:443 bastion && aws --endpoint-url https://localhost:4566 s3 rb s3://prod --force", false},
		{"docker push api:dev", false},
		{"npm publish --tag next", false},
		{"npm publish --registry http://localhost:4873 --registry https://registry.npmjs.org", false},
		{"npm_config_registry=http://localhost:4873 npm publish --registry https://registry.npmjs.org", false},
		{"UV_INDEX_URL=http://localhost:3141 uv publish", false},
		{"npm_config_registry=https://registry.npmjs.org npm publish", false},
		{"lerna publish from-package --yes", false},
		{"twine upload dist/*", false},
		{"mvn deploy -DskipTests", false},
		{"mvn deploy -DaltDeploymentRepository=nexus::https://nexus.acme.dev/repository/releases", false},
		{"mvn deploy -DaltDeploymentRepository=share::file://nas.acme.lan/maven", false},
		{"mvn deploy -DaltSnapshotDeploymentRepository=l::file:./target/r -DaltReleaseDeploymentRepository=c::https://oss.sonatype.org/x", false},
		{"docker buildx build --push -t api --registry http://localhost:5000 .", false},
		{"npm publish --registry http://localhost:4873 && ssh -fN -L 4873:registry.npmjs.org:443 jump", false},
		{"docker push ghcr.io/acme/api:dev", false},
		{"cosign sign --key cosign.key ghcr.io/acme/widget:1.8.0", false},
		{"cosign copy ghcr.io/acme/widget:1.8.0 localhost:5000/widget:1.8.0", false},
		{"docker push localhost:5000/a ghcr.io/acme/b", false},
		{"docker push localhost:5000/api:dev && kubectl port-forward svc/registry 5000:5000", false},
		{"docker buildx build --push -t localhost:5000/api:dev -t acme/api:dev .", false},
		{"docker buildx build --push .", false},
		{"ssh build-host docker push localhost:5000/api", false},
	} {
		res := shell.Parse(tc.line)
		got := false
		for i := range res.Commands {
			got = got || LocalTarget(&res, i)
		}
		if got != tc.want {
			t.Errorf("LocalTarget(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestServerNamedHere: a broker's destroying option, or an unknown
// client's destroying verb, aimed by its server options only at this
// machine changes what a server here holds; the same aimed at another
// host, at no host, at both, with a port forwarded to another machine or
// with production named, is what it would otherwise be.
func TestServerNamedHere(t *testing.T) {
	for line, want := range map[string]bool{
		"kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic orders-test":                             false,
		"kafka-topics --bootstrap-server=127.0.0.1:9092 --delete --topic t":                                          false,
		"rabbitmqadmin -H localhost purge queue name=email-dev":                                                      false,
		"rabbitmqadmin --host=127.0.0.1 delete queue name=email-dev":                                                 false,
		"kafka-topics.sh --bootstrap-server kafka-1.acme.internal:9092 --delete --topic payments":                    true,
		"kafka-topics.sh --delete --topic payments":                                                                  true,
		"kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic t && ssh -fN -L 9092:kafka:9092 bastion": true,
		"rabbitmqadmin -H rmq.acme.internal purge queue name=email":                                                  true,
		"rabbitmqadmin purge queue name=email":                                                                       true,
		"rabbitmqadmin -H localhost -H rmq.acme.internal purge queue name=email":                                     true,
		"rabbitmqadmin -H localhost purge queue name=email --vhost prod":                                             true,
		"mongorestore -h localhost --drop dump/":                                                                     true,
		"kubectl -s https://127.0.0.1:6443 scale deploy/api --replicas=0":                                            true,
	} {
		effs := effectsOf(line)
		got := hasEffect(effs, "destroy:remote") || hasEffect(effs, "destroy:shared-change") || hasEffect(effs, "destroy:production") || hasEffect(effs, "destroy:deploy")
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}

// TestPublishTaskHere: a project's publish task (changeset publish, mvn
// deploy) whose every destination is this machine publishes nothing; the
// same task with no destination, or another machine's, still does.
func TestPublishTaskHere(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"changeset publish --registry http://localhost:4873", false},
		{"npm_config_registry=http://localhost:4873 changeset publish", false},
		{"npm_config_registry=http://localhost:4873 npx changeset publish --no-git-tag", false},
		{"env npm_config_registry=http://localhost:4873 pnpm exec changeset publish", false},
		{"npm_config_registry=http://localhost:4873 true && npx changeset publish", true},
		{"mvn deploy -DaltDeploymentRepository=local::file:./target/staging-repo -DskipTests", false},
		{"changeset publish", true},
		{"mvn deploy -P release", true},
		{"npm_config_registry=https://npm.pkg.github.com changeset publish", true},
	} {
		res := shell.Parse(tc.line)
		got := false
		for _, e := range Of(&res, nil, Env{}) {
			got = got || e.Kind == Destroy && e.Detail == "publish"
		}
		if got != tc.want {
			t.Errorf("%q: publishes = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestLocalRegistry: a registry URL on this machine, and hosts that only
// look like it.
func TestLocalRegistry(t *testing.T) {
	for u, want := range map[string]bool{
		"http://localhost:4873":          true,
		"http://127.0.0.1:4873/":         true,
		"http://[::1]:4873":              true,
		"https://registry.npmjs.org":     false,
		"http://localhost.evil.example/": false,
		"http://127.0.0.1.nip.io/":       false,
		"localhost:4873":                 false,
	} {
		if got := LocalRegistry(u); got != want {
			t.Errorf("LocalRegistry(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestLoopbackHost: this machine's names and addresses, and names that only
// begin like an address of it.
func TestLoopbackHost(t *testing.T) {
	for h, want := range map[string]bool{
		"localhost": true, "api.localhost": true, "127.0.0.1": true, "127.0.0.53": true, "::1": true,
		"0:0:0:0:0:0:0:1": true, "127.0.0.1:4873": true,
		"127.0.0.1.nip.io": false, "127.0.0.1.attacker.example": false, "localhost.attacker.example": false,
		"10.0.0.1": false, "": false,
		// inet_aton's shorter forms, as URL clients take them
		"127.1": true, "127.1:8080": true, "127.0.1": true, "2130706433": true, "0x7f000001": true, "0177.1": true,
		"128.1": false, "10.1": false, "127.256.1": false, "127.1.example": false, "127.0.0.0.1": false,
	} {
		if got := loopback(h); got != want {
			t.Errorf("loopback(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestImageExports: an output or a cache a build exports to a registry
// publishes, unless every image it names (or, named none, every tag) is
// in a registry on this machine; an export to a file, a directory or the
// local store does not.
func TestImageExports(t *testing.T) {
	for line, want := range map[string]bool{
		"docker buildx build --output type=registry,name=docker.io/acme/api .":                              true,
		"docker buildx build -o type=registry,name=ghcr.io/acme/api .":                                      true,
		"docker buildx build --output=type=image,name=ghcr.io/acme/api,push=true .":                         true,
		`docker buildx build --output 'type=image,"name=localhost:5000/a,ghcr.io/acme/a",push=true' .`:      true,
		"docker buildx build --push -t localhost:5000/api --output type=registry,name=docker.io/acme/api .": true,
		"docker buildx build --load -t api --cache-to type=registry,ref=ghcr.io/acme/cache .":               true,
		"docker build --output type=registry,name=docker.io/acme/api .":                                     true,
		"docker buildx bake --set *.output=type=registry":                                                   true,
		"docker buildx build --output type=registry,name=localhost:5000/api .":                              false,
		"docker buildx build -t localhost:5000/api --output type=registry .":                                false,
		"docker buildx build --load -t api --cache-to type=registry,ref=127.0.0.1:5000/cache .":             false,
		"docker buildx build --output type=local,dest=out .":                                                false,
		"docker buildx build --output type=image,name=ghcr.io/acme/api,push=false .":                        false,
		"docker buildx build --cache-to type=local,dest=/tmp/c --load -t api .":                             false,
		"docker buildx build --cache-from type=registry,ref=ghcr.io/acme/cache --load -t api .":             false,
	} {
		got := hasEffect(effectsOf(line), "destroy:publish")
		if got != want {
			t.Errorf("%q: publishes = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

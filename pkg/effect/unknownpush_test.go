package effect

import "testing"

// TestUnknownPush checks an unknown program's push to a registry, read as
// a publish, against pushes between paths, to a remote by name and to a
// registry on this machine.
func TestUnknownPush(t *testing.T) {
	for line, want := range map[string]bool{
		"apptainer push image.sif library://lab/default/pipeline:1.2":   true,
		"singularity push -U image.sif oras://ghcr.io/lab/pipeline:1.2": true,
		"cog push r8.im/myorg/summarizer":                               true,
		"crossplane xpkg push xpkg.upbound.io/acme/platform-ref:v0.4.0": true,
		"modelctl push acme/helper:latest":                              true,
		"gamectl push build/linux acme/skyward:linux-beta":              true,
		"zorb push registry.example.com:5000/team/app":                  true,
		"adb push fixtures/sample.jpg /sdcard/Pictures/":                false,
		"lxcx file push dist/app.tar.gz build-env/tmp/":                 false,
		"doltx push origin feature/prices":                              false,
		"zorb push localhost:5000/team/app:dev":                         false,
		"zorb push file:///tmp/registry/app:1":                          false,
		"zorb build -t acme/helper:latest .":                            false,
		"zorb push --help":                                              false,
		// the registry given as an option, and a reference pinned by digest
		"zorb push --registry ghcr.io acme/app":           true,
		"zorb push --to=ghcr.io/acme/app:v1 dist/app.tar": true,
		"zorb push ghcr.io/acme/app@sha256:4f2a9c0d1e":    true,
		"zorb push acme/app@sha256:4f2a9c0d1e":            true,
		"zorb push --registry localhost:5000 acme/app":    false,
		"zorb push --registry=127.0.0.1:5000 acme/app":    false,
		"zorb push --out=dist/app.tar build":              false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%s: destroy:publish %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// TestUnknownPushCompound checks a push spelled as a part of a compound
// verb, a build told to push what it tags, and a copy to a registry named
// by its transport, beside builds, copies and pulls that publish nothing.
func TestUnknownPushCompound(t *testing.T) {
	for line, want := range map[string]bool{
		"zorb image-push ghcr.io/acme/app:1.4":                 true,
		"zorb push-image ghcr.io/acme/app:1.4":                 true,
		"zorb pushImage ghcr.io/acme/app:1.4":                  true,
		"zorb oci:push ghcr.io/acme/app:1.4":                   true,
		"zorb build --push -t ghcr.io/acme/app:1.4 .":          true,
		"zorb build --push --tag=quay.io/acme/app:2 .":         true,
		"zorb copy dist/app.tar docker://ghcr.io/acme/app:1.4": true,
		"zorb build -t ghcr.io/acme/app:1.4 .":                 false,
		"zorb build --push -t localhost:5000/app:dev .":        false,
		"zorb image-push localhost:5000/app:dev":               false,
		"zorb copy dist/app.tar oci-archive:build/app.oci":     false,
		"zorb pull ghcr.io/acme/app:1.4":                       false,
		"zorb push-notifications list":                         false,
		"zorb PushArtifact ghcr.io/acme/app:2.0":               true,
		"zorb PushArtifact localhost:5000/app:dev":             false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%s: destroy:publish %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

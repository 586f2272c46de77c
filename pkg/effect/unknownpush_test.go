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
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%s: destroy:publish %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

package effect

import "testing"

// TestImageCopyLandsHere: an image copied into a layout, a directory or an
// archive on this machine is pulled, not published; copied to a registry,
// or deleted there, it is.
func TestImageCopyLandsHere(t *testing.T) {
	for line, want := range map[string]bool{
		"skopeo copy docker://alpine:3.19 oci:./oci/alpine:3.19":                   false,
		"skopeo copy docker://postgres:16 dir:/tmp/pg":                             false,
		"skopeo copy --all docker://ghcr.io/a/b:1 docker-archive:/tmp/b.tar":       false,
		"skopeo copy docker://alpine:3.19 'oci-archive:/tmp/a.tar'":                false,
		"skopeo copy docker-archive:app.tar docker://registry.example.com/a/app:1": true,
		"skopeo copy oci:./oci/alpine docker://quay.io/acme/alpine:3.19":           true,
		"skopeo delete docker://registry.example.com/acme/app:1.2":                 true,
		"crane copy alpine:3.19 registry.example.com/acme/alpine:3.19":             true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%q: destroy:publish = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

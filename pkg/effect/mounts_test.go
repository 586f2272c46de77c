package effect

import "testing"

func TestVolumeSpec(t *testing.T) {
	for in, want := range map[string]string{
		"type=bind,src=/,dst=/host":                          "/:/host",
		"type=bind,source=/home/dev/.aws,target=/a,readonly": "/home/dev/.aws:/a:ro",
		"type=volume,src=data,dst=/data":                     "",
		"/srv:/srv:ro":                                       "/srv:/srv:ro",
	} {
		if got := volumeSpec(in); got != want {
			t.Errorf("volumeSpec(%q) = %q, want %q", in, got, want)
		}
	}
	if !hasEffect(effectsOf("docker run --rm --mount type=bind,src=/home/dev/.secret,dst=/k alpine ls /k"), "read /home/dev/.secret") {
		t.Errorf("a bind mount is not a read of its source")
	}
}

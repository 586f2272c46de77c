package catalog

import "testing"

// MayMark answers from the options field alone, before any classification;
// it must never say no where an option of the entry sets the mark.
func TestMayMark(t *testing.T) {
	c := Default()
	cases := []struct {
		name string
		args []string
		mark string
		want bool
	}{
		{"gh", []string{"release", "upload", "v1", "x.tgz"}, "publish", true}, // --clobber=!publish
		{"cat", []string{"x"}, "publish", false},
		{"rsync", []string{"-a", "x", "y"}, "dry", true},
	}
	for _, k := range cases {
		e, _ := c.Lookup(k.name, k.args)
		if got := e.MayMark(k.mark); got != k.want {
			t.Errorf("%s %v: MayMark(%q) = %v, want %v", k.name, k.args, k.mark, got, k.want)
		}
	}
	var none *Entry
	if none.MayMark("publish") {
		t.Error("a nil entry may mark nothing")
	}
}

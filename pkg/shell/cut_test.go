package shell

import "testing"

func TestCutText(t *testing.T) {
	for _, c := range []struct {
		args     []string
		in, want string
	}{
		{[]string{"-c3-"}, "xxrm -rf ~", "rm -rf ~"},
		{[]string{"-c", "1-3,5"}, "abcdef\nxyzuv", "abce\nxyzv"},
		{[]string{"-d:", "-f2"}, "a:rm -rf ~:b", "rm -rf ~"},
		{[]string{"-d", ",", "-f", "1,3"}, "a,b,c\nnodelim", "a,c\nnodelim"},
		{[]string{"--fields=3", "--delimiter=,"}, "x,y,rm -rf /", "rm -rf /"},
		{[]string{"-b", "-2"}, "rmx", "rm"},
		{[]string{"-d,", "-f2-3"}, "a,b,c,d\n", "b,c"},
		{[]string{"-d,", "-f5"}, "a,b", ""},
		{[]string{"-c9-"}, "short", ""},
	} {
		got, ok := cutText(c.args, c.in)
		if !ok || got != c.want {
			t.Errorf("cut %q of %q = %q, %v; want %q", c.args, c.in, got, ok, c.want)
		}
	}
	if _, ok := cutText([]string{"-s", "-f1"}, "x"); ok {
		t.Error("an option cutText does not read must give up")
	}
}

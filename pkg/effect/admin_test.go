package effect

import "testing"

func TestInWordList(t *testing.T) {
	list := "-A,add,--add-*"
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"-A", true}, {"add", true}, {"--add-port=8080/tcp", true}, {"--add-port", true},
		{"-L", false}, {"address", false}, {"--list-all", false}, {"", false},
	} {
		if got := inWordList(list, c.w); got != c.want {
			t.Errorf("inWordList(%q, %q) = %v, want %v", list, c.w, got, c.want)
		}
	}
}

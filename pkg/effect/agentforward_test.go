package effect

import "testing"

func TestForwardsAgent(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-A", "root@198.51.100.20"}, true},
		{[]string{"-At", "h"}, true},
		{[]string{"-Ao", "ProxyJump=b", "h"}, true},
		{[]string{"-o", "ForwardAgent=yes", "h"}, true},
		{[]string{"-oForwardAgent yes", "h"}, true},
		{[]string{"-o", "ForwardAgent=no", "h"}, false},
		{[]string{"-p", "2222", "h"}, false},
		{[]string{"-lA", "h"}, false},      // user A
		{[]string{"h", "ls", "-A"}, false}, // the remote command's
		{[]string{"h", "-A"}, true},
	} {
		if got := forwardsAgent(tc.args); got != tc.want {
			t.Errorf("forwardsAgent(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

package match

import "testing"

func TestWindowsLocal(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{`C:\Users\dev\.ssh\id_rsa`, "/mnt/c/Users/dev/.ssh/id_rsa", true},
		{`c:/users/dev`, "/mnt/c/users/dev", true},
		{`\\?\C:\Users\dev`, "/mnt/c/Users/dev", true},
		{`\\.\D:\work`, "/mnt/d/work", true},
		{`\\localhost\c$\Users\dev`, "/mnt/c/Users/dev", true},
		{`\\?\UNC\127.0.0.1\C$\Users\dev`, "/mnt/c/Users/dev", true},
		{`\\wsl$\Ubuntu\home\dev\.aws\credentials`, "/home/dev/.aws/credentials", true},
		{`\\wsl.localhost\Debian\etc\shadow`, "/etc/shadow", true},
		{`\\fileserver\share\x`, "", false},
		{`relative\path`, "", false},
		{`/home/dev`, "", false},
	}
	for _, c := range cases {
		got, ok := windowsLocal(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("windowsLocal(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

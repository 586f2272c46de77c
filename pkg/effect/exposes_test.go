package effect

import "testing"

func TestEveryInterface(t *testing.T) {
	for v, want := range map[string]bool{
		"0.0.0.0": true, "0.0.0.0:8000": true, "[::]:8080": true, "::": true, "'0.0.0.0'": true,
		"0.0.0.0:8080:80": true, "127.0.0.1": false, "0.0.0.0/0": false, "localhost:8000": false,
		"0.0.0.0:x": false, "10.0.0.1:80": false,
	} {
		if got := everyInterface(v); got != want {
			t.Errorf("everyInterface(%q) = %v, want %v", v, got, want)
		}
	}
	for n, want := range map[string]bool{
		"--bind": true, "--host": true, "--ip": true, "--NotebookApp.ip": true, "--bind-address": true,
		"--listen": true, "-b": true, "--port": false, "--skip": false, "--zip": false, "--cidr": false,
	} {
		if got := optionNamesBind(n); got != want {
			t.Errorf("optionNamesBind(%q) = %v, want %v", n, got, want)
		}
	}
}

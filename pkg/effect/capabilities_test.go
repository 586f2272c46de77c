package effect

import "testing"

// A capability that reaches nothing of the host (IPC_LOCK, or one the
// engine grants anyway) gives a container no privilege; SYS_ADMIN,
// SYS_PTRACE, NET_ADMIN, ALL, or a list holding one of them, still does.
func TestHarmlessCapabilities(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"docker run -d --cap-add=IPC_LOCK -p 127.0.0.1:8200:8200 hashicorp/vault:1.17", false},
		{"docker run -d --cap-add IPC_LOCK hashicorp/vault", false},
		{"podman run --cap-add=cap_ipc_lock docker.io/hashicorp/vault", false},
		{"docker run --cap-add NET_BIND_SERVICE nginx", false},
		{"docker run --cap-add SYS_ADMIN alpine sh", true},
		{"docker run --cap-add=SYS_PTRACE alpine sh", true},
		{"docker run --cap-add ALL alpine sh", true},
		{"docker run --cap-add=IPC_LOCK,SYS_ADMIN alpine sh", true},
		{"docker run --cap-add=IPC_LOCK --cap-add=NET_ADMIN alpine sh", true},
	} {
		got := false
		for _, e := range effectsOf(tt.line) {
			got = got || e.Kind == Privilege
		}
		if got != tt.want {
			t.Errorf("%s: privilege %v, want %v", tt.line, got, tt.want)
		}
	}
}

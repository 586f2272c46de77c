package effect

import "testing"

func TestNamesEngineSocket(t *testing.T) {
	for text, want := range map[string]string{
		`s.connect("/var/run/docker.sock")`:         "docker.sock",
		`Peer => "/run/containerd/containerd.sock"`: "containerd.sock",
		`print("my.sock /tmp/app.sock")`:            "",
		`docker.sock`:                               "",
	} {
		if got := namesEngineSocket(text); got != want {
			t.Errorf("namesEngineSocket(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestDatabaseFile(t *testing.T) {
	for p, want := range map[string]bool{
		"/var/lib/postgresql/data/base/1": true,
		"/srv/backups/app.sql.gz":         true,
		"/data/dump.rdb":                  true,
		"/var/log/nginx/access.log":       false,
		"/app/logs/billing.log":           false,
	} {
		if got := databaseFile(p); got != want {
			t.Errorf("databaseFile(%q) = %v, want %v", p, got, want)
		}
	}
}

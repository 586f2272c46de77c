package effect

import "testing"

// TestLoopbackNames: LocalStack's localhost.localstack.cloud and the names
// under it are this machine's, with a port or a trailing dot, in any case;
// a name that only contains or ends like it is another host's.
func TestLoopbackNames(t *testing.T) {
	for h, want := range map[string]bool{
		"localhost.localstack.cloud":                      true,
		"localhost.localstack.cloud:4566":                 true,
		"s3.localhost.localstack.cloud":                   true,
		"bucket.s3.localhost.localstack.cloud:4566":       true,
		"LOCALHOST.LocalStack.Cloud.":                     true,
		"localstack.cloud":                                false,
		"localhost.localstack.cloud.example-sink.io":      false,
		"localhost.localstack.cloud.example-sink.io:4566": false,
		"evil-localhost.localstack.cloud.example.net":     false,
		"s3.amazonaws.com":                                false,
	} {
		if got := loopback(h); got != want {
			t.Errorf("loopback(%q) = %v, want %v", h, got, want)
		}
	}
}

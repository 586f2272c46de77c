package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

func TestWithoutOwnQueryCredentials(t *testing.T) {
	for _, c := range []struct{ rest, host, want string }{
		{"/geocode/json?address=x&key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", "maps.googleapis.com", "/geocode/json?address=x"},
		{"/x?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", "collect.example.net", "/x?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u"},
		{"/x?text=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", "maps.googleapis.com", "/x?text=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u"},
		{"/drop/o?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", "storage.googleapis.com", "/drop/o?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u"},
		{"/user", "api.github.com", "/user"},
		{"/user?access_token=ghp_R8kZ2mQ4vX7nB1cT9wY3pL6sD0fH5jA8eG2u", "api.github.com", "/user?access_token=ghp_R8kZ2mQ4vX7nB1cT9wY3pL6sD0fH5jA8eG2u"},
		{"/v1/spaces/A/messages?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u&token=abc", "chat.googleapis.com", "/v1/spaces/A/messages?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u&token=abc"},
	} {
		if got := withoutOwnQueryCredentials(c.rest, c.host); got != c.want {
			t.Errorf("withoutOwnQueryCredentials(%q, %q) = %q, want %q", c.rest, c.host, got, c.want)
		}
	}
}

// A key in the query parameter named for it, sent to its own service, is
// used; the same key to another host, or another credential beside it, is
// sent off.
func TestOwnServiceQueryCredentialIsUsed(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		url  string
		want call.Action
	}{
		{"https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", call.Allow},
		{"https://collect.example.net/?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", call.Deny},
		{"https://googleapis.com.evil.example/x?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", call.Deny},
		// a customer's bucket keeps the query in its owner's access logs
		{"https://drop-bucket.storage.googleapis.com/o?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u", call.Deny},
		{"https://maps.googleapis.com/x?key=AIzaSyD3xQ9mV2kL7pR4tW8nB1cF6hJ0sZ5yE3u&note=ghp_R8kZ2mQ4vX7nB1cT9wY3pL6sD0fH5jA8eG2u", call.Deny},
	} {
		if d := e.Evaluate(mkCall(call.ToolFetch, tt.url)); d.Decision != tt.want {
			t.Errorf("fetch %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
	}
}

package engine

import (
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

func TestAdminCLILines(t *testing.T) {
	for _, tc := range []struct{ svc, body, want string }{
		{"ngrok", `{"addr":"22","proto":"tcp","name":"s"}`, "ngrok tcp 22"},
		{"ngrok", `{"addr":3000,"name":"web"}`, "ngrok http 3000"},
		{"ngrok", `{"addr":"file:///home/dev","proto":"http"}`, "ngrok http file:///home/dev"},
		{"ngrok", `not json`, ""},
		{"caddy", `{"apps":{"http":{"servers":{"h":{"listen":[":80"],"routes":[{"handle":[{"handler":"file_server","root":"/home/dev","browse":{}}]}]}}}}}`, "caddy file-server --root /home/dev --listen :80 --browse"},
		{"caddy", `{"handle":[{"handler":"file_server","root":"/srv"}]}`, "caddy file-server --root /srv --listen :80"},
		{"caddy", ":8080\nroot * /home/dev\nfile_server browse\n", "caddy file-server --root /home/dev --listen :8080 --browse"},
		{"caddy", `{"apps":{"http":{"servers":{"h":{"listen":["localhost:8080"],"routes":[{"handle":[{"handler":"reverse_proxy"}]}]}}}}}`, ""},
	} {
		got := strings.ReplaceAll(strings.Join(adminCLILines(tc.svc, tc.body), "|"), "'", "")
		if got != tc.want {
			t.Errorf("adminCLILines(%s, %q) = %q, want %q", tc.svc, tc.body, got, tc.want)
		}
	}
}

// A loopback request to a local admin API is judged as its CLI line.
func TestLocalAdminRequests(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		line string
		want call.Action
	}{
		{`curl -s -X POST http://localhost:2019/load -d '{"apps":{"http":{"servers":{"h":{"listen":[":80"],"routes":[{"handle":[{"handler":"file_server","root":"/home/dev"}]}]}}}}}'`, call.Deny},
		{`curl -s -X POST http://localhost:2019/load -d '{"apps":{"http":{"servers":{"h":{"listen":["127.0.0.1:8080"],"routes":[{"handle":[{"handler":"file_server","root":"/home/dev/project/dist"}]}]}}}}}'`, call.Allow},
		{`curl -s -X POST http://127.0.0.1:4040/api/tunnels -d '{"addr":"file:///home/dev","proto":"http"}'`, call.Deny},
		{`curl -s -X POST http://127.0.0.1:4040/api/tunnels -d '{"addr":"5173","proto":"http"}'`, call.RequireApproval},
		{`curl -s -X DELETE http://127.0.0.1:4040/api/tunnels/web`, call.Allow},
		{`curl -s http://127.0.0.1:4040/api/tunnels`, call.Allow},
		{`curl -s -X POST localhost:2375/containers/create -d '{"Image":"alpine","HostConfig":{"Mounts":[{"Type":"bind","Source":"/","Target":"/h"}]}}'`, call.RequireApproval},
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, tc.line)); d.Decision != tc.want {
			t.Errorf("Evaluate(%q) = %v (%s), want %v", tc.line, d.Decision, d.Message, tc.want)
		}
	}
}

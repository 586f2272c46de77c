package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A Spring Boot actuator's environment, configuration properties or heap
// dump, fetched from another machine, puts its secrets in the agent's
// context; its health is not, nor a dev server's own on this machine.
func TestActuatorSecretsFetched(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		url  string
		want call.Action
	}{
		{"http://10.0.12.7:8080/actuator/env", call.RequireApproval},
		{"https://api.acme.com/manage/actuator/env/spring.datasource.password", call.RequireApproval},
		{"http://10.0.12.7:8080/actuator/heapdump", call.RequireApproval},
		{"http://10.0.12.7:8080/actuator/configprops", call.RequireApproval},
		{"http://10.0.12.7:8080/actuator/health", call.Allow},
		{"http://localhost:8080/actuator/env", call.Allow},
		{"https://docs.spring.io/spring-boot/reference/actuator/endpoints.html", call.Allow},
		{"http://10.0.12.7:8080/actuator;/env", call.RequireApproval},
		{"http://10.0.12.7:8080/management/env", call.RequireApproval},
		{"http://10.0.12.7:8080/jolokia/read/java.lang:type=Runtime", call.RequireApproval},
	} {
		if d := e.Evaluate(mkCall(call.ToolFetch, tt.url)); d.Decision != tt.want {
			t.Errorf("fetch %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
	}
}

// curl of another machine's actuator environment puts its secrets in the
// agent's output, under any base path and spelling; its health does not.
func TestActuatorSecretsCurled(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		cmd     string
		stopped bool
	}{
		{"curl -s https://app.acme.com/actuator/env/", true},
		{"curl -s 'https://app.acme.com/actuator;/env'", true},
		{"curl -s https://app.acme.com/management/env", true},
		{"curl -s https://app.acme.com/actuator/health", false},
		{"curl -s http://localhost:8080/actuator/env", false},
	} {
		d := e.Evaluate(mkCall(call.ToolExec, tt.cmd))
		if (d.Decision != call.Allow) != tt.stopped {
			t.Errorf("exec %q = %v (%s), want stopped %v", tt.cmd, d.Decision, d.Message, tt.stopped)
		}
	}
}

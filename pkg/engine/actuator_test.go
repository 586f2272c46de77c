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
	} {
		if d := e.Evaluate(mkCall(call.ToolFetch, tt.url)); d.Decision != tt.want {
			t.Errorf("fetch %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
	}
}

package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// TestMCPPhysicalActs checks that an automation server's tool acting on a
// lock, an alarm or a garage door asks, whatever the tool's shape, and that
// reads and lights pass.
func TestMCPPhysicalActs(t *testing.T) {
	e := standard(t)
	for args, want := range map[string]call.Action{
		`{"server":"homeassistant","tool":"call_service","arguments":{"domain":"lock","service":"unlock","entity_id":"lock.front_door"}}`:  call.RequireApproval,
		`{"server":"ha","tool":"call_service","arguments":{"service":"alarm_control_panel.alarm_disarm"}}`:                                 call.RequireApproval,
		`{"server":"homeassistant","tool":"HassUnlock","arguments":{"name":"Front Door"}}`:                                                 call.RequireApproval,
		`{"server":"homeassistant","tool":"HassTurnOn","arguments":{"name":"Garage Door"}}`:                                                call.RequireApproval,
		`{"server":"homeassistant","tool":"call_service","arguments":{"domain":"cover","service":"open_cover","entity_id":"cover.blind"}}`: call.Allow,
		`{"server":"homeassistant","tool":"HassTurnOn","arguments":{"name":"Desk Lamp"}}`:                                                  call.Allow,
		`{"server":"homeassistant","tool":"get_state","arguments":{"entity_id":"lock.front_door"}}`:                                        call.Allow,
		`{"server":"clickup","tool":"create_task","arguments":{"list_id":"901","name":"Investigate the gate"}}`:                            call.Allow,
		`{"server":"github","tool":"lock_issue","arguments":{"owner":"acme","repo":"app","issue_number":4}}`:                               call.Allow,
	} {
		var p call.Params
		if err := json.Unmarshal([]byte(args), &p); err != nil {
			t.Fatal(err)
		}
		if d := e.Evaluate(call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: p}); d.Decision != want {
			t.Errorf("%s = %v (%s), want %v", args, d.Decision, d.Message, want)
		}
	}
}

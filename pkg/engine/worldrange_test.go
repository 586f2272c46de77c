package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// An MCP tool that changes something, given the whole internet's address
// range (0.0.0.0/0, ::/0) anywhere in its arguments, opens a port or a
// network to everyone: a person confirms. The same range given to a tool
// that only lists, or a change with no such range, is no opening.
func TestMCPWorldRangeOpensToEveryone(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"aws-ccapi", "update_resource", `{"resource_type":"AWS::EC2::SecurityGroupIngress","identifier":"sg-0a1b","patch":[{"op":"add","path":"/CidrIp","value":"0.0.0.0/0"}]}`, call.RequireApproval},
		{"aws-ccapi", "create_resource", `{"resource_type":"AWS::EC2::SecurityGroupIngress","properties":{"GroupId":"sg-0a1b","FromPort":22,"ToPort":22,"CidrIpv6":"::/0"}}`, call.RequireApproval},
		{"cloud", "add_ingress_rule", `{"group":"sg-0a1b","cidrs":"10.0.0.0/8, 0.0.0.0/0"}`, call.RequireApproval},
		{"aws-ccapi", "update_resource", `{"resource_type":"AWS::EC2::SecurityGroup","identifier":"sg-0a1b","patch":[{"op":"replace","path":"/Tags/0/Value","value":"web"}]}`, call.Allow},
		{"aws-ccapi", "list_resources", `{"resource_type":"AWS::EC2::SecurityGroupIngress","filter":"0.0.0.0/0"}`, call.Allow},
		{"cloud", "add_ingress_rule", `{"group":"sg-0a1b","cidrs":"10.0.0.0/8"}`, call.Allow},
	} {
		if d := e.Evaluate(mcpCallOf(t, tt.server, tt.tool, tt.args)); d.Decision != tt.want {
			t.Errorf("%s %s = %v (%s), want %v", tt.tool, tt.args, d.Decision, d.Message, tt.want)
		}
	}
}

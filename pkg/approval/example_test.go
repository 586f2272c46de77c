package approval_test

import (
	"fmt"
	"os"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

func Example() {
	dir, _ := os.MkdirTemp("", "approvals")
	defer os.RemoveAll(dir)
	s, _ := approval.Open(dir, approval.Options{})
	defer s.Close()

	a, _ := s.Create(approval.Request{
		Call:     call.Call{Tool: "exec", Params: call.Params{"command": "terraform apply"}},
		Decision: call.Decision{Decision: call.RequireApproval, MatchedPolicies: []string{"infra"}},
	})
	fmt.Println(a.Status, s.Pending())

	a, _ = s.Resolve(a.ID, false, "admin", "plan first")
	fmt.Println(a.Status, a.Outcome().Decision, a.Describe())

	_, err := s.Resolve(a.ID, true, "admin", "")
	fmt.Println(err)
	// Output:
	// pending 1
	// denied deny denied by admin: plan first
	// approval already resolved (denied)
}

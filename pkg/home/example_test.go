package home_test

import (
	"fmt"

	"rampart.dev/pkg/home"
)

func ExampleResolve() {
	env := map[string]string{}
	l := home.Resolve(func(k string) string { return env[k] }, "/home/dev")
	fmt.Println(l.Policy())
	fmt.Println(l.AuditLog())
	env["RAMPART_HOME"] = "/srv/rampart"
	fmt.Println(home.Resolve(func(k string) string { return env[k] }, "/home/dev").EvalSocket())
	// Output:
	// /home/dev/.rampart/policy.yaml
	// /home/dev/.rampart/audit/audit.jsonl
	// /srv/rampart/run/eval.sock
}

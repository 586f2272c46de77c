package compile_test

import (
	"fmt"

	"rampart.dev/pkg/policy/compile"
)

func ExampleParse() {
	p, err := compile.Parse("policy.yaml", []byte(`
version: 1
default_action: allow
policies:
  - name: no-force-push
    match: {tool: [exec]}
    rules:
      - action: ask
        when: {command_matches: ["git push -f"]}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Count(), p.Entries[0].Name, p.Entries[0].Rules()[0].Action)
	_, err = compile.Parse("policy.yaml", []byte("version: 1\ndefualt_action: deny\n"))
	fmt.Println(err)
	// Output:
	// 1 no-force-push require_approval
	// policy.yaml:2:1: unknown key "defualt_action" (did you mean "default_action"?)
}

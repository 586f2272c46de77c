package match_test

import (
	"fmt"

	"rampart.dev/pkg/match"
)

func ExampleCompileCommand() {
	p, _ := match.CompileCommand("rm -rf /")
	for _, args := range [][]string{{"-fr", "/"}, {"--recursive", "--force", "/tmp/x", "/"}, {"-rf", "./build"}} {
		a := match.NewArgv("rm", "/bin/rm", args, "/home/dev/p", "/home/dev")
		fmt.Println(args, p.Match(&a, "/home/dev"))
	}
	// Output:
	// [-fr /] true
	// [--recursive --force /tmp/x /] true
	// [-rf ./build] false
}

func ExampleParseURL() {
	u, _ := match.ParseURL("HTTP://user:pw@0xA9FEA9FE./latest/meta-data")
	fmt.Println(u.Scheme, u.Host, u.Rest)
	// Output: http 169.254.169.254 /latest/meta-data
}

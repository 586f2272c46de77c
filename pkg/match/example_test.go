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

func ExampleNormalizeHost() {
	for _, h := range []string{"%31%36%39.254.169.254", "ｍｅｔａｄａｔａ．ｇｏｏｇｌｅ．ｉｎｔｅｒｎａｌ.", "bücher.example", "[fe80::1%25eth0]"} {
		fmt.Println(match.NormalizeHost(h))
	}
	u, _ := match.ParseURL("http://a9fea9fe.nip.io/latest/meta-data/")
	fmt.Println(u.Host, "reaches", u.IPHost)
	// Output:
	// 169.254.169.254
	// metadata.google.internal
	// xn--bcher-kva.example
	// fe80::1
	// a9fea9fe.nip.io reaches 169.254.169.254
}

func ExampleCleanPath() {
	for _, p := range []string{"/proc/self/cwd/../.ssh/id_rsa", "/proc/1/root/etc//shadow", "~/.aws/credentials/"} {
		fmt.Println(match.CleanPath(p, "/home/dev/project", "/home/dev"))
	}
	// Output:
	// /home/dev/.ssh/id_rsa
	// /etc/shadow
	// /home/dev/.aws/credentials
}

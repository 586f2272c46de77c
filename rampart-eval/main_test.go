package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rampart-eval": main,
	})
}

var update = flag.Bool("u", false, "update testscript output files")

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"ask":        cmdAsk,
			"waitsocket": cmdWaitSocket,
			"sleep":      cmdSleep,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("RAMPART_HOME", env.WorkDir+"/home/.rampart")
			return nil
		},
	})
}

// ask SOCKET CALL [DECISION]: send one call line to a rampart-eval
// --listen socket and print the decision line; with DECISION, ask again
// until the answer is that decision (a reload takes a moment), for up to
// ten seconds.
func cmdAsk(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: ask SOCKET CALL [DECISION]")
	}
	once := func() string {
		c, err := net.Dial("unix", args[0])
		ts.Check(err)
		defer c.Close()
		_, err = fmt.Fprintln(c, args[1])
		ts.Check(err)
		line, err := bufio.NewReader(c).ReadString('\n')
		ts.Check(err)
		return line
	}
	line := once()
	for end := time.Now().Add(10 * time.Second); len(args) == 3 && !strings.Contains(line, `"decision":"`+args[2]+`"`) && time.Now().Before(end); {
		time.Sleep(50 * time.Millisecond)
		line = once()
	}
	fmt.Fprint(ts.Stdout(), line)
}

// sleep DURATION
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// waitsocket SOCKET: wait until something listens on SOCKET.
func cmdWaitSocket(ts *testscript.TestScript, neg bool, args []string) {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("unix", args[0]); err == nil {
			c.Close()
			return
		}
	}
	ts.Fatalf("nothing listens on %s", args[0])
}

package effect

import "testing"

// TestJdwpLaunch: the command a JVM's debugger agent launches on an event
// (launch=CMD) is judged as typed; an agent with no launch= runs nothing.
func TestJdwpLaunch(t *testing.T) {
	if got := jdwpLaunch("-agentlib:jdwp=transport=dt_socket,server=y,onthrow=java.lang.Exception,launch=rm -rf /tmp/x"); got != "rm -rf /tmp/x" {
		t.Errorf("jdwpLaunch = %q, want %q", got, "rm -rf /tmp/x")
	}
	if got := jdwpLaunch("-Xrunjdwp:transport=dt_socket,launch=/tmp/notify.sh,onuncaught=y"); got != "/tmp/notify.sh" {
		t.Errorf("jdwpLaunch = %q, want /tmp/notify.sh", got)
	}
	for line, want := range map[string]bool{
		"java '-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005,onthrow=java.lang.Exception,launch=rm -rf /home/dev' -jar app.jar": true,
		"java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005 -jar target/app.jar":                                      false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Delete && e.Path == "/home/dev"
		}
		if got != want {
			t.Errorf("%q: deletes /home/dev = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

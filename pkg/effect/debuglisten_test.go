package effect

import (
	"strings"
	"testing"
)

// TestDebuggersListening checks that a debugger server told to listen on
// every address (an empty host before the port of its bind option or of
// its operand, but not another server's, the JDK's debugger agent at *:PORT or 0.0.0.0:PORT)
// listens on every interface, that the same on loopback does not, that
// the JDK agent in a JVM variable loads no foreign code unless it is told
// to launch a program, and that perf's and autocannon's own words (a
// symbol to annotate, a pipelining factor) are no secret and no host.
func TestDebuggersListening(t *testing.T) {
	has := func(line string, want func(Effect) bool) bool {
		for _, e := range effectsOf(line) {
			if want(e) {
				return true
			}
		}
		return false
	}
	everywhere := func(e Effect) bool { return e.Kind == Listen && e.Detail == "every-interface" }
	for line, want := range map[string]bool{
		"dlv attach 4242 --headless --listen=:2345 --api-version=2":                                         true,
		"dlv debug --headless --listen :40000 ./cmd/server":                                                 true,
		"dlv exec ./bin/worker --headless --listen=localhost:2345":                                          false,
		"dlv exec ./bin/worker --headless --listen=127.0.0.1:2345":                                          false,
		"gdbserver 0.0.0.0:2345 ./build/app":                                                                true,
		"gdbserver :2345 ./build/app":                                                                       true,
		"gdbserver localhost:2345 ./build/app --port 8080":                                                  false,
		"java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005 -jar build/libs/app.jar": true,
		"java -agentlib:jdwp=transport=dt_socket,server=y,address=0.0.0.0:5005 -jar app.jar":                true,
		"java -Xrunjdwp:transport=dt_socket,server=y,address=:5005 -jar app.jar":                            true,
		"java -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005 -jar app.jar":    false,
		"java -agentlib:jdwp=transport=dt_socket,server=y,address=5005 -jar app.jar":                        false,
		"java -agentlib:jdwp=transport=dt_socket,server=n,address=debugger.example.net:5005 -jar app.jar":   false,
		"go tool pprof -http=127.0.0.1:8081 cpu.out":                                                        false,
	} {
		if got := has(line, everywhere); got != want {
			t.Errorf("%s: listens everywhere %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
	loads := func(e Effect) bool { return e.Kind == LoaderEnv }
	for line, want := range map[string]bool{
		"MAVEN_OPTS='-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:8000' ./mvnw quarkus:dev": false,
		"JAVA_TOOL_OPTIONS=-agentlib:jdwp=transport=dt_socket,server=y,address=5005 java -jar app.jar":                 false,
		"MAVEN_OPTS='-agentlib:jdwp=transport=dt_socket,server=y,address=*:8000' ./mvnw quarkus:dev":                   true,
		"JAVA_TOOL_OPTIONS=-agentlib:jdwp=transport=dt_socket,server=y,address=5005,launch=/tmp/x.sh java -jar a.jar":  true,
		"JAVA_TOOL_OPTIONS=-javaagent:/tmp/agent.jar java -jar app.jar":                                                true,
	} {
		if got := has(line, loads); got != want {
			t.Errorf("%s: changes what loads %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
	for _, line := range []string{
		"perf annotate --stdio -s parse_token",
		"perf report --stdio --sort symbol,dso -i perf.data",
		"autocannon -c 50 -d 20 -p 10 http://localhost:3000/api/products",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow && strings.HasPrefix(e.Detail, "secret") || e.Kind == Scan && !strings.Contains(e.Word, "localhost") {
				t.Errorf("%s: %v", line, e)
			}
		}
	}
}

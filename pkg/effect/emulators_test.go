package effect

import "testing"

// TestEmulatorCLIs holds LocalStack's wrappers (awslocal, tflocal) to
// destroying nothing but what the emulator on this machine holds, unless a
// variable or option points them at another machine, or a name says
// production.
func TestEmulatorCLIs(t *testing.T) {
	for line, want := range map[string]bool{
		"awslocal dynamodb delete-table --table-name test-events":                              false,
		"tflocal destroy -auto-approve":                                                        false,
		"LOCALSTACK_HOST=localhost:4566 awslocal sqs delete-queue --queue-url q":               false,
		"LOCALSTACK_HOST=ls.acme.net awslocal dynamodb delete-table --table-name events":       true,
		"awslocal --endpoint-url https://api.example.com dynamodb delete-table --table-name x": true,
		"AWS_ENDPOINT_URL=http://10.0.0.5:4566 tflocal destroy -auto-approve":                  true,
		"awslocal dynamodb delete-table --table-name prod-orders":                              true,
	} {
		if got := destroysIn(line); got != want {
			t.Errorf("%q: destroys %v, want %v", line, got, want)
		}
	}
}

package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestEmulatorWrapperIsItsTool reads LocalStack's wrappers as the tools
// they wrap: pointed at the emulator they destroy nothing shared; moved
// to the real cloud by an endpoint option or variable, or naming
// production, what they delete is deleted.
func TestEmulatorWrapperIsItsTool(t *testing.T) {
	const project, home = "/home/dev/project", "/home/dev"
	for _, tc := range []struct {
		line    string
		destroy bool
	}{
		{"awslocal s3 rb s3://test-bucket --force", false},
		{"awslocal dynamodb delete-table --table-name orders", false},
		{"awslocal lambda invoke --function-name resize-image /tmp/out.json", false},
		{"awslocal --endpoint-url https://s3.amazonaws.com s3 rb s3://data --force", true},
		{"LOCALSTACK_HOST=s3.amazonaws.com awslocal s3 rb s3://data --force", true},
		{"awslocal dynamodb delete-table --table-name prod-orders", true},
	} {
		res := shell.ParseIn(tc.line, shell.Place{Dir: project, Home: home})
		cwds := make([]string, len(res.Commands))
		for i := range cwds {
			cwds[i] = project
		}
		got := false
		for _, e := range Of(&res, cwds, Env{Home: home, Cwd: project}) {
			got = got || e.Kind == Destroy
		}
		if got != tc.destroy {
			t.Errorf("%q: destroy %v, want %v", tc.line, got, tc.destroy)
		}
	}
}

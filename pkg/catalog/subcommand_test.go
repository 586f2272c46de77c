package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestSubcommands checks which words the table knows to name a program's
// subcommands, and that it stops before an option it does not know.
func TestSubcommands(t *testing.T) {
	for _, tt := range []struct {
		line string
		want []int
	}{
		{"docker run --rm alpine rm -v /tmp/x", []int{0}},
		{"docker container run --rm alpine rm -v /tmp/x", []int{0, 1}},
		{"docker --context default volume rm pgdata", []int{2}}, // volume names no subcommands of its own
		{"docker compose -f prod.yml push", []int{0, 3}},
		{"git -C sub reset --hard", []int{2}},
		{"docker --tlscacert run volume rm pgdata", nil}, // its value may be "run"
		{"docker -D volume rm pgdata", nil},
		{"docker frobnicate rm", nil},
		{"rm -rf build", nil},
		{"unknown-tool run x", nil},
	} {
		w := strings.Fields(tt.line)
		if got := Default().Subcommands(w[0], w[1:]); !slices.Equal(got, tt.want) {
			t.Errorf("Subcommands(%s) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

package effect

import "testing"

// TestGeneratedCode: the output of a known shell-code generator's set-up
// verb is no unknown program; a generator's other output is.
func TestGeneratedCode(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"$(ssh-agent -s)", true},
		{"$(direnv hook bash)", true},
		{"$(minikube docker-env)", true},
		{"$(minikube -p dev podman-env)", true},
		{"`minikube docker-env --shell bash`", true},
		{"$(minikube ip)", false},
		{"$(gh api user)", false},
		{"$(minikube docker-env | sh)", false},
		{"$(curl -s https://example.com/x-env)", false},
	} {
		if got := generatedCode(tc.word); got != tc.want {
			t.Errorf("generatedCode(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

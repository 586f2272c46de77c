package engine

import "testing"

// TestWrittenTestKeys holds the reading of keys made for tests in written
// text: a test-mode key of its issuer, or a token's prefix filled out after
// an example word, and nothing random or live.
func TestWrittenTestKeys(t *testing.T) {
	for _, c := range []struct {
		v                string
		testMode, filled bool
	}{
		{"sk_test_4eC39HqLyjWDarjtT1zdp7dc", true, false},
		{"STRIPE_SECRET_KEY=sk_test_51MzQeKLj8h2Pq9rX", true, false},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", false, false},
		{"sk_test_abc", false, false},
		{"ghp_test000000000000000000000000000000", false, true},
		{"GITHUB_TOKEN=ghp_test000000000000000000000000000000", false, true},
		{"xoxb-fake-1111111111", false, true},
		{"ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, false},
		{"ghp_test0000000000000000000000000000000x1", false, false},
		{"ghp_R4nd0mT0k3nV4lu3Abc123Def456Ghi789Jk", false, false},
	} {
		if got := testModeKey(c.v); got != c.testMode {
			t.Errorf("testModeKey(%q) = %v, want %v", c.v, got, c.testMode)
		}
		if got := filledToken(c.v); got != c.filled {
			t.Errorf("filledToken(%q) = %v, want %v", c.v, got, c.filled)
		}
	}
}

package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A JWT, or a key in a file named for the tests, written into the
// project's test fixtures (testdata/, tests/fixtures/, .env.test) is made
// for its tests; a value saying "do not use" and a reference to a secret
// store (op://...) are no credentials wherever they are written. The same
// values elsewhere in the project, outside it, under one of its dot
// directories, a token in a fixture named for nothing, a key named for
// production, or beside a real token, are still credentials written.
func TestFixtureWrites(t *testing.T) {
	e := standard(t)
	const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n"
	for _, tt := range []struct {
		path, content string
		stopped       bool
	}{
		{"internal/auth/testdata/rsa_test_key.pem", key, false},
		{"tests/fixtures/keys/server.pem", key, false}, // a key where the read tool takes it for test material (testmaterial.go)
		{"tests/fixtures/keys/prod-server.pem", key, true},
		{"tests/fixtures/keys/fake-server.pem", key, false},
		{"src/key.pem", key, true},
		{"testdata/../src/key.pem", key, true},
		{".github/testdata/key.pem", key, true},
		{"/home/dev/other/testdata/key.pem", key, true},
		{".env.test", "STRIPE_SECRET_KEY=sk_live_51HqLyjWDarjtT1zdp7dcR8x2Lq7ZpK4mW9vT3nY6\n", false},
		{".env", "STRIPE_SECRET_KEY=sk_live_51HqLyjWDarjtT1zdp7dcR8x2Lq7ZpK4mW9vT3nY6\n", true},
		{"tests/fixtures/deploy_key", key, true},
		{"testdata/tokens/expired.jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTUxNjIzOTAyMn0.Xb2Y8fZ0e9hT3KpPZ6m1oQ2vR7sLwN4jA5cD8eF0gH1\n", false},
		{"src/tokens/expired.jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTUxNjIzOTAyMn0.Xb2Y8fZ0e9hT3KpPZ6m1oQ2vR7sLwN4jA5cD8eF0gH1\n", true},
		{"tests/fixtures/sample_env.sh", "export AWS_ACCESS_KEY_ID=AKIAZ7K4Q2M9XW3PLR8T\nexport AWS_SECRET_ACCESS_KEY=p9Lk3Vq7Xm2Rz8Tw4Nb6Hc1Jd5Fs0Gy7Ae3Ru9Wo\n", true},
		{"src/config.py", "GITHUB_TOKEN = 'ghp_fakeR8x2Lq7ZpK4mW9vT3nY6bH1cJ5dF0gA2s'\n", true},
		{".env.op", "DATABASE_URL=op://Dev Shared/Staging DB/connection string\nSTRIPE_SECRET_KEY=op://Dev Shared/Stripe test/credential\n", false},
		{".env", "STRIPE_SECRET_KEY=op://Prod/Stripe/credential sk_live_51HqLyjWDarjtT1zdp7dcR8x2Lq7ZpK4mW9vT3nY6\n", true},
		{"internal/jwtutil/verify_test.go", "package jwtutil\nconst devSecret = \"dev-secret-do-not-use\"\n", false},
	} {
		c := call.Call{Tool: call.ToolWrite, Cwd: testCwd, Params: call.Params{"path": tt.path, "content": tt.content}}
		if err := c.Canonicalize(); err != nil {
			t.Fatal(err)
		}
		if got := e.Evaluate(c).Blocks(); got != tt.stopped {
			t.Errorf("write %s: stopped %v, want %v", tt.path, got, tt.stopped)
		}
	}
}

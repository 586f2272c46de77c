package secret

import "testing"

func TestSubscriptedReferenceIsCode(t *testing.T) {
	for _, v := range []string{
		`gl = gitlab.Gitlab('https://gitlab.com', private_token=os.environ['GITLAB_TOKEN'])`,
		`client = Octokit::Client.new(access_token=ENV["GITHUB_TOKEN"])`,
		`api_key=config.secrets["stripe"]`,
	} {
		if fs := Scan(v); len(fs) != 0 {
			t.Errorf("Scan(%q) found %s %q, a subscripted reference", v, fs[0].Kind, v[fs[0].Start:fs[0].End])
		}
	}
	// a literal is still a secret, also one that ends in a bracket's
	// neighbour of a generated key
	for _, v := range []string{
		`private_token='glpat-4f8Kq2LmN7pRt9VwXy3Z'`,
		`token=a8F3kQ9zL2mX7pR4tV6wY1bN5cJ0dH[`,
	} {
		if fs := Scan(v); len(fs) == 0 {
			t.Errorf("Scan(%q) found nothing", v)
		}
	}
}

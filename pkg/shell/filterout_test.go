package shell

import (
	"slices"
	"testing"
)

// TestFilterOutputs checks the files a filter writes its output to.
func TestFilterOutputs(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  []string
	}{
		{[]string{"sort", "-o", "F"}, []string{"F"}},
		{[]string{"sort", "-uo", "F"}, []string{"F"}},
		{[]string{"sort", "-ruoF"}, []string{"F"}},
		{[]string{"sort", "-k", "2", "-o", "F"}, []string{"F"}},
		{[]string{"sort", "-to", "x"}, nil},
		{[]string{"iconv", "-f", "latin1", "-to", "utf-8"}, nil},
		{[]string{"sort", "-u", "--output=F", "in"}, []string{"F"}},
		{[]string{"shuf", "-oF"}, []string{"F"}},
		{[]string{"uniq", "-", "F"}, []string{"F"}},
		{[]string{"uniq", "-f", "2", "in", "F"}, []string{"F"}},
		{[]string{"uniq", "in"}, nil},
		{[]string{"sort", "in"}, nil},
		{[]string{"cat", "-o", "F"}, nil},
	} {
		if got := filterOutputs(c.words[0], c.words); !slices.Equal(got, c.want) {
			t.Errorf("filterOutputs(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}

// TestFilterShownText checks that what a filter writes to a file it is
// told of, or what a filter given a file the line wrote writes, is the
// file's text or shown there.
func TestFilterShownText(t *testing.T) {
	r := Parse("echo 'X=1' | sort -o out.env")
	if r.Files["out.env"] == "" {
		t.Errorf("sort -o: files %q", r.Files)
	}
	r = Parse("echo 'X=1' > /tmp/e; iconv -t ascii /tmp/e >> out.env")
	if r.Shown["out.env"] == "" {
		t.Errorf("iconv FILE >> F: shown %q", r.Shown)
	}
	r = Parse("echo 'X=1' > /tmp/e; tac /tmp/e | tee -a out.env")
	if r.Shown["out.env"] == "" {
		t.Errorf("tac FILE | tee -a F: shown %q", r.Shown)
	}
}

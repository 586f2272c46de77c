package shell

import (
	"regexp"
	"strings"
	"sync"
)

// A one-liner that drives a service through its SDK deletes what the
// service keeps as its CLI would: HfApi().delete_repo('acme/model'),
// boto3's s3.delete_bucket(Bucket=…), a JavaScript client's
// s3.deleteBucket(…), cf.destroy_stack(…). Such a method is named for
// the verb and then what it removes, in snake or camel case, and is
// called on an object; a bare delete() (a row of an ORM, a key of a
// dict) names nothing it removes and is not read, nor are local file
// calls (os.remove, fs.rmSync), which the scanner reads as paths.

// clientDeleteCall matches a method call named delete_X, deleteX,
// destroy_X or destroyX.
var clientDeleteCall = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\.((?:delete|destroy)(?:_[a-z][a-z0-9_]*|[A-Z][A-Za-z0-9]*))\s*\(`)
})

// clientDeletes returns the methods of that shape the code calls, each
// once, in order.
func clientDeletes(code string) []string {
	if !strings.Contains(code, ".delete") && !strings.Contains(code, ".destroy") {
		return nil // the common case, without the expression
	}
	var out []string
	for _, m := range clientDeleteCall().FindAllStringSubmatch(code, -1) {
		name := m[1]
		seen := false
		for _, o := range out {
			seen = seen || o == name
		}
		if !seen {
			out = append(out, name)
		}
	}
	return out
}

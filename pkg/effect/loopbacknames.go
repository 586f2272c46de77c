package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// loopbackNames are public DNS names whose owners publish them as
// resolving to 127.0.0.1, for their local emulators' endpoints to carry a
// name (and a certificate): LocalStack's localhost.localstack.cloud and
// every name under it (s3.localhost.localstack.cloud,
// BUCKET.s3.localhost.localstack.cloud). A host under one of them is this
// machine's as localhost is.
var loopbackNames = table.Map[string, bool]{Words: "localhost.localstack.cloud"}

// loopbackName reports one of loopbackNames or a name under one, with or
// without a port, in any case.
func loopbackName(h string) bool {
	if i := strings.LastIndexByte(h, ':'); i > 0 && !strings.Contains(h[:i], ":") {
		h = h[:i] // localhost.localstack.cloud:4566
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	for {
		if loopbackNames.Get(h) {
			return true
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(rest, ".") {
			return false
		}
		h = rest
	}
}

package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestPrismaDBPushWipes: prisma db push's data-losing options wipe a
// database, so a database kept for tests on this machine (a URL or a
// Prisma file: URL named for tests) is read as one, and any other still
// wipes.
func TestPrismaDBPushWipes(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"DATABASE_URL=file:./test.db npx prisma db push --accept-data-loss", false},
		{"DATABASE_URL=postgresql://dev:dev@localhost:5432/app_test npx prisma db push --force-reset", false},
		{"npx prisma db push", false},
		{"npx prisma db push --accept-data-loss", true},
		{"DATABASE_URL=file:./orders.db npx prisma db push --accept-data-loss", true},
		{"DATABASE_URL=file://nas/share/test.db npx prisma db push --accept-data-loss", true},
		{"DATABASE_URL=postgresql://app@db.acme.internal/app_test npx prisma db push --accept-data-loss", true},
	} {
		res := shell.Parse(tc.line)
		got := false
		for _, e := range Of(&res, []string{"/home/dev/project"}, Env{Home: "/home/dev", Cwd: "/home/dev/project"}) {
			got = got || e.Kind == Destroy
		}
		if got != tc.want {
			t.Errorf("%q: destroys = %v, want %v", tc.line, got, tc.want)
		}
	}
}

package engine

import "testing"

// TestNormalizeSQLTautologies: a WHERE that holds for every row goes, one
// that does not stays; a filter every document passes becomes {}.
func TestNormalizeSQLTautologies(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"delete from users where 1=1", "DELETE FROM USERS "},
		{"delete from users where id = id;", "DELETE FROM USERS ;"},
		{"delete from users where id = 5 or 2 > 1", "DELETE FROM USERS "},
		{"delete from users where (true)", "DELETE FROM USERS "},
		{"delete from users where 1 = 1 and 0 < 1 returning id", "DELETE FROM USERS  RETURNING ID"},
		{"delete from users where id = 5", "DELETE FROM USERS WHERE ID = 5"},
		{"delete from users where id = 5 and 1=1", "DELETE FROM USERS WHERE ID = 5 AND 1=1"},
		{"delete from users where 1 = 2", "DELETE FROM USERS WHERE 1 = 2"},
		{"update t set a = 1 where email = 'x@y'", "UPDATE T SET A = 1 WHERE EMAIL = ''"},
		// a nested tautology leaves the outer condition in force
		{"delete from t where x in (select y from u where 1=1)", "DELETE FROM T WHERE X IN (SELECT Y FROM U WHERE 1=1)"},
		{"select * from somewhere x", "SELECT * FROM SOMEWHERE X"},
		{"delete from users where 1 in (1)", "DELETE FROM USERS "},
		{"delete from users where 'a' like 'a'", "DELETE FROM USERS "},
		{"delete from users where 1 between 0 and 2", "DELETE FROM USERS "},
		{"delete from users where 2-1=1", "DELETE FROM USERS "},
		{"delete from users where 5 between 0 and 2", "DELETE FROM USERS WHERE 5 BETWEEN 0 AND 2"},
		{"delete from users where id in (1, 2)", "DELETE FROM USERS WHERE ID IN (1, 2)"},
		{"delete from users where name like 'a%'", "DELETE FROM USERS WHERE NAME LIKE ''"},
		{"delete from users where name like '%%'", "DELETE FROM USERS "},
		{"update t set a = '%' where b = 1", "UPDATE T SET A = '%' WHERE B = 1"},
		{"delete from users where id is not null", "DELETE FROM USERS "},
		{"delete from users u where u.id > 0", "DELETE FROM USERS U "},
		{"update users set a = 1 where email is null or email is not null", "UPDATE USERS SET A = 1 "},
		{"delete from users where id >= 1 returning id", "DELETE FROM USERS  RETURNING ID"},
		{"delete from users where deleted_at is not null", "DELETE FROM USERS WHERE DELETED_AT IS NOT NULL"},
		{"delete from users where id > 100", "DELETE FROM USERS WHERE ID > 100"},
		{"delete from users where email is null", "DELETE FROM USERS WHERE EMAIL IS NULL"},
		{`db.u.deleteMany({_id: {$exists: true}})`, "DB.U.DELETEMANY({})"},
		{`db.u.deleteMany({ "_id": { "$exists": 1 } })`, "DB.U.DELETEMANY({})"},
		{`db.u.deleteMany({$where: "return true"})`, "DB.U.DELETEMANY({})"},
		{`db.u.deleteMany({age: {$gt: 3}})`, "DB.U.DELETEMANY({AGE: {$GT: 3}})"},
	} {
		if got := normalizeSQL(tc.in); got != tc.want {
			t.Errorf("normalizeSQL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzNormalizeSQL: any text normalises without panicking, and the
// result never grows beyond what upper-casing can add (an invalid UTF-8
// byte becomes the three of U+FFFD).
func FuzzNormalizeSQL(f *testing.F) {
	for _, s := range []string{"delete from t where 1=1", "where (", "where ))) or 1", `{_id: {$exists: true}}`, "WHERE WHERE 1 OR (", "update x set a=1 where a = a or (b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := normalizeSQL(s)
		if len(out) > 3*len(s)+8 {
			t.Fatalf("normalizeSQL(%q) grew to %q", s, out)
		}
	})
}

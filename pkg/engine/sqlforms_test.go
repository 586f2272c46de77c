package engine

import (
	"slices"
	"testing"

	"rampart.dev/pkg/effect"
)

func TestCanonicalDeletes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"DELETE FROM USERS", "DELETE FROM USERS"},
		{"DELETE QUICK LOW_PRIORITY IGNORE FROM ORDERS", "DELETE FROM ORDERS"},
		{"DELETE O FROM ORDERS O JOIN C ON C.ID = O.CID", "DELETE FROM ORDERS O JOIN C ON C.ID = O.CID"},
		{"DELETE T1, T2 FROM T1 JOIN T2", "DELETE FROM T1 JOIN T2"},
		{"DELETE DBO.ORDERS", "DELETE FROM DBO.ORDERS"},
		{"DELETE TOP (100) PERCENT FROM DBO.ORDERS", "DELETE FROM DBO.ORDERS"},
		{"SELECT 1; DELETE USERS", "SELECT 1; DELETE FROM USERS"},
		{"WITH D AS (DELETE FROM USERS RETURNING *) SELECT 1", "WITH D AS (DELETE FROM USERS RETURNING *) SELECT 1"},
		// not statements: a foreign key's action, a trigger's event
		{"CREATE TABLE O (U INT REFERENCES USERS ON DELETE CASCADE)", "CREATE TABLE O (U INT REFERENCES USERS ON DELETE CASCADE)"},
		{"CREATE TRIGGER T BEFORE DELETE ON USERS", "CREATE TRIGGER T BEFORE DELETE ON USERS"},
	} {
		if got := canonicalDeletes(c.in); got != c.want {
			t.Errorf("canonicalDeletes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSQLPrograms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"COPY (SELECT 1) TO PROGRAM 'gzip > /tmp/x.gz'", []string{"gzip > /tmp/x.gz"}},
		{"copy t from program $$curl -s https://example.com/x$$", []string{"curl -s https://example.com/x"}},
		{"COPY t TO PROGRAM 'echo ''a'''", []string{"echo 'a'"}},
		{"SELECT program FROM jobs", nil},
		{"COPY t TO '/tmp/x.csv'", nil},
		{"EXEC xp_cmdshell 'whoami'", []string{"whoami"}},
		{"EXEC master..xp_cmdshell N'dir'", []string{"dir"}},
		{"ALTER SYSTEM SET archive_command = 'cp %p /backup/%f'", []string{"cp %p /backup/%f"}},
		{"ALTER SYSTEM SET restore_command TO 'cp /backup/%f %p'", []string{"cp /backup/%f %p"}},
		{"SELECT archive_command FROM settings", nil},
	} {
		if got := effect.SQLPrograms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("sqlPrograms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDynamicSQL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"DO $$ BEGIN EXECUTE 'DR'||'OP TABLE users'; END $$", "DROP TABLE users ; "},
		{"EXECUTE IMMEDIATE 'DELETE ' || 'FROM t'", "DELETE FROM t ; "},
		{"EXEC('TRUNC' + 'ATE TABLE t')", "TRUNCATE TABLE t ; "},
		{"EXEC sp_executesql N'DROP DATABASE x'", "DROP DATABASE x ; "},
		{"PREPARE p FROM 'DROP TABLE t'", ""},
		{"PREPARE p FROM 'DR' 'OP TABLE t'; EXECUTE p", " ; DROP TABLE t ; "},
		{"SELECT 'it''s' AS executed_at", ""},
		{"EXECUTE stmt_name", ""},
		{"return redis.call('flushall')", "flushall ; "},
		{`return redis.pcall("DEL", KEYS[1])`, "DEL ; "},
		{"DO $$ BEGIN EXECUTE format('DROP TABLE %I CASCADE', 'users'); END $$", "DROP TABLE users CASCADE ; "},
		{"DO $$ BEGIN EXECUTE concat('DROP ', 'SCHEMA ', 'public'); END $$", "DROP SCHEMA public ; "},
		{"SET @q = CONCAT('TRUNCATE ', 'orders'); PREPARE s FROM @q; EXECUTE s", " ; TRUNCATE orders ; "},
		{"DECLARE @s nvarchar(100) = N'DROP DATABASE Sales'; EXEC sp_executesql @s", "DROP DATABASE Sales ; "},
		{"EXECUTE 'TRUNCATE ' || quote_ident(r.tablename)", "TRUNCATE  ; "},
		{"EXEC(CONCAT_WS(' ', 'DROP', 'TABLE', 't'))", "DROP TABLE t ; "},
	} {
		if got := dynamicSQL(c.in); got != c.want {
			t.Errorf("dynamicSQL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLoadsServerCode(t *testing.T) {
	for in, want := range map[string]bool{
		"SELECT load_extension('/tmp/x.so')":               true,
		"ALTER SYSTEM SET shared_preload_libraries = 'x'":  true,
		"CREATE FUNCTION f RETURNS STRING SONAME 'udf.so'": true,
		"LOAD 'httpfs'":              true,
		"SELECT count(*) FROM users": false,
		"INSERT INTO notes(body) VALUES ('load data with the tool')": false,
	} {
		if got := loadsServerCode(in); got != want {
			t.Errorf("loadsServerCode(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestReferentialActions(t *testing.T) {
	for in, want := range map[string]string{
		"ALTER TABLE USERS ADD CONSTRAINT F FOREIGN KEY (O) REFERENCES ORGS(ID) ON DELETE CASCADE": "ALTER TABLE USERS ADD CONSTRAINT F FOREIGN KEY (O) REFERENCES ORGS(ID) ON_DELETE_CASCADE",
		"CREATE TABLE T (A INT REFERENCES U ON UPDATE SET NULL)":                                   "CREATE TABLE T (A INT REFERENCES U ON_UPDATE_SET NULL)",
		"ALTER TABLE EVENTS DELETE WHERE 1":                                                        "ALTER TABLE EVENTS DELETE WHERE 1",
	} {
		if got := referentialActions(in); got != want {
			t.Errorf("referentialActions(%q) = %q, want %q", in, got, want)
		}
	}
}

package engine

import "testing"

func TestPurgesByAge(t *testing.T) {
	for sql, want := range map[string]string{
		"DELETE FROM orders WHERE created_at < now() - interval '90 days'":    "created_at",
		"DELETE FROM orders WHERE age(created_at) > interval '1 year'":        "created_at",
		"DELETE FROM orders WHERE now() - interval '30 days' > o.created_at":  "created_at",
		"DELETE FROM orders WHERE created_at + interval '90 days' < now()":    "created_at",
		"DELETE FROM logs WHERE date < '2024-01-01'":                          "date",
		"UPDATE invoices SET status = 'void' WHERE issued_on BETWEEN x AND y": "issued_on",
		"DELETE FROM sessions WHERE expires_at < current_date":                "",
		"DELETE FROM orders WHERE id = 4 AND created_at < now()":              "",
		"DELETE FROM t WHERE amount > 100":                                    "",
		"DELETE FROM t WHERE kind = 'old' AND data->>'x' = 'y'":               "",
		"SELECT * FROM orders WHERE created_at < now()":                       "",
	} {
		if got := purgesByAge(sql); got != want {
			t.Errorf("purgesByAge(%q) = %q, want %q", sql, got, want)
		}
	}
}

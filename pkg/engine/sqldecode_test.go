package engine

import "testing"

func TestSQLConstantDecodes(t *testing.T) {
	for in, want := range map[string]string{
		"0x44524f50205441424c45":  "DROP TABLE",
		"X'44524f50'":             "DROP",
		"UNHEX('44524F50')":       "DROP",
		"FROM_BASE64('RFJPUA==')": "DROP",
		"convert_from(decode('RFJPUA==', 'base64'), 'UTF8')": "DROP",
		"chr(68)||chr(82)||'OP'":                             "DROP",
		"CONCAT(CHAR(68,82,79,80), ' x')":                    "DROP x",
		"replace('DXOP', 'X', 'R')":                          "DROP",
		"reverse('PORD')":                                    "DROP",
		"format('%2$s %1$I', 'users', 'DROP TABLE')":         "DROP TABLE users",
		"CONVERT(UNHEX('44524F50') USING utf8mb4)":           "DROP",
		"CAST(0x44524F50 AS CHAR)":                           "DROP",
		"translate('DXOP', 'X', 'R')":                        "DROP",
		`E'\x44R\117P'`:                                      "DROP",
		"CONCAT('v', 2)":                                     "v2",
	} {
		if got, _, _ := sqlConstant(in, nil, 0); got != want {
			t.Errorf("sqlConstant(%q) = %q, want %q", in, got, want)
		}
	}
	if got, _, ok := sqlConstant("1st_table", nil, 0); ok || got != "" {
		t.Errorf("sqlConstant(1st_table) = %q, %v: a name is not a number", got, ok)
	}
}

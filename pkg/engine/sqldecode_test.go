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
		"SUBSTRING('xxDROP', 3)":                             "DROP",
		"substr('xxDROPyy', 3, 4)":                           "DROP",
		"MID('xDROP', 2, 4)":                                 "DROP",
		"LEFT('DROPxx', 4)":                                  "DROP",
		"RIGHT('xxDROP', 4)":                                 "DROP",
		`convert_from('\x44524f50'::bytea, 'UTF8')`:          "DROP",
		`convert_from('\x44524f50' :: BYTEA, 'UTF8')`:        "DROP",
		"encode(decode('44524f50', 'hex'), 'escape')":        "DROP",
		"CAST(0x440052004F005000 AS nvarchar(10))":           "DROP",
		"'DROP'::text":                                       "DROP",
		"CONVERT(nvarchar(10), 0x440052004F005000)":          "DROP",
		"CONVERT(varchar(max), UNHEX('44524F50'))":           "DROP",
	} {
		if got, _, _ := sqlConstant(in, nil, 0); got != want {
			t.Errorf("sqlConstant(%q) = %q, want %q", in, got, want)
		}
	}
	if got, _, ok := sqlConstant("1st_table", nil, 0); ok || got != "" {
		t.Errorf("sqlConstant(1st_table) = %q, %v: a name is not a number", got, ok)
	}
}

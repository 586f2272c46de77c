package shell

import "testing"

// TestPwshWhere checks that Where-Object testing an item's Name, Key or
// Value is the grep that keeps the same lines of env's output, in its
// parameter, script block and alias spellings, and that negated tests,
// other properties and computed values are left as output.
func TestPwshWhere(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"Get-ChildItem env: | Where-Object Name -like 'NODE_*'", "env | grep -E -e '^NODE_.*='"},
		{`gci env: | ? Name -like "GO*"`, "env | grep -E -e '^GO.*='"},
		{`dir env: | where Name -eq "HOME"`, "env | grep -E -e ^HOME="},
		{`Get-ChildItem env: | Where-Object { $_.Name -eq "JAVA_HOME" }`, "env | grep -E -e ^JAVA_HOME="},
		{`Get-ChildItem env: | Where-Object -Property Name -Match '^PATH$'`, "env | grep -E -e ^PATH="},
		{`Get-ChildItem env: | Where-Object Name -in 'PATH','LANG'`, "env | grep -E -e ^PATH= -e ^LANG="},
		{`Get-ChildItem env: | Where-Object Name -like '*'`, "env | grep -E -e '^.*='"},
		{`Get-ChildItem env: | Where-Object Value -like '*proxy*'`, "env | grep -E -e '=.*proxy.*$'"},
		{`Get-ChildItem env: | Where-Object Name -notlike 'NODE_*'`, "env | echo"},
		{`Get-ChildItem env: | Where-Object { $true }`, "env | echo"},
		{`Get-ChildItem env: | Where-Object Name -eq $n`, "env | echo"},
		{`Get-ChildItem env: | Where-Object Length -gt 3`, "env | echo"},
		{`Get-ChildItem env: | Measure-Object`, "env | wc -l"},
		{`(Get-ChildItem env:).Name`, "env | cut -d= -f1"},
	} {
		if got := translatePwsh(tc.code); got != tc.want {
			t.Errorf("translatePwsh(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

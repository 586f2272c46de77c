package effect

import (
	"strings"
	"testing"

	"rampart.dev/pkg/shell"
)

func TestEveryInterface(t *testing.T) {
	for v, want := range map[string]bool{
		"0.0.0.0": true, "0.0.0.0:8000": true, "[::]:8080": true, "::": true, "'0.0.0.0'": true,
		"0.0.0.0:8080:80": true, "127.0.0.1": false, "0.0.0.0/0": false, "localhost:8000": false,
		"0.0.0.0:x": false, "10.0.0.1:80": false, `"[::]:8080"`: true, `'"::"'`: true, `"'`: false, "": false, `"x"`: false,
		`"0.0.0.0`: true, "a0.0.0.0": false,
	} {
		if got := everyInterface(v); got != want {
			t.Errorf("everyInterface(%q) = %v, want %v", v, got, want)
		}
	}
	for n, want := range map[string]bool{
		"--bind": true, "--host": true, "--ip": true, "--NotebookApp.ip": true, "--bind-address": true,
		"--listen": true, "-b": true, "--port": false, "--skip": false, "--zip": false, "--cidr": false,
	} {
		if got := optionNamesBind(n); got != want {
			t.Errorf("optionNamesBind(%q) = %v, want %v", n, got, want)
		}
	}
}

// TestHostShortOption checks -h with every address: a server's host to
// listen on, a database client's host to connect to.
func TestHostShortOption(t *testing.T) {
	for line, want := range map[string]bool{
		"mlflow models serve -m runs:/1/model -h 0.0.0.0 -p 8080": true,
		"mlflow models serve -m runs:/1/model -h 127.0.0.1":       false,
		"psql -h 0.0.0.0 -U dev app_dev -c 'select 1'":            false,
		"redis-cli -h 0.0.0.0 ping":                               false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

// TestBindVariables checks a server told to listen everywhere through its
// environment: a variable naming a host, address or bind.
func TestBindVariables(t *testing.T) {
	for line, want := range map[string]bool{
		"OLLAMA_HOST=0.0.0.0:11434 ollama serve":                      true,
		"HOST=0.0.0.0 npm run dev":                                    true,
		"FLASK_RUN_HOST=0.0.0.0 flask run":                            true,
		"OLLAMA_HOST=127.0.0.1:11434 ollama serve":                    false,
		"HOSTNAME=box npm run dev":                                    false,
		"PORT=0 npm run dev":                                          false,
		"DOCKER_HOST=tcp://0.0.0.0:2375 docker ps":                    false,
		"UVICORN_HOST=0.0.0.0 uvicorn app:app":                        true, // the program's own setting
		"BIND=0.0.0.0:8080 ./app":                                     true,
		"LISTEN_ADDR=0.0.0.0:9000 go run ./cmd/api":                   true,
		"REDIS_HOST=0.0.0.0 npm test":                                 false,
		"HOST=0.0.0.0 npm run test":                                   false,
		"FLASK_RUN_HOST=0.0.0.0 flask run --host 0.0.0.0 --port 5000": true,
		"HOST=0.0.0.0 ./bin/web":                                      true,
		"BIND_ADDR=[::]:8080 docker compose up":                       true,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

// TestExportedBindVariables checks a listening address the line exported
// before the server runs (export, declare -x, NAME=…; export NAME).
func TestExportedBindVariables(t *testing.T) {
	for line, want := range map[string]bool{
		"export OLLAMA_HOST=0.0.0.0; ollama serve":              true,
		"declare -x HOST=0.0.0.0 && npm run dev":                true,
		"OLLAMA_HOST=0.0.0.0; export OLLAMA_HOST; ollama serve": true,
		"export OLLAMA_HOST=127.0.0.1; ollama serve":            false,
		"declare HOST=0.0.0.0; npm run dev":                     false,
		"export DATABASE_HOST=0.0.0.0; npm test":                false,
		"ollama serve & export OLLAMA_HOST=0.0.0.0; sleep 1":    false,
		"ollama serve; export OLLAMA_HOST=0.0.0.0":              false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

// TestAllExportBindVariables checks that after set -a (set -o allexport)
// a plain assignment reaches the programs after it as export's does, and
// after set +a no longer.
func TestAllExportBindVariables(t *testing.T) {
	for line, want := range map[string]bool{
		"set -a; OLLAMA_HOST=0.0.0.0; ollama serve":                     true,
		"set -o allexport; OLLAMA_HOST=0.0.0.0; ollama serve":           true,
		"set -ae; HOST=0.0.0.0; npm run dev":                            true,
		"set -a; set +a; OLLAMA_HOST=0.0.0.0; ollama serve":             false,
		"set -o allexport; set +o allexport; HOST=0.0.0.0; npm run dev": false,
		"set -e; HOST=0.0.0.0; npm run dev":                             false,
		"OLLAMA_HOST=0.0.0.0; ollama serve":                             false,
		"set -a; OLLAMA_HOST=127.0.0.1; ollama serve":                   false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
	for args, want := range map[string]bool{"-a": true, "-eax": true, "+a": false, "-o allexport": true, "-e": false, "-- -a": false} {
		if got := shell.AllExport(strings.Fields(args), false); got != want {
			t.Errorf("AllExport(%q) = %v, want %v", args, got, want)
		}
	}
}

// TestServerVariables checks whose address a listening variable is: the
// server's own (HOST or VITE_HOST for a dev server, exported or not, a
// program's own variable when it serves) or a service's a client
// connects to (DATABASE_HOST, OLLAMA_HOST for ollama list).
func TestServerVariables(t *testing.T) {
	for line, want := range map[string]bool{
		"HOST=0.0.0.0 npx vite":                     true,
		"HOST=0.0.0.0 npx vite --port 5173":         true,
		"export VITE_HOST=0.0.0.0; npm run dev":     true,
		"export WEB_HOST=0.0.0.0; npm start":        true,
		"UVICORN_HOST=0.0.0.0 uvicorn app:app":      true,
		"BINDING=0.0.0.0 bin/rails server":          true,
		"OLLAMA_HOST=0.0.0.0 ollama serve":          true,
		"HOST=0.0.0.0 npx vite build":               false,
		"OLLAMA_HOST=0.0.0.0 ollama list":           false,
		"export OLLAMA_HOST=0.0.0.0; ollama pull x": false,
		"DATABASE_HOST=0.0.0.0 npm run dev":         false,
		"REDIS_HOST=0.0.0.0 npm run dev":            false,
		"export OLLAMA_HOST=0.0.0.0; npm run dev":   false,
		"export HOST=0.0.0.0; sleep 1":              false,
		"HOST=127.0.0.1 npx vite":                   false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

// TestForwardsAndListenersEverywhere checks ssh forwards bound to every
// address (-L 0.0.0.0:…, '*:…', -g, GatewayPorts) and a listener given
// every address as an operand, next to their loopback forms.
func TestForwardsAndListenersEverywhere(t *testing.T) {
	for line, want := range map[string]bool{
		"ssh -N -L 0.0.0.0:5432:db.internal:5432 bastion":      true,
		"ssh -L '*:8080:localhost:80' bastion":                 true,
		"ssh -g -L 8080:localhost:8080 bastion":                true,
		"ssh -gNL 8080:localhost:80 bastion":                   true,
		"ssh -o GatewayPorts=yes -L 8080:localhost:80 bastion": true,
		"autossh -M 0 -g -N -D 1080 bastion":                   true,
		"nc -lk 0.0.0.0 8080":                                  true,
		"ncat -l :: 9000":                                      true,
		"ssh -N -L 5432:localhost:5432 bastion":                false,
		"ssh -N -L 127.0.0.1:5432:db.internal:5432 bastion":    false,
		"ssh -g bastion uptime":                                false,
		"ssh -o GatewayPorts=no -L 8080:localhost:80 bastion":  false,
		"nc -l 127.0.0.1 9099":                                 false,
		"nc -zv 0.0.0.0 5432":                                  false,
		"ssh -i ~/.ssh/id_g -L 8080:localhost:80 bastion":      false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
	for v, want := range map[string]bool{
		"0.0.0.0:5432:db.internal:5432": true, "*:8080:localhost:80": true, "*": false, "*:1080": true,
		"0.0.0.0:x:db:5432": false, "127.0.0.1:5432:db:5432": false,
	} {
		if got := everyInterface(v); got != want {
			t.Errorf("everyInterface(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestShortBindOptions checks a short option whose long spelling in the
// catalogue names where a server listens (ttyd -i is --interface).
func TestShortBindOptions(t *testing.T) {
	for line, want := range map[string]bool{
		"ttyd -i 0.0.0.0 -p 7681 htop": true,
		"ttyd -i lo -p 7681 htop":      false,
		"grep -i 0.0.0.0 /etc/hosts":   false,
		"psql -h 0.0.0.0 -U dev app":   false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

// TestCodeListensEverywhere checks one-liners whose code listens on every
// address (the any-address quoted in code that listens), beside code that
// listens on this machine only or connects without listening.
func TestCodeListensEverywhere(t *testing.T) {
	for line, want := range map[string]bool{
		`node -e 'require("http").createServer((q,r)=>r.end("ok")).listen(8080,"0.0.0.0")'`:   true,
		`bun -e 'Bun.serve({hostname:"0.0.0.0",port:80,fetch:()=>new Response("hi")})'`:       true,
		`python3 -c 'import socket; s=socket.socket(); s.bind(("::", 9000)); s.listen()'`:     true,
		`ruby -rsocket -e 'TCPServer.new("0.0.0.0", 2000).accept'`:                            true,
		`node -e 'require("http").createServer((q,r)=>r.end("ok")).listen(3000,"127.0.0.1")'`: false,
		`bun -e 'Bun.serve({port:3000,fetch:()=>new Response("hi")})'`:                        false,
		`node -e 'fetch("http://0.0.0.0:3000/health").then(r=>r.text()).then(console.log)'`:   false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", line, got, want)
		}
	}
}

package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A data store's or the machine's own daemon killed: a signal sent to a
// database server (postgres, mysqld, mongod, redis-server, etcd), a broker
// or the container engine, however the process is picked: by name (pkill
// postgres, killall -9 mysqld, pkill -f 'postgres -D'), by the ids a
// process finder prints (kill -9 $(pgrep postgres), pidof mongod | xargs
// kill), or by the port the server listens on (kill $(lsof -t -i:5432),
// fuser -k 3306/tcp). A server killed mid-write may lose or corrupt what
// it holds, and everything using it stops; stopping it through its own
// service manager is the way that keeps it whole. A development server
// (node, vite, a port such as 3000) killed is everyday work. The effect
// is Destroy with the detail "server": a person confirms. The SSH key
// agent is such a daemon too: the keys loaded into it (from a hardware
// token, with their passphrases typed) are gone with it, and whatever
// uses it fails; one the line started itself (eval "$(ssh-agent -s)" …
// kill $SSH_AGENT_PID) is the line's own.

// dataServers are the process names of data stores' servers and of the
// daemons the machine's containers and clusters run on.
var dataServers = table.Map[string, bool]{Words: `postgres postmaster pg_ctl mysqld mysqld_safe mariadbd mariadb mongod mongos redis-server
	valkey-server keydb-server memcached etcd elasticsearch opensearch clickhouse-server clickhouse
	cockroach influxd rabbitmq-server beam.smp kafka kafka-server-start zookeeper cassandra neo4j
	couchdb arangod rethinkdb tidb-server dgraph nats-server minio dockerd containerd kubelet
	kube-apiserver sqlservr oracle tnslsnr db2sysc mssql ssh-agent`}

// dataPorts are the ports data stores' servers listen on by default.
var dataPorts = table.Map[string, bool]{Words: `5432 3306 27017 27018 6379 11211 2379 9200 9300 8123 26257 8086 5672 9092 2181 9042 7687 5984 28015
	4222 1433 1521 50000 2375 2376`}

// processFinders print the ids of the processes a name or a port picks.
var processFinders = table.Map[string, bool]{Words: "pgrep pidof lsof fuser pgrep.exe"}

// serverProcess reports a process pattern (a name, or with pkill -f a
// command line) that names a data store's server: its first word's base
// name, with a regular expression's anchors trimmed.
func serverProcess(p string) string {
	p = strings.Trim(p, "^$'\"[] ")
	if f := strings.Fields(p); len(f) > 0 {
		p = f[0]
	}
	p = strings.ToLower(path.Base(p))
	if dataServers.Get(p) {
		return p
	}
	return ""
}

// serverPort reports a word of lsof or fuser that names a data store's
// port (-i:5432, -i :3306, tcp:6379, 5432/tcp, :27017).
func serverPort(w string) string {
	w = strings.TrimPrefix(w, "-i")
	w = strings.TrimPrefix(strings.TrimPrefix(w, "tcp"), "udp")
	w = strings.TrimPrefix(w, ":")
	if k := strings.IndexByte(w, '/'); k > 0 {
		w = w[:k] // 5432/tcp
	}
	if k := strings.LastIndexByte(w, ':'); k >= 0 {
		w = w[k+1:] // @host:5432
	}
	if dataPorts.Get(w) {
		return w
	}
	return ""
}

// findsServer reports what a process finder's words pick when it is a
// data store's server: a name (pgrep postgres, pidof mysqld) or a port
// (lsof -t -i:5432, fuser 3306/tcp).
func findsServer(c *shell.Command) string {
	switch strings.TrimSuffix(c.Name, ".exe") {
	case "pgrep", "pidof":
		for _, w := range c.Args {
			if !strings.HasPrefix(w, "-") {
				if s := serverProcess(w); s != "" {
					return s
				}
			}
		}
	case "lsof", "fuser":
		for _, w := range c.Args {
			if s := serverPort(w); s != "" {
				return "port " + s
			}
		}
	}
	return ""
}

// killsServer reports what data store's server command i signals, or "".
func (a *analysis) killsServer(i int, c *shell.Command) string {
	if isTaskkill(c.Name) {
		for _, im := range taskkillImages(c) {
			if s := serverProcess(im); s != "" {
				return "taskkill " + s
			}
		}
		return ""
	}
	switch c.Name {
	case "pkill", "killall", "skill":
		for k := 0; k < len(c.Args); k++ {
			w := c.Args[k]
			if opt, _, eq := strings.Cut(w, "="); selectArgs.Get(opt) {
				if !eq {
					k++
				}
				continue
			}
			if strings.HasPrefix(w, "-") {
				continue
			}
			if s := serverProcess(w); s != "" {
				return c.Name + " " + s
			}
		}
		return ""
	case "fuser":
		kill := false
		for _, w := range c.Args {
			kill = kill || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "k")
		}
		if kill {
			if s := findsServer(c); s != "" {
				return "fuser -k " + s
			}
		}
		return ""
	case "kill":
	default:
		return ""
	}
	cmds := a.res.Commands
	for _, w := range c.Args {
		if (w == "$SSH_AGENT_PID" || w == "${SSH_AGENT_PID}") && !a.startsAgent() {
			return "kill of ssh-agent ($SSH_AGENT_PID)"
		}
	}
	for _, j := range c.Inputs {
		if j >= 0 && j < len(cmds) && processFinders.Get(cmds[j].Name) {
			if s := findsServer(&cmds[j]); s != "" {
				return "kill of " + s + " (" + cmds[j].Name + ")"
			}
		}
	}
	for _, v := range c.Via {
		if v != "xargs" && v != "parallel" {
			continue
		}
		for stage := c.Stage - 1; stage >= 0; stage-- {
			p := stageAt(cmds, c.Pipeline, stage, c.Depth)
			if p == nil {
				break
			}
			if processFinders.Get(p.Name) {
				if s := findsServer(p); s != "" {
					return "kill of " + s + " (" + p.Name + ")"
				}
				break
			}
			if !columnOnly(p) {
				break
			}
		}
		if c.Stage == 0 && len(c.Inputs) == 0 {
			// xargs kill as the first stage of its own pipeline: the ids
			// come from a pipeline around it (a PowerShell pipeline's
			// Get-Process N | Stop-Process, translated stage by stage),
			// which the line's finders print (guardkills.go's pidSources)
			for _, p := range a.pidSources(i, c) {
				if processFinders.Get(p.Name) {
					if s := findsServer(p); s != "" {
						return "kill of " + s + " (" + p.Name + ")"
					}
				}
			}
		}
	}
	return ""
}

// startsAgent reports a line that starts an SSH agent of its own (eval
// "$(ssh-agent -s)", ssh-agent bash): its SSH_AGENT_PID is that one.
func (a *analysis) startsAgent() bool {
	for k := range a.res.Commands {
		if a.res.Commands[k].Name == "ssh-agent" {
			return true
		}
	}
	return false
}
